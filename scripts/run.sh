#!/usr/bin/env bash
# Installs what is missing, builds the release app (unless nothing changed since the last build)
# and runs it on its embedded defaults (http://127.0.0.1:3000; LEPTOS_SITE_ADDR, JWT_SECRET_KEY
# etc. from the environment or .env). Arguments go to the server binary.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=scripts/bootstrap.sh
source "$ROOT/scripts/bootstrap.sh"
cd "$ROOT"
binary="$ROOT/target/release/jwt-debugger"
# Everything the binary is built from (its site is inside it); public/crypto is built from crates/.
changed="$(find src crates style public end2end/package.json Cargo.toml Cargo.lock rust-toolchain.toml \
  -path public/crypto -prune -o -type f -newer "$binary" -print -quit 2>/dev/null || true)"
if [ ! -x "$binary" ] || [ -n "$changed" ]; then
  ./scripts/build-crypto.sh
  cargo leptos build --release --split --precompress --lib-features hydrate,split
fi
exec "$binary" "$@"
