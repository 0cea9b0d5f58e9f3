#!/usr/bin/env bash
# Installs what is missing, builds the release app and runs it on its embedded defaults
# (http://127.0.0.1:3000; LEPTOS_SITE_ADDR, JWT_SECRET_KEY etc. from the environment or .env).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=scripts/bootstrap.sh
source "$ROOT/scripts/bootstrap.sh"
cd "$ROOT"
./scripts/build-crypto.sh
cargo leptos build --release --split --precompress --lib-features hydrate,split
exec "$ROOT/target/release/jwt-debugger" "$@"
