#!/usr/bin/env bash
# Checks that the core (crates/jwt-core) stays pure: no web framework, server or browser binding
# anywhere in its dependency tree, natively and in wasm32. The crate boundary keeps `use leptos`
# out of the core's code; this keeps such a dependency out of its Cargo.toml (and out of what its
# dependencies bring). In wasm32 two are allowed, and only through these crates: js-sys and
# wasm-bindgen for jsonwebtoken (its clock) and getrandom (the browser's randomness).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
names() { cargo tree --quiet -p jwt-core -e normal --prefix none --format '{p}' "$@" | awk '{print $1}' | sort -u; }
native="$(names)"
wasm="$(names --target wasm32-unknown-unknown)"
# js-sys and wasm-bindgen (those in the tree: `cargo tree -i` fails on a package that is not),
# and the crates that depend on them directly.
inverted=()
for binding in js-sys wasm-bindgen; do
  if grep -qx "$binding" <<<"$wasm"; then inverted+=(-i "$binding"); fi
done
bindings=""
if [ ${#inverted[@]} -gt 0 ]; then
  bindings="$(names --target wasm32-unknown-unknown "${inverted[@]}" --depth 1)"
fi
web='^(leptos.*|axum.*|tokio.*|hyper.*|tower.*|reactive_graph|tachys|server_fn|web-sys|gloo.*|wasm-bindgen-futures)$'
problems=""
found="$(grep -E "$web|^(js-sys|wasm-bindgen)$" <<<"$native" || true)"
[ -z "$found" ] || problems+=" natively: $(xargs <<<"$found")."
found="$(grep -E "$web" <<<"$wasm" || true)"
[ -z "$found" ] || problems+=" in wasm32: $(xargs <<<"$found")."
found="$(grep -vxE 'js-sys|wasm-bindgen|jsonwebtoken|getrandom' <<<"$bindings" || true)"
[ -z "$found" ] || problems+=" js-sys or wasm-bindgen used by: $(xargs <<<"$found")."
if [ -n "$problems" ]; then
  echo "jwt-core's dependency tree has what the core must not depend on:$problems" >&2
  exit 1
fi
echo "jwt-core: no web framework, server or browser binding in its dependency tree ($(wc -l <<<"$native") crates natively, $(wc -l <<<"$wasm") in wasm32)"
