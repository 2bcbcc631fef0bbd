#!/usr/bin/env bash
# The planning commands on the bundled data, RUNS times each (default 3), each a fresh process,
# timed by /usr/bin/time -v (wall time and peak RSS): median of each, and the solver's own figures
# (solve seconds, optimality gap, the heuristic's loss left) from the JSON of the last run.
# - plan stockpile --importer US-Japan --budget 1e9 --draws 10000 (its priority stages, pooling included)
# - plan invest --importer US-Japan --budget 5e9 --horizon 2035 --draws 10000 (two MILP solves: as
#   planned and with permitting a year faster)
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS="${RUNS:-3}"
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
swift build -c release --product lodestone >&2
bin=.build/release/lodestone
"$bin" data import --store "$work/store.sqlite" >&2
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
wall() { awk -F': ' '/Elapsed/ {n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; printf "%.2f\n", s}' "$1"; }
rss_mb() { awk -F': ' '/Maximum resident/ {printf "%.0f\n", $2 / 1024}' "$1"; }
run() {  # run NAME ARGS...
  local name=$1; shift
  local walls=() rss=()
  for _ in $(seq "$RUNS"); do
    /usr/bin/time -v "$bin" "$@" --store "$work/store.sqlite" --format json > "$work/$name.json" 2> "$work/time"
    walls+=("$(wall "$work/time")"); rss+=("$(rss_mb "$work/time")")
  done
  python3 - "$work/$name.json" "$name" "$(median "${walls[@]}")" "$(median "${rss[@]}")" <<'PY'
import json, sys
d = json.load(open(sys.argv[1])); p = d["plan"]
out = {"benchmark": sys.argv[2], "wall_seconds_median": float(sys.argv[3]), "peak_rss_mb_median": float(sys.argv[4]),
       "solver": p["solver"], "status": p["status"], "solve_seconds": round(p["solveSeconds"], 2)}
if "relativeGap" in p:
    out.update(relative_gap=p["relativeGap"], binaries=p["integers"], expected_loss_after_usd=round(p["expectedLossAfterUSD"]),
               heuristic_loss_after_usd=round(p["heuristicExpectedLossAfterUSD"]),
               optimum_better_than_heuristic_pct=round(100 * (p["heuristicExpectedLossAfterUSD"] - p["expectedLossAfterUSD"]) / p["heuristicExpectedLossAfterUSD"], 2))
else:
    out.update(stages=len(p["items"]), variables=p["variables"])
print(json.dumps(out))
PY
}
run stockpile plan stockpile --importer US-Japan --budget 1e9 --draws 10000
run invest plan invest --importer US-Japan --budget 5e9 --horizon 2035 --draws 10000
