#!/usr/bin/env python3
"""Adds cobalt:metal (HS92 810510: unwrought cobalt, powders, mattes and intermediates, waste and
scrap), the form most cobalt reaches the US and Japan in, beside cobalt:refined (oxides). Run once."""
import json, pathlib
path = pathlib.Path(__file__).resolve().parent.parent / "Sources/LodestoneStore/Resources/Catalogue/catalogue.json"
cat = json.loads(path.read_text())
cobalt = next(f for f in cat["families"] if f["family"] == "cobalt")
if not any(s["stage"] == "metal" for s in cobalt["stages"]):
    cobalt["stages"].append({
        "stage": "metal", "name": "Cobalt (unwrought, powders, mattes)", "contentBasis": "Co content",
        "codes": [{"nomenclature": "HS92", "hs6": 810510, "factor": 0.35,
                   "source": ("HS92 810510 holds unwrought cobalt (cathode, >= 99.8 % Co) and powders, but by tonnage mostly cobalt hydroxide and other "
                              "intermediates (Congo (Kinshasa) to China: about 30-40 % Co); 0.35 t Co per t keeps China's imports within world refined output. "
                              "Unwrought cathode counted at the same factor is understated (the US's 810510 imports are mostly cathode): an assumption to replace with a split by unit value")}],
        "production": {"proxy": "cobalt:refined"}, "productionBasis": "stage-output",
        "notes": "Production: refined cobalt output (metal and chemicals, BGS shares x IEA 2024 total), the series of cobalt:refined; China's share is of both.",
        "official": {"usgs": "Cobalt", "imports": ["Imports for consumption"], "exports": ["Exports"],
                     "consumption": "Consumption (includes secondary): Apparent", "netImportReliance": "Net import reliance as a percentage of apparent consumption",
                     "anchor": False, "note": "USGS counts every form of cobalt (metal, oxides, salts, scrap); this stage is HS 810510 only"},
    })
path.write_text(json.dumps(cat, indent=1, ensure_ascii=False) + "\n")
print("cobalt stages:", [s["stage"] for s in cobalt["stages"]])
