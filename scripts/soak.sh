#!/usr/bin/env bash
# Soak test of the release server on loopback (prints figures; not part of the test command).
#   scripts/soak.sh [SECONDS_PER_ROUTE]   (default 60)
# Starts target/release/jwt-debugger on a free port, logs in as admin, then runs
# `wrk -t2 -c50 -d SECONDS --latency` on three routes in turn: the page (/), the main WASM
# (brotli) and /auth/token (logged in). For each it prints requests/s, p99 latency, errors
# (socket errors plus answers other than 2xx/3xx) and the server's RSS before the run, 10 s into
# it and at its end. Build first (./scripts/run.sh or ./scripts/test.sh). Needs wrk (installed
# with apt when missing).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SECONDS_PER_ROUTE="${1:-60}"
THREADS="${THREADS:-2}"
CONNS="${CONNS:-50}"
BIN="$ROOT/target/release/jwt-debugger"

if ! command -v wrk >/dev/null; then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get install -y -qq wrk >/dev/null
fi
[ -x "$BIN" ] || { echo "no release binary at $BIN: run ./scripts/run.sh or ./scripts/test.sh first" >&2; exit 1; }

port="$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')"
base="http://127.0.0.1:$port"
work="$(mktemp -d)"
LEPTOS_SITE_ADDR="127.0.0.1:$port" JWT_SECRET_KEY="soak-test-secret-0123456789abcdef0123456789" \
  RUST_LOG=warn "$BIN" >"$work/server.log" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 50); do curl -fso /dev/null "$base/" && break; sleep 0.1; done

rss() { awk '/^VmRSS/ {printf "%.1f", $2 / 1024}' "/proc/$pid/status"; }

cookie="$(curl -s -D - -o /dev/null "$base/auth/bypass?token=admin" | awk -F'[: ;]+' 'tolower($1) == "set-cookie" {print $2; exit}')"
[ -n "$cookie" ] || { echo "could not log in" >&2; exit 1; }
curl -fs -H "Cookie: $cookie" "$base/auth/token" | grep -q '"token"' || { echo "/auth/token did not answer" >&2; exit 1; }

printf '%-26s %10s %10s %8s %10s %10s %10s\n' route "req/s" "p99" errors "RSS start" "RSS 10s" "RSS end"
soak() {
  local name="$1" path="$2"
  shift 2
  local start at10 end out
  start="$(rss)"
  timeout $((SECONDS_PER_ROUTE + 30)) wrk -t"$THREADS" -c"$CONNS" -d"${SECONDS_PER_ROUTE}s" --latency "$@" "$base$path" >"$work/wrk.txt" 2>&1 &
  local wrk_pid=$!
  sleep 10
  at10="$(rss)"
  wait "$wrk_pid"
  end="$(rss)"
  out="$work/wrk.txt"
  local rps p99 socket non2xx
  rps="$(awk '/^Requests\/sec/ {print $2}' "$out")"
  p99="$(awk '$1 == "99%" {print $2}' "$out")"
  socket="$(awk -F'[ ,]+' '/Socket errors/ {print $4 + $6 + $8 + $10}' "$out")"
  non2xx="$(awk '/Non-2xx or 3xx/ {print $NF}' "$out")"
  printf '%-26s %10s %10s %8s %8s MiB %6s MiB %6s MiB\n' "$name" "$rps" "$p99" "$(( ${socket:-0} + ${non2xx:-0} ))" "$start" "$at10" "$end"
}

soak "/" /
soak "/pkg/jwt-debugger.wasm (br)" /pkg/jwt-debugger.wasm -H "Accept-Encoding: br"
soak "/auth/token (logged in)" /auth/token -H "Cookie: $cookie"
echo "($SECONDS_PER_ROUTE s per route, wrk -t$THREADS -c$CONNS, server on $base)"
