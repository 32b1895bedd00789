#!/usr/bin/env bash
# One load session, as BENCHMARKS.md reports it: a gateway process on a fresh data directory, then
# the same generator against its echo endpoint (the transport ceiling) and against Kapok at the
# same fixed rates, --find-max for both, and wrk against the echo endpoint when it is installed.
#   bench/load/session.sh [OUT_DIR]            (build first: mvn -q -B -o package -DskipTests)
# Environment: PORT (18080), RATES ("1000 5000 10000"), DURATION (15s), WARMUP (5s),
# CONNECTIONS (4), STEP (5s: each --find-max step), ECHO_OVER (80000) and KAPOK_OVER (15000): one
# run of each above its ceiling.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
OUT="${1:-load-results/session-$(date -u +%Y%m%dT%H%M%SZ)}"
PORT="${PORT:-18080}"
RATES="${RATES:-1000 5000 10000}"
DURATION="${DURATION:-15s}"
WARMUP="${WARMUP:-5s}"
CONNECTIONS="${CONNECTIONS:-4}"
STEP="${STEP:-5s}"
ECHO_OVER="${ECHO_OVER:-80000}"
KAPOK_OVER="${KAPOK_OVER:-15000}"
FLAGS=( $(sed -n 's/^kapok\.jvm\.flags=//p' config/jvm.properties) )
DATA="$(mktemp -d /tmp/kapok-load-data.XXXXXX)"
mkdir -p "$OUT"
LOG="$OUT/session.log"

java "${FLAGS[@]}" -jar gateway/target/kapok-gateway.jar run --port "$PORT" --data "$DATA" >"$OUT/gateway.log" 2>&1 &
GATEWAY_PID=$!
trap 'kill "$GATEWAY_PID" 2>/dev/null || true; wait "$GATEWAY_PID" 2>/dev/null || true; rm -rf "$DATA"' EXIT
for _ in $(seq 1 50); do
  grep -q "listening" "$OUT/gateway.log" 2>/dev/null && break
  sleep 0.2
done

load() {
  echo "\$ ./kapok load $*" | tee -a "$LOG"
  echo "# load average before: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$LOG"
  java "${FLAGS[@]}" -cp bench/target/kapok-bench.jar io.kapok.bench.load.LoadGeneratorMain "$@" --out "$OUT" 2>>"$OUT/progress.log" | tee -a "$LOG"
  echo | tee -a "$LOG"
}

{
  echo "# $(date -u +%Y-%m-%dT%H:%M:%SZ)  $(nproc) cores, $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -n 1)"
  echo "# $(java -version 2>&1 | head -n 1)"
} | tee "$LOG"
URL="http://127.0.0.1:$PORT"
for rate in $RATES; do
  load --url "$URL" --target echo --rate "$rate" --duration "$DURATION" --warmup "$WARMUP" --connections "$CONNECTIONS"
  load --url "$URL" --target kapok --rate "$rate" --duration "$DURATION" --warmup "$WARMUP" --connections "$CONNECTIONS"
done
# Above the ceiling: the generator keeps offering, and says whether it or the gateway fell behind.
load --url "$URL" --target echo --rate "$ECHO_OVER" --duration "$STEP" --warmup 2s --connections "$CONNECTIONS"
load --url "$URL" --target kapok --rate "$KAPOK_OVER" --duration "$STEP" --warmup 2s --connections "$CONNECTIONS"
load --url "$URL" --target echo --rate 5000 --duration "$STEP" --warmup 2s --connections "$CONNECTIONS" --find-max
load --url "$URL" --target kapok --rate 1000 --duration "$STEP" --warmup 2s --connections "$CONNECTIONS" --find-max
if command -v wrk >/dev/null 2>&1; then
  for c in 4 16 64; do
    echo "\$ wrk -t1 -c$c -d15s --latency -s bench/load/wrk-post-sample.lua $URL/v1/echo" | tee -a "$LOG"
    wrk -t1 -c"$c" -d15s --latency -s bench/load/wrk-post-sample.lua "$URL/v1/echo" | tee -a "$LOG"
  done
else
  echo "# wrk is not installed (apt-get install -y wrk)" | tee -a "$LOG"
fi
