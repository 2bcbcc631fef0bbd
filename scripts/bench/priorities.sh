#!/usr/bin/env bash
# The priorities Monte Carlo for the USA at 10^5 and 10^6 simulated years (DRAWS to change),
# RUNS times each (default 3), each run a fresh process:
# - LodestoneBench --priorities N: the simulation alone, in-process (shock tables + draws), and
#   the estimate `RestrictionRisk.estimatedMemoryBytes` gives;
# - /usr/bin/time -v on that process: wall time and peak RSS including the loaded Dataset;
# - /usr/bin/time -v on `lodestone priorities --importer USA --draws N --format csv`: the cold command.
# Prints the median of each.
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS="${RUNS:-3}"
DRAWS="${DRAWS:-100000 1000000}"
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT

swift build -c release --product lodestone >&2
swift build -c release --package-path Benchmarks --product LodestoneBench >&2
bin=.build/release
"$bin/lodestone" data import --store "$work/store.sqlite" >&2

median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
field() { grep -o "\"$1\" : [0-9.e+-]*" "$2" | awk '{printf "%.3f\n", $3}'; }
# /usr/bin/time -v prints "Elapsed (wall clock) time (h:mm:ss or m:ss): 0:01.08"; in seconds:
wall() { awk -F': ' '/Elapsed/ {n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; printf "%.2f\n", s}' "$1"; }
rss_mb() { awk -F': ' '/Maximum resident/ {printf "%.0f\n", $2 / 1024}' "$1"; }

for n in $DRAWS; do
  sim=(); bwall=(); brss=(); cwall=(); crss=(); estimate=""
  for _ in $(seq "$RUNS"); do
    /usr/bin/time -v Benchmarks/.build/release/LodestoneBench --store "$work/store.sqlite" --priorities "$n" --runs 1 > "$work/bench.json" 2> "$work/time"
    sim+=("$(field priorities_seconds_median "$work/bench.json")"); estimate="$(field estimated_simulation_mb "$work/bench.json")"
    bwall+=("$(wall "$work/time")"); brss+=("$(rss_mb "$work/time")")
    /usr/bin/time -v "$bin/lodestone" priorities --importer USA --draws "$n" --store "$work/store.sqlite" --format csv > /dev/null 2> "$work/time"
    cwall+=("$(wall "$work/time")"); crss+=("$(rss_mb "$work/time")")
  done
  echo "draws=$n runs=$RUNS (medians): simulation in-process $(median "${sim[@]}") s;" \
       "LodestoneBench process $(median "${bwall[@]}") s wall, $(median "${brss[@]}") MB peak RSS;" \
       "lodestone priorities cold $(median "${cwall[@]}") s wall, $(median "${crss[@]}") MB peak RSS;" \
       "estimated simulation memory ${estimate} MB; simulation times: ${sim[*]}"
done
uptime
