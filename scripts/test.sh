#!/usr/bin/env bash
# Installs what is missing, then runs every check and test: formatting, clippy (server and
# browser builds), unit, route, CLI, fixture, Wycheproof and property tests natively, the
# core's tests in wasm32, and the Playwright end-to-end tests against the release server in
# Debian's Chromium. Stops at the first failure.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=scripts/bootstrap.sh
source "$ROOT/scripts/bootstrap.sh"
cd "$ROOT"

step() { printf '\n== %s\n' "$*"; }

# The same flag cargo-leptos uses for debug builds: `cargo leptos watch` and the tests share target/.
export RUSTFLAGS="--cfg erase_components"

step "format"
cargo fmt --all -- --check

step "clippy (ssr, hydrate)"
cargo clippy --quiet --features ssr --all-targets -- -D warnings
cargo clippy --quiet --lib --target wasm32-unknown-unknown --features hydrate,split -- -D warnings

step "unit, route, CLI, fixture, Wycheproof and property tests (native)"
cargo test --quiet --features ssr

step "core tests in wasm32 (wasm-bindgen-test under Node)"
cargo test --target wasm32-unknown-unknown --test wasm

unset RUSTFLAGS
step "release build"
cargo leptos build --release --split --precompress --lib-features hydrate,split

step "end-to-end (Playwright, Debian Chromium)"
port="$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')"
(cd end2end && E2E_PORT="$port" npx playwright test)
