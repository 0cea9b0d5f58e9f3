#!/usr/bin/env bash
# Builds the page's lazily loaded part, crates/jwt-core-wasm (the JWT core with every algorithm,
# signing, key generation and the teaching view), into public/crypto/: cargo-leptos copies it
# into the site (and precompresses it with --precompress), the page loads it after it is
# interactive, and its worker (public/crypto-worker.js) loads the same files.
#   scripts/build-crypto.sh           release build (what the scripts serve and test)
# Needs the wasm32 target, the wasm-bindgen CLI and wasm-opt (scripts/bootstrap.sh).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# The same flags as cargo-leptos's release build of the page; a profile of its own (wasm-crypto:
# optimised for speed, see Cargo.toml). And 32-bit limbs for crypto-bigint and the curves
# (`cpubits`): by default they use 64-bit limbs on wasm32, whose 64×64→128-bit products are calls
# to __multi3 in WebAssembly. Measured in Chromium with end2end/bench/crypto-module.mjs: ES512 and
# ES256K verify about twice as fast, RSA about a quarter faster, p256 ~8 % slower (it now only
# reads ES256 keys and signs; crrl checks ES256 signatures, with 32-bit limbs on wasm32 anyway).
export RUSTFLAGS='--cfg erase_components --cfg cpubits="32"'
cargo build --quiet -p jwt-core-wasm --lib --target wasm32-unknown-unknown --profile wasm-crypto
out="$ROOT/public/crypto"
rm -rf "$out"
mkdir -p "$out"
wasm-bindgen --target web --no-typescript --out-dir "$out" --out-name jwt_core_wasm \
  "$ROOT/target/wasm32-unknown-unknown/wasm-crypto/jwt_core_wasm.wasm"
# Speed matters here more than bytes (it is loaded lazily): optimise for speed.
wasm-opt -O3 --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals \
  "$out/jwt_core_wasm_bg.wasm" -o "$out/jwt_core_wasm_bg.wasm"
