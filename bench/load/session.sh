#!/usr/bin/env bash
# One load session, as BENCHMARKS.md reports it: a gateway process on a fresh data directory, then
# the same generator against its echo endpoint (the transport ceiling) and against Kapok at the
# same fixed rates, --find-max for both, the echo again with one request in flight per connection
# (--in-flight 1), then the independent tools against the same echo endpoint: wrk (closed loop) and
# h2load (HTTP/1.1, fixed rate and flat out), each flat out with two client threads as the generator
# has (one thread of either tool is its own ceiling here: wrk -t1 -c16 77k/s, -t2 101k/s). Run as root, the script installs
# the two tools from Debian's packages when they are missing (apt-get install wrk nghttp2-client).
#   bench/load/session.sh [OUT_DIR]            (build first: mvn -q -B -o package -DskipTests)
# Environment: PORT (18080), RATES ("1000 5000 10000 20000 30000"), DURATION (15s), WARMUP (5s),
# JIT_WARMUP (60s), CONNECTIONS (16), STEP (15s: each --find-max step, after 5 s of warm-up; shorter
# steps fail on the VM's single stalls at any rate), ECHO_OVER (160000) and KAPOK_OVER (40000): one
# run of each above its ceiling.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
OUT="${1:-load-results/session-$(date -u +%Y%m%dT%H%M%SZ)}"
PORT="${PORT:-18080}"
RATES="${RATES:-1000 5000 10000 20000 30000}"
DURATION="${DURATION:-15s}"
WARMUP="${WARMUP:-5s}"
JIT_WARMUP="${JIT_WARMUP:-60s}"
CONNECTIONS="${CONNECTIONS:-16}"
STEP="${STEP:-15s}"
ECHO_OVER="${ECHO_OVER:-160000}"
KAPOK_OVER="${KAPOK_OVER:-40000}"
FLAGS=( $(sed -n 's/^kapok\.jvm\.flags=//p' config/jvm.properties) )
# The gateway's own flags, as ./kapok run adds them (the young generation and the committed heap).
GATEWAY_FLAGS=( $(sed -n 's/^kapok\.jvm\.flags\.gateway=//p' config/jvm.properties) )
DATA="$(mktemp -d /tmp/kapok-load-data.XXXXXX)"
mkdir -p "$OUT"
LOG="$OUT/session.log"

# A session sends a few million payments and never reads a mailbox: room for all their messages
# (each payment writes three), or the last runs are refused "mailbox full" (HTTP 503). The payment
# window keeps every payment 30 days: room for 8,388,608 of them (the session sends ~4 million), and
# allocated whole at start, so that no run measures one of its doublings (a copy that stops the
# sequencer for tens of milliseconds from 262,144 decisions on, hundreds at 2 million). That takes
# ~3.4 GB of the gateway's heap (a quarter of the RAM: 16 GB of RAM or more); with less, the gateway
# says so at start.
CONFIG="$DATA/kapok-load.yaml"
sed -e 's/^  capacityPerParty: 1000000 /  capacityPerParty: 20000000/' \
    -e 's/^    capacity: 4194304 /    capacity: 8388608 /' \
    -e 's/^    preallocate: false /    preallocate: true /' config/kapok.yaml >"$CONFIG"
grep -q '^    capacity: 8388608 ' "$CONFIG" || { echo "session.sh: cannot raise ledger.paymentWindow.capacity in $CONFIG" >&2; exit 1; }
grep -q '^  capacityPerParty: 20000000' "$CONFIG" || { echo "session.sh: cannot raise mailbox.capacityPerParty in $CONFIG" >&2; exit 1; }
grep -q '^    preallocate: true ' "$CONFIG" || { echo "session.sh: cannot set ledger.paymentWindow.preallocate in $CONFIG" >&2; exit 1; }
java "${FLAGS[@]}" "${GATEWAY_FLAGS[@]}" -jar gateway/target/kapok-gateway.jar run --config "$CONFIG" --port "$PORT" --data "$DATA" >"$OUT/gateway.log" 2>&1 &
GATEWAY_PID=$!
trap 'kill "$GATEWAY_PID" 2>/dev/null || true; wait "$GATEWAY_PID" 2>/dev/null || true; rm -rf "$DATA"' EXIT
for _ in $(seq 1 50); do
  grep -q "listening" "$OUT/gateway.log" 2>/dev/null && break
  sleep 0.2
done

load() {
  echo "\$ ./kapok load $*" | tee -a "$LOG"
  echo "# load average before: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$LOG"
  java "${FLAGS[@]}" -cp bench/target/kapok-bench.jar io.kapok.bench.load.LoadGeneratorMain "$@" --gateway-pid "$GATEWAY_PID" --out "$OUT" 2>>"$OUT/progress.log" | tee -a "$LOG"
  echo | tee -a "$LOG"
}

