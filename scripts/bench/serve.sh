#!/usr/bin/env bash
# HTTP benchmark of `lodestone serve` on loopback with wrk (Debian's wrk package):
#  1. GET /api/v1/risk?importer=JPN&year=2024 (identical requests: answered from the response
#     cache after the first);
#  2. GET /api/v1/scenarios/run for a preset and three importers (cached too after the first);
#  3. the risk endpoint computed every time (server started with --cache 0);
#  4. a scenario run for every country (importer=all) computed every time, for SCENARIO_DURATION
#     (default 60s), with resident memory sampled every 10 s to show it stays flat.
# Reports requests/s, latency percentiles and resident memory before and after.
# DURATION (default 10s), CONNECTIONS (default 32), THREADS (default 2).
set -euo pipefail
cd "$(dirname "$0")/../.."
DURATION="${DURATION:-10s}"; CONNECTIONS="${CONNECTIONS:-32}"; THREADS="${THREADS:-2}"
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
work="$(mktemp -d)"; server=""
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
swift build -c release --product lodestone >&2
bin=.build/release/lodestone
"$bin" data import --store "$work/store.sqlite" >&2

start() {  # start [extra serve options]; sets $server and $port
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  "$bin" serve --store "$work/store.sqlite" --port "$port" --quiet "$@" 2>"$work/server.log" &
  server=$!
  for _ in $(seq 100); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && return; sleep 0.1; done
  echo "the server did not start:" >&2; cat "$work/server.log" >&2; exit 1
}
rss() { awk '/VmRSS/ {print int($2/1024) " MB"}' "/proc/$server/status"; }
bench() {  # bench LABEL PATH
  echo "== $1"
  curl -fs -o /dev/null "http://127.0.0.1:$port$2"   # warm
  echo "rss before: $(rss)"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "http://127.0.0.1:$port$2" | grep -E "Requests/sec|Latency|50%|90%|99%|Non-2xx|Socket errors|requests in"
  echo "rss after: $(rss)"
}
start
bench "risk, JPN 2024 (cached answer)" "/api/v1/risk?importer=JPN&year=2024"
bench "scenario run, China gallium/germanium 2023 preset, JPN+USA+US-Japan (cached answer)" \
  "/api/v1/scenarios/run?preset=china-gallium-germanium-2023&importer=JPN,USA,US-Japan"
kill "$server"; wait "$server" 2>/dev/null || true; server=""
start --cache 0
bench "risk, JPN 2024 (computed every time)" "/api/v1/risk?importer=JPN&year=2024"
SCENARIO_DURATION="${SCENARIO_DURATION:-60s}"
path="/api/v1/scenarios/run?preset=china-rare-earths-april-2025&importer=all"
echo "== scenario run, China rare earths April 2025, every country (computed every time, $SCENARIO_DURATION)"
curl -fs -o /dev/null "http://127.0.0.1:$port$path"
echo "rss before: $(rss)"
( for _ in $(seq 6); do sleep 10; echo "rss: $(rss)"; done ) &
sampler=$!
# As many connections as the server computes at once (its limit, 2): more would only measure
# the 503 answers that refuse work beyond it.
wrk -t2 -c2 -d"$SCENARIO_DURATION" --latency "http://127.0.0.1:$port$path" | grep -E "Requests/sec|Latency|50%|90%|99%|Non-2xx|Socket errors|requests in"
wait "$sampler" 2>/dev/null || true
echo "rss after: $(rss)"
