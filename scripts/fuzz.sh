#!/usr/bin/env bash
# Fuzzes the analyser and key parsing with cargo-fuzz (libFuzzer; needs a nightly toolchain).
#   scripts/fuzz.sh [SECONDS_PER_TARGET]   (default 300)
# Installs the nightly toolchain and cargo-fuzz when missing, runs each target, and prints the
# executions and crashes of each. Crashes are left in fuzz/artifacts/<target>/.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SECONDS_PER_TARGET="${1:-300}"
export PATH="$HOME/.cargo/bin:$PATH"
rustup toolchain list | grep -q '^nightly' || rustup toolchain install nightly --profile minimal
cargo +nightly fuzz --version >/dev/null 2>&1 || cargo +nightly install cargo-fuzz --locked
cd "$ROOT/fuzz"
status=0
for target in analyse keys; do
  mkdir -p "corpus/$target" "artifacts/$target"
  log="$(mktemp)"
  # -fork=1 keeps going after a crash, so the count of crashes is real.
  if ! cargo +nightly fuzz run "$target" -- -max_total_time="$SECONDS_PER_TARGET" -max_len=4096 -print_final_stats=1 >"$log" 2>&1; then
    status=1
  fi
  execs="$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | awk '{print $2}' | tail -1)"
  crashes="$(find "artifacts/$target" -type f | wc -l)"
  echo "$target: ${execs:-?} executions in ${SECONDS_PER_TARGET}s, $crashes crash artifacts"
  grep -E '^(==|SUMMARY|thread .* panicked)' "$log" | head -5 || true
  rm -f "$log"
done
exit "$status"
