#!/usr/bin/env bash
# Every command's output on the bundled data, in JSON, CSV and table form, one file per command
# and format: the check that a refactoring keeps behaviour and bytes (issue 15).
#   scripts/golden-outputs.sh DIR              writes the outputs of .build/release/lodestone to DIR
#   scripts/golden-outputs.sh --compare A B    lists the files that differ (exit 1 if any)
# Typical use: build, write to /tmp/before; change; build, write to /tmp/after; compare.
set -uo pipefail
if [ "${1:-}" = "--compare" ]; then
  a="$2"; b="$3"; status=0
  # Solver wall-clock times are the only figures that may differ between two runs.
  clock() { sed -E -e 's/("?solveSeconds"?[ :,]+)[0-9.e-]+/\1T/' -e 's/ in [0-9.]+ s \(/ in T s (/' "$1"; }
  for f in "$a"/*; do
    name="$(basename "$f")"
    if ! cmp -s <(clock "$f") <(clock "$b/$name"); then echo "differs: $name"; status=1; fi
  done
  [ "$status" = 0 ] && echo "all $(ls "$a" | wc -l) outputs identical"
  exit $status
fi
cd "$(dirname "$0")/.."
bin="${LODESTONE:-.build/release/lodestone}"
out="${1:?usage: golden-outputs.sh DIR | --compare A B}"
mkdir -p "$out"
store="$(mktemp -d)/store.sqlite"
"$bin" data import --store "$store" >/dev/null 2>&1 || { echo "cannot build a store from the bundled snapshot" >&2; exit 1; }
i=0
while IFS= read -r line; do
  [ -z "$line" ] && continue
  slug="$(printf '%02d-%s' "$i" "$(echo "$line" | tr -c 'A-Za-z0-9' '-' | tr -s '-' | cut -c1-60)")"
  for format in json csv table; do
    eval "\"$bin\" $line --store \"$store\" --format $format" > "$out/$slug.$format" 2>&1
    echo "exit $?" >> "$out/$slug.$format"
  done
  i=$((i + 1))
done <<'LIST'
risk --importer JPN --year 2024
risk --importer USA --year 2024 --lang ja
risk --importer US-Japan --years 2020-2024
risk --importer EU --method geopolrisk-py-2.0.1 --year 2022
suppliers --importer JPN --commodity gallium --year 2024
suppliers --importer USA --commodity germanium --year 2024 --lang ar
suppliers --importer USA --commodity "refined tin"
concentration --commodity "rare earths"
concentration --commodity gallium --years 2018-2025
trace --importer JPN --commodity gallium --year 2024
trace --importer USA --commodity APT
priorities --importer USA --draws 2000
priorities --importer JPN --draws 2000 --commodity gallium --commodity cobalt
scenario list
scenario show china-gallium-germanium-2023
scenario run china-rare-earths-april-2025
scenario run --restrict CHN --commodity graphite --importer JPN --importer KOR
country JPN
country USA --lang ja
backtest
data check --importer USA --year 2024
commodities
countries
groups
plan projects
plan stockpile --importer JPN --draws 2000 --budget 50000000
plan invest --importer USA --draws 1000 --budget 2000000000
grid --years 2024
LIST
echo "wrote $(ls "$out" | wc -l) outputs to $out"
