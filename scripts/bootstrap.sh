#!/usr/bin/env bash
# Installs whatever is missing to build, run and test jwt-debugger on a Debian machine with
# rustup, Node.js/npm and root (or sudo). Sourced by scripts/run.sh and scripts/test.sh.
# Idempotent; prints nothing when everything is already there. Downloads no prebuilt binary
# from GitHub: every tool comes from crates.io, npm or Debian.
#
# Pinned here (and why):
#   cargo-leptos 0.3.11   newest release; builds with the toolchain in rust-toolchain.toml
#   wasm-bindgen-cli      must equal the wasm-bindgen crate in Cargo.lock (read from there)
#   wasm-opt              binaryen 132 from npm (tools/package-lock.json); Debian's binaryen 108
#                         breaks hydration, so ours goes first on PATH
#   leptosfmt 0.1.33      formats view! macros (checked by scripts/test.sh)
#   PyJWT 2.15.1          end2end/servers/requirements.txt, in the virtual environment .tools/pyjwt
#                         (end2end/servers/compare.mjs checks the CLI's predictions against it)

set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CARGO_LEPTOS_VERSION="0.3.11"
LEPTOSFMT_VERSION="0.1.33"

note() { printf '[bootstrap] %s\n' "$*" >&2; }
die() { printf '[bootstrap] error: %s\n' "$*" >&2; exit 1; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else die "need root for: $*"; fi; }

export PATH="$HOME/.cargo/bin:$PATH"
command -v rustup >/dev/null || die "rustup is missing: install it from https://rustup.rs, then run this again"
command -v npm >/dev/null || die "Node.js and npm are missing: apt-get install -y nodejs npm"

# 1. The Rust toolchain of rust-toolchain.toml, with the wasm32 target, rustfmt and clippy.
toolchain="$(sed -n 's/^channel *= *"\(.*\)"/\1/p' "$ROOT/rust-toolchain.toml")"
if ! rustup toolchain list | grep -q "^$toolchain"; then
  note "installing Rust $toolchain (rust-toolchain.toml)"
  (cd "$ROOT" && rustup toolchain install "$toolchain" --profile minimal \
    --component rustfmt,clippy --target wasm32-unknown-unknown >&2)
fi
if ! rustup target list --installed --toolchain "$toolchain" | grep -q '^wasm32-unknown-unknown$'; then
  note "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown --toolchain "$toolchain" >&2
fi
for component in rustfmt clippy; do
  if ! rustup component list --installed --toolchain "$toolchain" | grep -q "^$component"; then
    note "adding $component"
    rustup component add "$component" --toolchain "$toolchain" >&2
  fi
done

# 2. Debian's Chromium for the browser tests (never Playwright's own download).
if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
  note "installing Debian's chromium and chromium-driver"
  as_root apt-get install -y -qq chromium chromium-driver >/dev/null 2>&1 \
    || { as_root apt-get update -qq >/dev/null && as_root apt-get install -y -qq chromium chromium-driver >/dev/null; }
fi

# 3. cargo-leptos, once, into ~/.cargo/bin (about 15 minutes on 2 cores).
if [ "$(cargo leptos --version 2>/dev/null | awk '{print $2}')" != "$CARGO_LEPTOS_VERSION" ]; then
  note "installing cargo-leptos $CARGO_LEPTOS_VERSION (one time; about 15 minutes on 2 cores)"
  (cd "$ROOT" && cargo install --locked --quiet cargo-leptos --version "$CARGO_LEPTOS_VERSION")
fi

# 4. wasm-bindgen CLI equal to the crate version in Cargo.lock.
wb_version="$(awk '/^name = "wasm-bindgen"$/ {getline; gsub(/version = |"/, ""); print; exit}' "$ROOT/Cargo.lock")"
[ -n "$wb_version" ] || die "no wasm-bindgen in Cargo.lock"
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$wb_version" ]; then
  note "installing wasm-bindgen-cli $wb_version (one time; a few minutes)"
  # Not --locked: the registry lacks one of its locked dependencies.
  (cd "$ROOT" && cargo install --quiet --force wasm-bindgen-cli --version "$wb_version")
fi

# 5. leptosfmt, for the formatting check of view! macros (a minute or two).
if [ "$(leptosfmt --version 2>/dev/null | awk '{print $2}')" != "$LEPTOSFMT_VERSION" ]; then
  note "installing leptosfmt $LEPTOSFMT_VERSION (one time)"
  (cd "$ROOT" && cargo install --locked --quiet leptosfmt --version "$LEPTOSFMT_VERSION")
fi

# 6. npm packages: build tools (wasm-opt) and the Playwright test runner.
npm_ci() { # $1 = directory with package-lock.json
  local dir="$1"
  if [ ! -f "$dir/node_modules/.package-lock.json" ] || [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
    note "npm ci in ${dir#"$ROOT"/}"
    (cd "$dir" && npm ci --silent --no-audit --no-fund >&2)
  fi
}
npm_ci "$ROOT/tools"
npm_ci "$ROOT/end2end"
export PATH="$ROOT/tools/node_modules/.bin:$PATH"

# 7. PyJWT (and its cryptography) in .tools/pyjwt, for end2end/servers/compare.mjs; Debian's
#    python3-venv only if `python3 -m venv` does not work. Reinstalled when the requirements change.
pyjwt_venv="$ROOT/.tools/pyjwt"
pyjwt_requirements="$ROOT/end2end/servers/requirements.txt"
if [ ! -x "$pyjwt_venv/bin/python" ] || [ "$pyjwt_requirements" -nt "$pyjwt_venv/.installed" ]; then
  command -v python3 >/dev/null || die "python3 is missing: apt-get install -y python3 python3-venv"
  if [ ! -x "$pyjwt_venv/bin/python" ] && ! python3 -m venv "$pyjwt_venv" >/dev/null 2>&1; then
    rm -rf "$pyjwt_venv"
    note "installing Debian's python3-venv"
    as_root apt-get install -y -qq python3-venv >/dev/null 2>&1 \
      || { as_root apt-get update -qq >/dev/null && as_root apt-get install -y -qq python3-venv >/dev/null; }
    python3 -m venv "$pyjwt_venv"
  fi
  note "installing PyJWT into .tools/pyjwt (end2end/servers/requirements.txt)"
  "$pyjwt_venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$pyjwt_requirements" >&2
  touch "$pyjwt_venv/.installed"
fi
