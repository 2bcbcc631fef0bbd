#!/usr/bin/env python3
"""The README's backtest table from `lodestone backtest --format json` on stdin."""
import json
import sys

d = json.load(sys.stdin)
print("| role | event | commodity | market | trade year | severity | months | equilibrium | model | observed | log error |")
print("|---|---|---|---|---|---|---|---|---|---|---|")
for r in d["rows"]:
    star = "*" if r["tradeYear"] != r["baseYear"] else ""
    print(f"| {r['role']} | {r['event']} | {r['commodity']} | {r['market']} | {r['tradeYear']}{star} | {r['severity']:.2f} "
          f"| {r['horizonMonths']:g} | {100 * r['equilibriumChange']:+.0f} % | {100 * r['modelChange']:+.0f} % "
          f"| {100 * r['observedChange']:+.1f} % | {r['logError']:.2f} |")
print()
for s in d["summaries"]:
    print(f"{s['role']}: {s['rows']} rows, RMS log error {s['rmsLogError']:.3f}, {s['withinFactorTwo']} of {s['rows']} within a factor "
          f"of two, {s['sameDirection']} of {s['rows']} in the right direction.")
