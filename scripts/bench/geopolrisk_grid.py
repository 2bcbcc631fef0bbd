#!/usr/bin/env python3
"""Benchmark the reference implementation geopolrisk-py 2.0.1.

Runs in the reference venv (created by scripts/reference/make_reference.sh):

    scripts/reference/.venv/bin/python scripts/bench/geopolrisk_grid.py [--sample N] [--seed S]

Measures
  (a) load_seconds: import geopolrisk.assessment (loads all bundled SQLite
      data) + mapped_baci();
  (b) time to compute N cases (default 300) drawn deterministically
      (random.Random(seed).sample, seed 1) from the full grid
      Country_ISO countries x default_rmlist() commodities x years 2018..2024,
      each case being gprs_calc's loop body (see
      scripts/reference/geopolrisk_reference.py: compute_case);
  (c) the extrapolated time for the full grid (sample rate, load excluded).

Prints one JSON object on stdout: load_seconds, sample_cases, sample_seconds,
scores_per_second, grid_cases, extrapolated_grid_seconds. Status breakdown of
the sample goes to stderr.
"""
import argparse
import collections
import itertools
import json
import os
import random
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "reference"))
import geopolrisk_reference as ref  # noqa: E402  (light: no geopolrisk import)

YEARS = list(range(2018, 2025))


def main(argv=None):
    ap = argparse.ArgumentParser(description="geopolrisk-py grid benchmark")
    ap.add_argument("--sample", type=int, default=300, metavar="N")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args(argv)

    t0 = time.perf_counter()
    ns = ref.load()  # import geopolrisk.assessment.{database,utils,core}
    database = ns.mapped_baci()
    load_seconds = time.perf_counter() - t0

    countries = ns.databases.production["Country_ISO"]["Country"].tolist()
    commodities = ns.default_rmlist()
    grid = list(itertools.product(YEARS, countries, commodities))
    n = min(args.sample, len(grid))
    sample = random.Random(args.seed).sample(grid, n)

    statuses = collections.Counter()
    t1 = time.perf_counter()
    for year, ctry, rm in sample:
        _, status = ref.run_case(ns, database, ctry, rm, year)
        statuses[status] += 1
    sample_seconds = time.perf_counter() - t1

    rate = n / sample_seconds if sample_seconds > 0 else float("inf")
    out = {
        "load_seconds": round(load_seconds, 3),
        "sample_cases": n,
        "sample_seconds": round(sample_seconds, 3),
        "scores_per_second": round(rate, 3),
        "grid_cases": len(grid),
        "extrapolated_grid_seconds": round(len(grid) / rate, 1),
    }
    print(f"grid: {len(countries)} countries x {len(commodities)} commodities "
          f"x {len(YEARS)} years; sample statuses: {dict(statuses)}",
          file=sys.stderr)
    print(json.dumps(out))


if __name__ == "__main__":
    main()
