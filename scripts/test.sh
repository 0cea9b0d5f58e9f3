#!/usr/bin/env bash
# Installs what is missing, then runs every check and test: formatting (rustfmt, leptosfmt), the
# core's dependency tree (no web framework, server or browser binding),
# clippy (server, browser and core builds), the core's unit, fixture, Wycheproof and property
# tests natively and in wasm32, the app's unit, route and CLI tests, the server-verdict comparison
# with the real node jsonwebtoken and PyJWT, and the Playwright
# end-to-end tests against the release server in Debian's Chromium. Stops at the first failure.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=scripts/bootstrap.sh
source "$ROOT/scripts/bootstrap.sh"
cd "$ROOT"

step() { printf '\n== %s\n' "$*"; }

# The same flag cargo-leptos uses for its builds: the tests share target/ with them.
export RUSTFLAGS="--cfg erase_components"

step "format (rustfmt, leptosfmt)"
cargo fmt --all -- --check
leptosfmt --check --quiet src

step "core: no web framework, server or browser binding in its dependency tree"
./scripts/check-core-deps.sh

step "clippy (core, server, browser, crypto module)"
cargo clippy --quiet --workspace --all-targets --features jwt-debugger/ssr -- -D warnings
cargo clippy --quiet --lib --target wasm32-unknown-unknown --features hydrate,split -- -D warnings
cargo clippy --quiet -p jwt-core-wasm --lib --target wasm32-unknown-unknown -- -D warnings

step "core: unit, fixture, Wycheproof and property tests (native)"
cargo test --quiet -p jwt-core

step "core: unit and fixture tests in wasm32 (wasm-bindgen-test under Node)"
# With the limbs the crypto module is built with (scripts/build-crypto.sh).
RUSTFLAGS='--cfg erase_components --cfg cpubits="32"' \
  cargo test -p jwt-core --target wasm32-unknown-unknown --lib --test wasm

step "app: unit, route and CLI tests"
cargo test --quiet --features ssr

unset RUSTFLAGS
step "release build (crypto module, then the site and server)"
./scripts/build-crypto.sh
cargo leptos build --release --split --precompress --lib-features hydrate,split

step "what would your server say: the CLI against node jsonwebtoken 9.0.3 and PyJWT 2.15.1"
node end2end/servers/compare.mjs

step "end-to-end (Playwright, Debian Chromium)"
port="$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')"
(cd end2end && E2E_PORT="$port" npx playwright test)
