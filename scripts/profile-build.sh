#!/usr/bin/env bash
# Builds the page's WASM for profiling, with its Rust function names, into target/profile-pkg/:
# the release build's code (profile wasm-prof: wasm-release without `strip`), one file (no
# --split: the lazily loaded functions are in it), through wasm-bindgen and wasm-opt -Oz as
# cargo-leptos does, but keeping the name section (`--keep-debug`, `-g`). The release build
# cannot be profiled by name: cargo-leptos drops the names. end2end/bench/page-profile.mjs
# serves these two files in place of the page's own.
# Needs the wasm32 target, the wasm-bindgen CLI and wasm-opt (scripts/bootstrap.sh).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export PATH="$ROOT/tools/node_modules/.bin:$PATH"
# The flags cargo-leptos builds the page with (always-erase-components), and its target dir.
export RUSTFLAGS='--cfg erase_components'
cargo build --quiet --package=jwt-debugger --lib --target-dir=target/front --target=wasm32-unknown-unknown \
  --no-default-features --features=hydrate --profile=wasm-prof
out="$ROOT/target/profile-pkg"
rm -rf "$out"
mkdir -p "$out"
wasm-bindgen --target web --keep-debug --no-typescript --out-dir "$out" --out-name jwt-debugger \
  "$ROOT/target/front/wasm32-unknown-unknown/wasm-prof/jwt_debugger.wasm"
wasm-opt -Oz -g --strip-dwarf --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals "$out/jwt-debugger_bg.wasm" -o "$out/jwt-debugger.wasm"
rm "$out/jwt-debugger_bg.wasm"
# The glue loads the WASM by the name the page asks for.
ls -l "$out"
