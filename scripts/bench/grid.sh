#!/usr/bin/env bash
# Full GeoPolRisk grid — every importer (all current countries + built-in groups) × every traded
# commodity × every year with production — from a cold process: load the store, compute, write CSV.
# Also times 100,000 simulated years of restriction risk for every commodity from one perspective.
# Runs `lodestone grid` RUNS times (default 5) and reports the median wall time and peak memory,
# the in-process stage breakdown (LodestoneBench), and, unless SKIP_REFERENCE=1, the same grid's
# cost in geopolrisk-py 2.0.1 (measured on a sample, extrapolated) and the ratio.
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS="${RUNS:-5}"
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT

swift build -c release --product lodestone >&2
swift build -c release --package-path Benchmarks --product LodestoneBench >&2
bin=.build/release
"$bin/lodestone" data import --store "$work/store.sqlite" >&2

times=(); mems=()
for _ in $(seq "$RUNS"); do
  /usr/bin/time -f "%e %M" -o "$work/time" "$bin/lodestone" grid --store "$work/store.sqlite" -o "$work/grid.csv" --force 2>/dev/null
  read -r t m < "$work/time"; times+=("$t"); mems+=("$m")
done
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
wall=$(median "${times[@]}"); rss_kb=$(median "${mems[@]}")
rows=$(($(wc -l < "$work/grid.csv") - 1))
echo "lodestone grid (cold process, release): rows=$rows median_wall_s=$wall runs=$RUNS median_peak_rss_mb=$((rss_kb / 1024)) all_wall_s=${times[*]}"
ptimes=(); pmems=()
for _ in $(seq "$RUNS"); do
  /usr/bin/time -f "%e %M" -o "$work/time" "$bin/lodestone" priorities --importer USA --draws 100000 --store "$work/store.sqlite" --format csv > /dev/null
  read -r t m < "$work/time"; ptimes+=("$t"); pmems+=("$m")
done
echo "lodestone priorities --importer USA --draws 100000 (cold process, every commodity): median_wall_s=$(median "${ptimes[@]}") median_peak_rss_mb=$(( $(median "${pmems[@]}") / 1024 ))"
echo "stage breakdown (in-process, medians; scenario = China withholds every commodity from everyone, extraterritorial, all importers):"
Benchmarks/.build/release/LodestoneBench --store "$work/store.sqlite" --runs "$RUNS"

if [ "${SKIP_REFERENCE:-0}" != "1" ]; then
  scripts/reference/make_reference.sh --help >/dev/null 2>&1 || true   # creates the venv
  ref=$(scripts/reference/.venv/bin/python scripts/bench/geopolrisk_grid.py --sample "${SAMPLE:-300}" 2>/dev/null)
  echo "geopolrisk-py 2.0.1: $ref"
  python3 - "$wall" "$ref" <<'PY'
import json, sys
wall = float(sys.argv[1]); ref = json.loads(sys.argv[2])
total = ref["load_seconds"] + ref["extrapolated_grid_seconds"]
print(f"reference full grid ≈ {total:.0f} s (load {ref['load_seconds']:.1f} s + {ref['grid_cases']} cases at {ref['scores_per_second']:.1f}/s)")
print(f"ratio reference / lodestone = {total / wall:.0f}x")
PY
fi
