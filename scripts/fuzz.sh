#!/usr/bin/env bash
# Runs each libFuzzer target (Fuzz/) for SECONDS (default 20) with AddressSanitizer, starting
# from the seed corpus in Fuzz/Corpus. New inputs go to .build/fuzz/corpus (not the repository);
# a crash, leak or hang is written to .build/fuzz/artifacts and makes the script fail.
#   scripts/fuzz.sh          # 20 s per target (what .ci/run does)
#   scripts/fuzz.sh 600      # ten minutes each
#   TARGETS="FuzzZip" scripts/fuzz.sh 60
#   TARGETS="FuzzReader-baci" scripts/fuzz.sh 60
# Besides the fixed targets, one target per source reader (SourceReaders.all): the FuzzReader
# binary with LODESTONE_FUZZ_READER set, its corpus in Fuzz/Corpus/FuzzReader-<name>.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-20}"
(cd Fuzz && swift build -Xswiftc -sanitize=fuzzer,address >&2)
bin="$(cd Fuzz && swift build -Xswiftc -sanitize=fuzzer,address --show-bin-path)"
readers="$(LODESTONE_FUZZ_LIST=1 "$bin/FuzzReader" | sed 's/^/FuzzReader-/')"
targets="${TARGETS:-FuzzZip FuzzSourceDatabase FuzzSnapshot FuzzScenarioJSON $readers}"
work=.build/fuzz
mkdir -p "$work/artifacts"
status=0
for target in $targets; do
  mkdir -p "$work/corpus/$target"
  log="$work/$target.log"
  binary="$bin/$target"; reader=""
  case "$target" in FuzzReader-*) binary="$bin/FuzzReader"; reader="${target#FuzzReader-}" ;; esac
  if LODESTONE_FUZZ_READER="$reader" "$binary" "$work/corpus/$target" "Fuzz/Corpus/$target" \
      -max_total_time="$seconds" -max_len=16384 -timeout=10 -rss_limit_mb=2048 \
      -artifact_prefix="$work/artifacts/$target-" -print_final_stats=1 >"$log" 2>&1; then
    result="ok"
  else
    result="FAILED (see $log and $work/artifacts)"; status=1
  fi
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo "?")
  echo "$target: $runs runs in $seconds s, corpus $(ls "$work/corpus/$target" | wc -l) inputs: $result"
done
exit $status
