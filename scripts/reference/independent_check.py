#!/usr/bin/env python3
"""Independent re-derivation of reference.csv straight from the bundled SQLite
files (no pandas, no geopolrisk import), as an executable spec of the
reference's quirks for the Swift port. Compares to 1e-9 relative.

Usage: scripts/reference/.venv/bin/python scripts/reference/independent_check.py
       (any python3 works; only needs the geopolrisk wheel's lib/ directory,
       located via the venv or --lib).
"""
import argparse
import csv
import glob
import math
import os
import sqlite3
import sys
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(os.path.join(HERE, "..", ".."))
CF_CU = 0.409412948


def find_lib():
    hits = glob.glob(os.path.join(HERE, ".venv", "lib", "python3*",
                                  "site-packages", "geopolrisk", "lib"))
    return hits[0] if hits else None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--lib", default=find_lib())
    ap.add_argument("--csv", default=os.path.join(
        REPO, "Tests", "Fixtures", "geopolrisk", "reference.csv"))
    args = ap.parse_args()

    wmd = sqlite3.connect(os.path.join(args.lib, "world_mining_data.db"))
    baci = sqlite3.connect(os.path.join(args.lib, "baci.db"))

    # Commodity -> (production table, HS codes). Rows with HS Code
    # 'Not Available' or NULL Symbol are dropped (database.py).
    hsmap = {}
    for sheet, ref, hs, comp in wmd.execute(
            'SELECT "Sheet_name","Reference ID","HS Code","HS Code - Complementary" '
            'FROM "HS Code Map" WHERE "HS Code" != \'Not Available\' '
            'AND "Symbol" IS NOT NULL'):
        codes = {int(hs)} | ({int(c) for c in comp.split(";")} if comp else set())
        hsmap[ref] = (sheet, codes)
    iso = {name: int(code) for code, name in wmd.execute(
        'SELECT ISO, Country FROM Country_ISO')}

    rows = list(csv.DictReader(open(args.csv)))
    years = sorted({int(r["year"]) for r in rows})

    # Trade, per (year, reporter, partner, commodity): qty, value summed over
    # the commodity's HS codes; WGI of the partner via the same SQL scalar
    # subquery the package uses (first row of v_wgi_year_country).
    trade = defaultdict(lambda: [0.0, 0.0, None])  # key -> [qty, val, wgi]
    code2rm = defaultdict(list)
    for rm, (_, codes) in hsmap.items():
        for c in codes:
            code2rm[c].append(rm)
    q = f"""SELECT b.t, b.j, b.i, b.k, REPLACE(TRIM(b.q),'NA',0), REPLACE(TRIM(b.v),'NA',0),
              (SELECT vwyc.wgi FROM v_wgi_year_country vwyc
                 WHERE b.t = vwyc.Year AND b.i = vwyc.country_code)
            FROM baci_trade b WHERE b.t IN ({','.join("'%d'" % y for y in years)})"""
    for t, j, i, k, qty, val, wgi in baci.execute(q):
        for rm in code2rm.get(int(k), ()):
            e = trade[(int(t), int(j), int(i), rm)]
            e[0] += float(qty) if qty not in (None, "NA", " ", "") else 0.0
            e[1] += float(val) if val not in (None, "NA", " ", "") else 0.0
            if e[2] is None:
                e[2] = wgi  # groupby 'first' = first non-null
    by_rep = defaultdict(list)
    for (t, j, i, rm), e in trade.items():
        by_rep[(t, j, rm)].append((i, e))

    prod_cache = {}

    def production(rm):
        if rm not in prod_cache:
            sheet = hsmap[rm][0]
            cols = [d[1] for d in wmd.execute(f'PRAGMA table_info("{sheet}")')]
            data = [dict(zip(cols, r)) for r in wmd.execute(
                f'SELECT * FROM "{sheet}" WHERE Country_Code != \'DELETE\'')]
            prod_cache[rm] = data
        return prod_cache[rm]

    worst = 0.0
    bad = 0
    for r in rows:
        year, rm = int(r["year"]), r["commodity"]
        members = [int(m) for m in r["members"].split(";")]
        num = tt = val = 0.0
        for m in members:
            for partner, (qty, v, wgi) in sorted(by_rep.get((year, m, rm), [])):
                if partner in members:
                    w = 0.0
                elif wgi is None or wgi.strip() == "NA":
                    w = 0.5
                else:
                    w = float(wgi)  # 'nan' -> NaN, 'None' -> ValueError
                num += qty * w
                tt += qty
                val += v
        price = val / tt if tt != 0 else 0.0
        data = production(rm)
        col = str(year)
        vals = [int(d[col] or 0) for d in data]  # fillna(0).astype(int): truncates
        s = sum(vals)
        hhi = sum(x * x for x in vals) / (s * s)
        prod = 0.0
        for m in members:
            pq = next((float(d[col] or 0) for d in data
                       if int(d["Country_Code"]) == m), 0.0)  # not truncated
            if data[0]["unit"] == "kg":
                pq /= 1000  # 'Mio m3' branch is unreachable: no conversion
            prod += pq
        den = tt + prod
        wta = num / den if den != 0 else 0.0
        score = hhi * wta
        cf = score * price / CF_CU
        mine = dict(hhi=hhi, import_risk=wta, price=price, score=score, cf=cf,
                    prod_qty=prod, numerator=num, total_trade=tt)
        for k, x in mine.items():
            ref = float(r[k])
            rel = abs(x - ref) / max(abs(ref), 1e-300) if ref != x else 0.0
            worst = max(worst, rel)
            if rel > 1e-9:
                bad += 1
                print("MISMATCH", r["importer"], rm, year, k, ref, x)
    print(f"{len(rows)} rows checked, {bad} mismatches, worst rel err {worst:.3g}")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
