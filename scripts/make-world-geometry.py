#!/usr/bin/env python3
"""Builds the dashboard's world map, Sources/LodestoneServer/Resources/Dashboard/world.json.

Usage: scripts/make-world-geometry.py [--wheel PATH] [--out PATH] [--tolerance DEGREES]

Source: Natural Earth 1:110m Admin 0 - Countries (public domain, naturalearthdata.com), as the
geopandas 0.14.4 wheel on PyPI ships it (geopandas/datasets/naturalearth_lowres: 177 countries;
geopandas filled the ISO3 codes Natural Earth leaves as -99 from ADM0_A3 and drew Crimea with
Ukraine). Without --wheel the wheel is fetched with `pip download geopandas==0.14.4 --no-deps`.
Needs pyshp (pip install pyshp), which reads the shapefile straight from the wheel.

What it writes, for an SVG map drawn by dashboard.js (which projects it):
- one entry per country, keyed by ISO3 (Kosovo, the only -99 left, gets no code and so no data);
- Antarctica left out (no role in the trade data; a quarter of the map's height);
- each ring simplified with Douglas-Peucker at --tolerance degrees (default 0.15, under a pixel
  on a 1000-pixel-wide world), rounded to 0.1 degree, islands smaller than 0.05 square degrees
  dropped unless they are all a country has;
- coordinates as integers in tenths of a degree, each ring as x0, y0, then differences.
Same wheel and options, same bytes.
"""
import argparse
import hashlib
import io
import json
import os
import subprocess
import sys
import tempfile
import zipfile

import shapefile  # pyshp

WHEEL = "geopandas==0.14.4"
MEMBER = "geopandas/datasets/naturalearth_lowres/naturalearth_lowres"
LEFT_OUT = {"ATA"}
MIN_ISLAND_AREA = 0.05


def fetch_wheel(folder):
    subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "--quiet", WHEEL, "-d", folder], check=True)
    wheels = [name for name in os.listdir(folder) if name.endswith(".whl")]
    if len(wheels) != 1:
        sys.exit(f"expected one wheel in {folder}, found {wheels}")
    return os.path.join(folder, wheels[0])


def douglas_peucker(points, tolerance):
    """Keeps the end points and every point farther than `tolerance` from the chord it would cut."""
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (x1, y1), (x2, y2) = points[first], points[last]
        dx, dy = x2 - x1, y2 - y1
        length = (dx * dx + dy * dy) ** 0.5
        farthest, distance = None, tolerance
        for i in range(first + 1, last):
            x, y = points[i]
            d = abs(dy * (x - x1) - dx * (y - y1)) / length if length > 0 else ((x - x1) ** 2 + (y - y1) ** 2) ** 0.5
            if d > distance:
                farthest, distance = i, d
        if farthest is not None:
            keep[farthest] = True
            stack += [(first, farthest), (farthest, last)]
    return [p for p, k in zip(points, keep) if k]


def area(points):
    return abs(sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(points, points[1:] + points[:1]))) / 2


def encode(points):
    """Tenths of a degree, consecutive repeats dropped, then x0, y0 and differences."""
    ticks = []
    for x, y in points:
        tick = (round(x * 10), round(y * 10))
        if not ticks or ticks[-1] != tick:
            ticks.append(tick)
    if len(ticks) > 1 and ticks[0] == ticks[-1]:
        ticks.pop()  # SVG closes the ring itself
    if len(ticks) < 3:
        return None
    flat = [ticks[0][0], ticks[0][1]]
    for (xa, ya), (xb, yb) in zip(ticks, ticks[1:]):
        flat += [xb - xa, yb - ya]
    return flat


def rings_of(shape):
    bounds = list(shape.parts) + [len(shape.points)]
    return [[tuple(p) for p in shape.points[a:b]] for a, b in zip(bounds, bounds[1:])]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--wheel", help="a geopandas 0.14.4 wheel already downloaded")
    parser.add_argument("--out", default=os.path.join(os.path.dirname(__file__), "..", "Sources", "LodestoneServer", "Resources",
                                                      "Dashboard", "world.json"))
    parser.add_argument("--tolerance", type=float, default=0.15)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as folder:
        wheel = args.wheel or fetch_wheel(folder)
        with open(wheel, "rb") as f:
            digest = hashlib.sha256(f.read()).hexdigest()
        with zipfile.ZipFile(wheel) as archive:
            parts = {ext: io.BytesIO(archive.read(f"{MEMBER}.{ext}")) for ext in ("shp", "shx", "dbf")}
            # The .cpg names the text encoding of the attribute table.
            encoding = archive.read(f"{MEMBER}.cpg").decode("ascii").strip()
        reader = shapefile.Reader(shp=parts["shp"], shx=parts["shx"], dbf=parts["dbf"], encoding=encoding)
        countries, points_in, points_out = [], 0, 0
        for item in reader.iterShapeRecords():
            record = item.record.as_dict()
            iso3 = record["iso_a3"] if len(record["iso_a3"]) == 3 and record["iso_a3"].isalpha() else ""
            if iso3 in LEFT_OUT:
                continue
            rings = rings_of(item.shape)
            points_in += sum(len(r) for r in rings)
            largest = max(range(len(rings)), key=lambda i: area(rings[i]))
            encoded = []
            for index, ring in enumerate(rings):
                if index != largest and area(ring) < MIN_ISLAND_AREA:
                    continue
                flat = encode(douglas_peucker(ring, args.tolerance))
                if flat:
                    encoded.append(flat)
                    points_out += len(flat) // 2
            countries.append({"iso3": iso3, "name": record["name"], "rings": encoded})
    countries.sort(key=lambda c: (c["iso3"] or "~", c["name"]))
    document = {
        "source": "Natural Earth 1:110m Admin 0 - Countries (public domain, naturalearthdata.com), "
                  "from the geopandas 0.14.4 wheel on PyPI (geopandas/datasets/naturalearth_lowres)",
        "licence": "public domain (Natural Earth terms of use)",
        "wheel": os.path.basename(wheel),
        "wheelSha256": digest,
        "madeBy": "scripts/make-world-geometry.py",
        "simplification": f"Douglas-Peucker {args.tolerance} degrees, rounded to 0.1 degree, islands under {MIN_ISLAND_AREA} square degrees "
                          "dropped unless alone, Antarctica left out",
        "coordinates": "integers in tenths of a degree (longitude, latitude); each ring x0, y0, then differences to the previous point",
        "countries": countries,
    }
    text = json.dumps(document, separators=(",", ":"), ensure_ascii=False)
    with open(args.out, "w", encoding="utf-8") as f:
        f.write(text + "\n")
    print(f"{len(countries)} countries, {points_in} points in, {points_out} out, {len(text.encode())} bytes -> {os.path.normpath(args.out)}",
          file=sys.stderr)


if __name__ == "__main__":
    main()
