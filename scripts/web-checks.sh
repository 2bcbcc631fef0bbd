#!/usr/bin/env bash
# The dashboard and API checks of .ci/run, after `swift test`: real responses of `lodestone serve`
# validated against its /openapi.yaml, then the dashboard driven in headless Chromium
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
.build/debug/lodestone serve --store "$work/store.sqlite" --port "$port" --quiet 2>"$work/server.log" &
server=$!
for _ in $(seq 300); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break; sleep 0.2; done
.build/venv/bin/python scripts/check-openapi.py "http://127.0.0.1:$port"
kill "$server"; wait "$server" 2>/dev/null || true; server=""
scripts/browser-check.sh
