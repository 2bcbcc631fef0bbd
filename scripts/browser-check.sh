#!/usr/bin/env bash
# Drives the dashboard in headless Chromium (Debian's chromium package) against a real server:
# every view (risk, country, priorities, scenario, plan, producers, suppliers, direct vs traced, trends) must render
# its tables, charts and world map without JavaScript errors, and bad input must show the
# server's sentence. Saves a screenshot of each view to ARTIFACTS (default
# .build/dashboard-screenshots). Needs curl, python3 and chromium (apt-get install -y chromium).
set -euo pipefail
cd "$(dirname "$0")/.."
ARTIFACTS="${ARTIFACTS:-.build/dashboard-screenshots}"
command -v chromium >/dev/null || { echo "chromium is missing: apt-get install -y chromium" >&2; exit 1; }
mkdir -p "$ARTIFACTS"
work="$(mktemp -d)"; server=""
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
swift build --product lodestone >&2
bin=.build/debug/lodestone
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$bin" data import --store "$work/store.sqlite" 2>"$work/import.log"  # stores are created only when asked
"$bin" serve --store "$work/store.sqlite" --port "$port" --quiet 2>"$work/server.log" &
server=$!
for _ in $(seq 300); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break; sleep 0.2; done

chrome() { chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --virtual-time-budget=30000 --enable-logging=stderr --v=0 "$@"; }
failures=0
# A world map must draw at least this many countries (the geometry holds 176).
MIN_COUNTRIES=150
check() {  # check NAME QUERY EXPECTED... ; an EXPECTED of "map" asks for a drawn world map
  local name=$1 query=$2; shift 2
  local url="http://127.0.0.1:$port/?$query"
  chrome --dump-dom "$url" > "$work/$name.html" 2> "$work/$name.log" || true
  chrome --screenshot="$ARTIFACTS/$name.png" --window-size=1400,1400 "$url" >/dev/null 2>&1 || true
  local problems=()
  for expected in "$@"; do
    if [ "$expected" = map ]; then
      local paths; paths=$({ grep -o '<path[^>]*class="country' "$work/$name.html" || true; } | wc -l)
      [ "$paths" -ge "$MIN_COUNTRIES" ] || problems+=("the map draws $paths country paths, expected at least $MIN_COUNTRIES")
      grep -q 'class="country c[1-6]' "$work/$name.html" || problems+=("no country on the map is shaded by a value")
    else
      grep -qF -- "$expected" "$work/$name.html" || problems+=("missing '$expected'")
    fi
  done
  if grep -E "Uncaught|SyntaxError|TypeError|ReferenceError" "$work/$name.log" >/dev/null; then
    problems+=("console error: $(grep -E 'Uncaught|SyntaxError|TypeError|ReferenceError' "$work/$name.log" | head -1)")
  fi
  if [ ${#problems[@]} -eq 0 ]; then echo "ok   $name ($ARTIFACTS/$name.png)"
  else echo "FAIL $name: ${problems[*]}"; failures=$((failures + 1)); fi
}
check risk "view=risk&importer=JPN&year=2024" "GeoPolRisk for Japan (JPN), 2024" "<table>" "<svg" "Not assessed ("
check risk-error "view=risk&importer=Jpan" "did you mean Japan (JPN)?"
check scenario "view=scenario&preset=china-gallium-germanium-2023&importer=JPN,USA" "Price outside" "Replaces own imports" "Best placed to fill the gap" "<table>" map
# A three-year ban: the first year's prices, then those from year 2 on.
check long-scenario "view=scenario&preset=china-us-ban-2024&importer=USA&duration=3" "Price outside (year 1)" "From year 2" "3 year(s)" "price paid from year 2"
check world-scenario "view=scenario&preset=china-rare-earths-april-2025" "Price outside" "have no apparent consumption" "<table>" "Japan (JPN)"
# A stage a preset lists at severity 0 (tungsten ore, for China's quota cut) is named as not controlled.
check tungsten-scenario "view=scenario&preset=china-tungsten-2025&importer=USA" "Tungsten ore and concentrate not controlled" "Price outside" "Own output"
check custom-scenario "view=scenario&restricting=CHN&commodity=graphite&severity=0.5&severityTouched=true&targetKind=everyone-except&targetCountries=G7&importer=JPN" "Custom restriction" "everyone except"
check extraterritorial-scenario "view=scenario&restricting=CHN&commodity=gallium&severity=1&severityTouched=true&targetKind=only&targetCountries=USA,JPN,DEU&extraterritorial=true&importer=USA" "including re-exports of its material" "Held in third countries"
check producers "view=producers&commodity=cobalt" "Share of world production" "<table>" map "Stages of cobalt"
check producers-stage "view=producers&commodity=tungsten:mine" "Tungsten ore and concentrate production" map
check priorities "view=priorities&importer=JPN&draws=5000" "Priority minerals for Japan (JPN)" "Expected annual loss share" \
  'class="whisker"' 'class="tier high"' "loss share ± se" "<table>" "Not assessed ("
check priorities-error "view=priorities&importer=JPN&draws=99000000" "over the limit of 1000000"
check plan-long "view=plan&plan=stockpile&importer=JPN&budget=1e9&draws=1000&disruptionYears=3" "Each disruption lasts 3 years" "<table>"
check plan-stockpile "view=plan&plan=stockpile&importer=US-Japan&budget=1e9&draws=1000" "Stockpile plan for United States and Japan" "Days of consumption covered" "Frontier" "<table>" \
  "spent 1.0 bn USD"
check plan-invest "view=plan&plan=invest&importer=US-Japan&budget=5e9&draws=500" "Investment plan for United States and Japan" "Expected loss by year" "gap closed" "<table>"
check plan-error "view=plan&plan=stockpile&importer=JPN&budget=-1" "budget -1"
check country "view=country&country=JPN&partners=MSP" "Japan (JPN), 2024" "Hit by:" "Largest imports by value" "<table>"
check suppliers-ja "view=suppliers&importer=JPN&commodity=gallium&lang=ja" "ガリウム" "中国" 'lang="ja"' "<table>"
check risk-ar "view=risk&importer=JPN&lang=ar" 'dir="rtl"' "الغاليوم" "<table>"
check suppliers "view=suppliers&importer=JPN&commodity=gallium" "Gallium (unwrought) imports of Japan (JPN)" "Japan (importer)" "<table>" map
check suppliers-sourced "view=suppliers&importer=USA&commodity=tungsten:refined" "import sources by country" "Split: each named source" "<table>" map
check suppliers-not-in-data "view=suppliers&importer=JPN&commodity=tin:refined" "Japan's are not in the data"
check trace "view=trace&importer=USA&commodity=cobalt" "shipped from (direct)" "produced in (traced)" "conduits" "unrecorded origin" "<table>"
check trends "view=trends&importer=USA&commodity=rare%20earths" "Risk score (GeoPolRisk) by stage" "Share of imports (tonnes) by supplier" \
  "Share of world production by producer" "source of the year's figures" 'class="line series-0"' "Excel (.xlsx)" "No answer for"
check trends-ja "view=trends&importer=JPN&commodity=gallium&lang=ja" "中国" 'class="line series-0"'
check unknown-view "view=risks&importer=JPN" "There is no view 'risks'" "GeoPolRisk for Japan (JPN)"
check scenario-map "view=scenario&preset=china-gallium-germanium-2023&importer=JPN,USA&market=1" "Who can fill the Germanium (unwrought) gap" "outlined" map

# On a narrow page the bar charts fit it (labels clip sooner and the plot narrows: charts.js
# `layout`) instead of scrolling their bars out of sight. Checked at 600 px: headless Chromium lays
# pages out at 500 px at least, so a 390 px window would be measured as 500.
narrow() {  # narrow NAME QUERY: every bar chart's width is at most the page's content width (576 px)
  local name=$1 url="http://127.0.0.1:$port/?$2"
  chrome --window-size=600,1400 --dump-dom "$url" > "$work/$name.html" 2>/dev/null || true
  local widths; widths=$({ grep -o '<svg viewBox="[^"]*" width="[0-9.]*" height="[0-9.]*" role="img" aria-label="[^"]*" class="bars' "$work/$name.html" || true; } \
    | sed 's/.* width="//; s/".*//' | sort -n)
  if [ -z "$widths" ]; then echo "FAIL $name: no chart drawn"; failures=$((failures + 1))
  elif awk -v w="$(echo "$widths" | tail -1)" 'BEGIN { exit !(w <= 576) }'; then echo "ok   $name (widest chart $(echo "$widths" | tail -1) px at 600)"
  else echo "FAIL $name: a chart is $(echo "$widths" | tail -1) px wide on a 600 px page"; failures=$((failures + 1)); fi
}
narrow country-narrow "view=country&country=JPN&partners=MSP"
narrow priorities-narrow "view=priorities&importer=USA&draws=2000"
narrow trace-narrow "view=trace&importer=JPN&commodity=gallium"
exit $((failures > 0))
