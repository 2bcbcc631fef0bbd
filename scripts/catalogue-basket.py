#!/usr/bin/env python3
"""Adds hafnium to the HS17 811292 basket: a hafnium:metal stage (unwrought hafnium) sharing the
code with gallium, germanium, indium and rhenium, with cited production shares and price; and
rewrites the basket notes. Run once; the catalogue is the data."""
import json, pathlib
path = pathlib.Path(__file__).resolve().parent.parent / "Sources/LodestoneStore/Resources/Catalogue/catalogue.json"
cat = json.loads(path.read_text())
members = ["gallium:refined", "germanium:refined", "indium:refined", "rhenium:metal", "hafnium:metal"]
NOTE = ("HS17 811292 holds unwrought gallium, germanium, hafnium, indium, niobium, rhenium and vanadium, with their "
        "powders, waste and scrap, under one code. Each flow's value is split among gallium, germanium, hafnium, indium "
        "and rhenium by the exporter's pool: its own production of each (valued at the members' reference prices) plus "
        "what it imports under the code, carrying its suppliers' mixes. What a country exports beyond that pool is of "
        "unrecorded origin (niobium, vanadium, scrap, or metal bought outside the data) and goes to no stage; where the "
        "pool's mix would put more tonnes on the exporter's flows than were reported, it is tilted towards the dearer "
        "members (maximum entropy) until it fits.")
fams = {f["family"]: f for f in cat["families"]}
if "hafnium" not in fams:
    hafnium = {
        "family": "hafnium", "name": "Hafnium", "symbol": "Hf", "supplyClass": "by-product", "defaultStage": "metal",
        "defaultReason": "the only stage with data",
        "stages": [{
            "stage": "metal", "name": "Hafnium (unwrought)", "contentBasis": "Hf content",
            "codes": [{"nomenclature": "HS17", "hs6": 811292, "factor": 1.0,
                       "source": "metal; reference price 4600 USD/kg: unwrought hafnium 2024, USGS MCS 2025 salient statistics (zirconium and hafnium)",
                       "sharedWith": [m for m in members if m != "hafnium:metal"], "priceUSDPerKg": 4600}],
            "production": {"shares": {"years": [2023, 2024, 2025], "worldTonnes": 72, "countries": {"FRA": 0.417, "USA": 0.347, "CHN": 0.167, "RUS": 0.069},
                "source": "World output of pure hafnium metal 70-75 t/yr, from France, the United States, China and Russia only; the French plant 30 t/yr (Argus Media, 10 Apr 2025, 'Hafnium supply must expand to meet demand: MMTA'). France 30 t; the split of the other 42 t (US 25, China 12, Russia 5) is an assumption."}},
            "notes": NOTE + " Hafnium is separated from zirconium in nuclear-grade zirconium refining; no country series is published.",
            "official": {"usgs": "Hafnium", "imports": ["Imports: Hafnium, unwrought"], "exports": ["Exports: Hafnium, unwrought"]},
        }],
    }
    at = [f["family"] for f in cat["families"]].index("rhenium") + 1
    cat["families"].insert(at, hafnium)
for f in cat["families"]:
    for s in f["stages"]:
        sid = f"{f['family']}:{s['stage']}"
        if sid in members:
            for c in s["codes"]:
                if c["hs6"] == 811292:
                    c["sharedWith"] = [m for m in members if m != sid]
            notes = s.get("notes", "")
            extra = notes[notes.index("Germanium production"):] if "Germanium production" in notes else ""
            if sid != "hafnium:metal":
                s["notes"] = NOTE + ((" " + extra) if extra else "")
            if sid == "gallium:refined" and "official" in s:
                s["official"]["note"] = ("USGS counts gallium arsenide wafers (152 t gross weight in 2024) apart from metal; HS17 811292 also holds "
                                         "germanium, hafnium, indium, niobium, rhenium and vanadium metal, waste and scrap")
path.write_text(json.dumps(cat, indent=1, ensure_ascii=False) + "\n")
print("basket members:", members)
