#!/usr/bin/env bash
# Fuzzes the analyser and key parsing with cargo-fuzz (libFuzzer). Prints figures; not part of
# the test command.
#   scripts/fuzz.sh [SECONDS_PER_TARGET]   (default 300)
# Uses the pinned toolchain (rust-toolchain.toml) with RUSTC_BOOTSTRAP=1 for cargo-fuzz's
# unstable flags, so no nightly is needed; installs cargo-fuzz when missing. Runs without a
# sanitizer (the core is safe Rust; libFuzzer still finds panics, overflows and hangs), prints
# executions and crash artifacts per target, and leaves crashes in fuzz/artifacts/<target>/.
# Keep any crashing input as a regression test in crates/jwt-core.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SECONDS_PER_TARGET="${1:-300}"
export PATH="$HOME/.cargo/bin:$PATH"
TOOLCHAIN="$(sed -n 's/^channel *= *"\(.*\)"/\1/p' "$ROOT/rust-toolchain.toml")"
export RUSTC_BOOTSTRAP=1
cargo "+$TOOLCHAIN" fuzz --version >/dev/null 2>&1 || cargo "+$TOOLCHAIN" install cargo-fuzz --version 0.13.2 --locked
cd "$ROOT/fuzz"
status=0
for target in analyse keys; do
  mkdir -p "corpus/$target" "artifacts/$target"
  log="$(mktemp)"
  if ! cargo "+$TOOLCHAIN" fuzz run --sanitizer none "$target" -- \
    -max_total_time="$SECONDS_PER_TARGET" -max_len=4096 -timeout=10 -print_final_stats=1 >"$log" 2>&1; then
    status=1
  fi
  execs="$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | awk '{print $2}' | tail -1)"
  crashes="$(find "artifacts/$target" -type f | wc -l)"
  echo "$target: ${execs:-?} executions in ${SECONDS_PER_TARGET}s, $crashes crash artifacts, corpus $(find "corpus/$target" -type f | wc -l) inputs"
  grep -E '^(==|SUMMARY|thread .* panicked)' "$log" | head -5 || true
  rm -f "$log"
done
exit "$status"
