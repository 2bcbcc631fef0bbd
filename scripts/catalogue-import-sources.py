#!/usr/bin/env python3
"""Adds the stages whose trade the bundled BACI extract does not hold but whose US imports the
USGS MCS 2026 data release publishes by source country ("Import Sources"): refined tin (HS 800110
is not in the extract) and tungsten in 'other forms' (APT, oxides, carbides, ferrotungsten,
metal). Their flows into the United States come from those shares times the official imports net
of exports (Dataset+ImportSources). Run after catalogue-official.py and catalogue-official-2025.py;
the catalogue is the data."""
import json, pathlib
path = pathlib.Path(__file__).resolve().parent.parent / "Sources/LodestoneStore/Resources/Catalogue/catalogue.json"
cat = json.loads(path.read_text())

STAGES = {
  "tin": dict(stage="refined", name="Refined tin", contentBasis="Sn content", codes=[],
      production={"proxy": "tin:mine"}, productionBasis="mine-output",
      unitValueUSDPerKg=30.16,
      notes="Refined tin (HS 800110) is not in the bundled trade data: the United States' imports come from USGS's import sources "
            "(refined tin, 2021-24: Peru 31 %, Bolivia 27 %, Indonesia 15 %, Brazil 10 %, others 17 %) times its official imports net of exports, "
            "and mine output (Sn content) stands in for the world's refinery output. Unit value 30.16 USD/kg: LME cash average 2024, "
            "1,368 US cents per pound (USGS MCS 2026 data release, Tin salient statistics).",
      official=dict(usgs="Tin", imports=["Imports for consumption: Refined"], exports=["Exports: Refined"],
          consumption="Consumption, apparent, refined", netImportReliance="Net import reliance as a percentage of apparent consumption, refined tin",
          importSources="Refined tin",
          mcs2025=dict(commodity="Tin", imports=["Imports_Refined_t"], exports=["Exports_Refined_t"]))),
  "tungsten": dict(stage="refined", name="Tungsten products (APT, oxides, carbides, ferrotungsten, metal)", contentBasis="W content", codes=[],
      production={"proxy": "tungsten:mine"}, productionBasis="mine-output",
      unitValueUSDPerKg=31.78,
      notes="USGS 'other forms' of tungsten: ammonium paratungstate, oxides, carbides, ferrotungsten and metal, most of them outside the bundled "
            "trade codes. The United States' imports come from USGS's import sources (ores, concentrates and other forms, 2021-24: China 26 %, "
            "Germany 14 %, Bolivia 8 %, Vietnam 8 %, others 44 %) times its official imports of other forms net of exports; mine output "
            "(W content) stands in for the world's output of these products. USGS withholds US secondary production and consumption, "
            "so consumption is net imports, a lower bound. Unit value 31.78 USD/kg W: the 2024 concentrate price, 252 USD per metric ton "
            "unit of WO3 (USGS MCS 2026 data release, Tungsten salient statistics; 7.93 kg W per unit), below the price of APT and carbide.",
      official=dict(usgs="Tungsten", imports=["Imports for consumption: Other forms"], exports=["Exports: Other forms"],
          importSources="Ores, concentrates, and other forms",
          mcs2025=dict(commodity="Tungsten", imports=["Imports_Other_t"], exports=["Exports_Other_t"]))),
}
for f in cat["families"]:
    spec = STAGES.get(f["family"])
    if not spec: continue
    f["stages"] = [s for s in f["stages"] if s["stage"] != spec["stage"]]
    order = ["mine", "refined", "metal", "component"]
    f["stages"].append(spec)
    f["stages"].sort(key=lambda s: order.index(s["stage"]))
path.write_text(json.dumps(cat, indent=1, ensure_ascii=False) + "\n")
print("stages from import sources:", ", ".join(f"{k}:{v['stage']}" for k, v in STAGES.items()))
