#!/usr/bin/env bash
# The dashboard and API checks of .ci/run, after `swift test`: real responses of `lodestone serve`
# validated against its /openapi.yaml, the .xlsx exports read back with openpyxl against their CSV, schemathesis over every operation of that document (every
# check, scripts/schemathesis.toml; bounded to 15 minutes), then the dashboard driven in headless Chromium
# (scripts/browser-check.sh, screenshots in .build/dashboard-screenshots). Server on a random
# loopback port; needs what scripts/install-deps.sh installs.
set -euo pipefail
cd "$(dirname "$0")/.."
work="$(mktemp -d)"; server=""
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
swift build --product lodestone >&2
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
.build/debug/lodestone data import --store "$work/store.sqlite" 2>"$work/import.log"  # stores are created only when asked
swift build -c release --product lodestone >&2   # schemathesis sends a few thousand requests, heavy ones among them
.build/release/lodestone serve --store "$work/store.sqlite" --port "$port" --quiet --time-limit 120 2>"$work/server.log" &
server=$!
for _ in $(seq 300); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break; sleep 0.2; done
.build/venv/bin/python scripts/check-openapi.py "http://127.0.0.1:$port"
.build/venv/bin/python scripts/check-xlsx.py .build/release/lodestone "$work/store.sqlite" "http://127.0.0.1:$port"
start=$(date +%s)
timeout 900 .build/venv/bin/schemathesis --config-file scripts/schemathesis.toml run "http://127.0.0.1:$port/openapi.yaml" \
  --max-examples "${SCHEMATHESIS_EXAMPLES:-10}" --workers 2 --request-timeout 180 --seed 2025 --no-color
echo "web-checks: schemathesis passed in $(( $(date +%s) - start )) s" >&2
kill "$server"; wait "$server" 2>/dev/null || true; server=""
scripts/browser-check.sh
