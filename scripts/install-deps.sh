#!/usr/bin/env bash
# Installs what the build and the checks need when it is missing: the system libraries Lodestone
# links (SQLite, zlib), the CBC solver the planning commands load (coinor-libcbc3); for the dashboard and API checks of .ci/run, Debian's chromium, curl and
# python3-venv, and PyYAML + openapi-schema-validator + schemathesis + openpyxl (reads the .xlsx exports back) in a
# virtual environment (.build/venv).
set -euo pipefail
cd "$(dirname "$0")/.."
missing=()
[ -f /usr/include/sqlite3.h ] || missing+=(libsqlite3-dev)
[ -f /usr/include/zlib.h ] || missing+=(zlib1g-dev)
# The LP/MILP solver of the planning commands, loaded at run time (the build does not need it).
ldconfig -p 2>/dev/null | grep -q 'libCbcSolver.so.3 ' || missing+=(coinor-libcbc3)
if [ "${LODESTONE_SKIP_WEB_CHECKS:-0}" != 1 ]; then
  command -v chromium >/dev/null || missing+=(chromium)
  # Japanese in the dashboard screenshots (Arabic is in the default fonts).
  fc-list 2>/dev/null | grep -qi "Noto Sans CJK" || missing+=(fonts-noto-cjk)
  command -v curl >/dev/null || missing+=(curl)
  python3 -c 'import ensurepip, venv' 2>/dev/null || missing+=(python3-venv)
fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing ${missing[*]}" >&2
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}"
fi
if [ "${LODESTONE_SKIP_WEB_CHECKS:-0}" != 1 ] && ! .build/venv/bin/python -c 'import yaml, openapi_schema_validator, schemathesis, openpyxl' 2>/dev/null; then
  mkdir -p .build
  python3 -m venv .build/venv
  .build/venv/bin/pip install -q pyyaml openapi-schema-validator 'schemathesis==4.32.5' 'openpyxl==3.1.5'
fi