{
  echo "# $(date -u +%Y-%m-%dT%H:%M:%SZ)  $(nproc) cores, $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -n 1)"
  echo "# $(java -version 2>&1 | head -n 1)"
} | tee "$LOG"
URL="http://127.0.0.1:$PORT"
# On 2 cores the gateway's JIT compiler keeps compiling for about the first minute of traffic (a
# report's WARNING says when it was still busy in its window): one run of each target first, so
# that every reported run measures compiled code.
echo "# JIT warm-up of the gateway: not a reported run" | tee -a "$LOG"
load --url "$URL" --target kapok --rate 3000 --duration "$JIT_WARMUP" --warmup 0 --connections "$CONNECTIONS"
load --url "$URL" --target echo --rate 10000 --duration 20s --warmup 0 --connections "$CONNECTIONS"
for rate in $RATES; do
  load --url "$URL" --target echo --rate "$rate" --duration "$DURATION" --warmup "$WARMUP" --connections "$CONNECTIONS"
  load --url "$URL" --target kapok --rate "$rate" --duration "$DURATION" --warmup "$WARMUP" --connections "$CONNECTIONS"
done
# Above the ceiling: the generator keeps offering, and says whether it or the gateway fell behind.
load --url "$URL" --target echo --rate "$ECHO_OVER" --duration "$STEP" --warmup 2s --connections "$CONNECTIONS"
load --url "$URL" --target kapok --rate "$KAPOK_OVER" --duration "$STEP" --warmup 2s --connections "$CONNECTIONS"
load --url "$URL" --target echo --rate 3000 --duration "$STEP" --warmup 5s --connections "$CONNECTIONS" --find-max
load --url "$URL" --target kapok --rate 3000 --duration "$STEP" --warmup 5s --connections "$CONNECTIONS" --find-max
load --url "$URL" --target echo --rate 3000 --duration "$STEP" --warmup 5s --connections "$CONNECTIONS" --find-max
# The same generator the way wrk and h2load send, one request in flight per connection, so that the
# independent tools below are compared with like (pipelined, the same endpoint answers 1.2-2 x more).
for c in 4 16 64; do
  load --url "$URL" --target echo --rate "$ECHO_OVER" --duration "$STEP" --warmup 2s --connections "$c" --in-flight 1
done
ensure_tool() { # ensure_tool COMMAND DEBIAN_PACKAGE
  command -v "$1" >/dev/null 2>&1 && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    apt-get install -y -qq "$2" >/dev/null 2>&1 || { apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq "$2" >/dev/null 2>&1; } || true
  fi
  command -v "$1" >/dev/null 2>&1 || { echo "# $1 is not installed (apt-get install -y $2): skipped" | tee -a "$LOG"; return 1; }
}
SAMPLE="config/samples/pacs008.xml"
if ensure_tool wrk wrk; then
  for c in 4 16 64; do
    echo "\$ wrk -t2 -c$c -d15s --latency -s bench/load/wrk-post-sample.lua $URL/v1/echo" | tee -a "$LOG"
    wrk -t2 -c"$c" -d15s --latency -s bench/load/wrk-post-sample.lua "$URL/v1/echo" | tee -a "$LOG"
  done
fi
if ensure_tool h2load nghttp2-client; then
  # h2load: HTTP/1.1 (--h1); with a POST body (-d) it keeps one request in flight per connection,
  # where ./kapok load pipelines: at low rates the two are alike, flat out h2load needs more connections.
  # --rps is per client: CONNECTIONS clients at RATE/CONNECTIONS each is a fixed offered rate.
  for rate in $RATES; do
    echo "\$ h2load --h1 -m1 -c$CONNECTIONS --rps $((rate / CONNECTIONS)) -D ${DURATION%s} -d $SAMPLE -H 'Content-Type: application/xml' $URL/v1/echo" | tee -a "$LOG"
    h2load --h1 -m1 -c"$CONNECTIONS" --rps "$((rate / CONNECTIONS))" -D "${DURATION%s}" -d "$SAMPLE" \
      -H 'Content-Type: application/xml' "$URL/v1/echo" | tail -n 12 | tee -a "$LOG"
  done
  for c in 4 16 64; do
    echo "\$ h2load --h1 -m1 -t2 -c$c -D 15 -d $SAMPLE -H 'Content-Type: application/xml' $URL/v1/echo" | tee -a "$LOG"
    h2load --h1 -m1 -t2 -c"$c" -D 15 -d "$SAMPLE" -H 'Content-Type: application/xml' "$URL/v1/echo" | tail -n 12 | tee -a "$LOG"
  done
fi
