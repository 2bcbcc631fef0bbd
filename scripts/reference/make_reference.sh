#!/usr/bin/env bash
# Regenerate Tests/Fixtures/geopolrisk/{reference.csv,README.md} from the
# reference implementation geopolrisk-py 2.0.1 (PyPI). Idempotent: reuses
# scripts/reference/.venv if it exists, pip install is a no-op when satisfied.
#
# Usage: scripts/reference/make_reference.sh [extra args for geopolrisk_reference.py]
# Env:   PYTHON=python3.11 to choose the interpreter (needs >=3.10,<3.12).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
VENV="$HERE/.venv"
PYTHON="${PYTHON:-python3}"

if ! "$PYTHON" -c 'import sys; sys.exit(0 if (3, 10) <= sys.version_info[:2] < (3, 12) else 1)'; then
    echo "error: $PYTHON is $("$PYTHON" -V 2>&1); geopolrisk-py 2.0.1 needs Python >=3.10,<3.12" >&2
    exit 1
fi

if [ ! -x "$VENV/bin/python" ]; then
    "$PYTHON" -m venv "$VENV"
fi
"$VENV/bin/python" -m pip install --quiet --disable-pip-version-check -r "$HERE/requirements.txt"

exec "$VENV/bin/python" "$HERE/geopolrisk_reference.py" "$@"
