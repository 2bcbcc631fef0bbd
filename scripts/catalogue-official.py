#!/usr/bin/env python3
"""Writes the 'official' mapping of each catalogue stage: which USGS MCS US salient-statistics
series (MCS 2026 data release, Statistics_detail) measure the stage's production, imports,
exports, consumption and net import reliance, with the factor from the published unit to the
stage's content basis. Run once when the mapping changes; the catalogue is the data."""
import json, pathlib
path = pathlib.Path(__file__).resolve().parent.parent / "Sources/LodestoneStore/Resources/Catalogue/catalogue.json"
cat = json.loads(path.read_text())

NIR = "Net import reliance as a percentage of apparent consumption"
M = {
  "gallium:refined": dict(usgs="Gallium", production=["Production, primary"], imports=["Imports for consumption: Metal"], exports=["Exports"],
      consumption="Consumption, reported", netImportReliance="Net import reliance as a percentage of reported consumption",
      note="USGS counts gallium arsenide wafers (152 t gross weight in 2024) apart from metal; HS17 811292 also holds germanium, hafnium, indium, niobium, rhenium and vanadium metal, waste and scrap"),
  "germanium:refined": dict(usgs="Germanium", production=["Production, refinery: Primary"], imports=["Imports for consumption: Germanium metal"],
      exports=["Exports: Germanium metal"], consumption="Consumption, estimated", netImportReliance="Net import reliance as a percentage of estimated consumption",
      note="germanium dioxide (HS 282560) is a separate USGS series and not in this stage"),
  "indium:refined": dict(usgs="Indium", production=["Production, refinery"], imports=["Imports for consumption"], exports=["Exports"],
      consumption="Consumption, estimated", netImportReliance="Net import reliance as a percentage of estimated consumption"),
  "rhenium:metal": dict(usgs="Rhenium", production=["Production"], imports=["Imports for consumption: Rhenium, unwrought and powders"], exports=["Exports"],
      consumption="Consumption, apparent", netImportReliance=NIR,
      note="USGS consumption also counts ammonium perrhenate imports (7.5 t Re in 2024), not in HS17 811292"),
  "rare-earth:mine": dict(usgs="Rare Earths", production=["Production: Mineral concentrates"], exports=["Exports: Ores and compounds"],
      netImportReliance="Net import reliance as a percentage of apparent consumption: Mineral concentrates",
      note="USGS exports of 'ores and compounds' are mostly Mountain Pass concentrate"),
  "rare-earth:refined": dict(usgs="Rare Earths", production=["Production: Compounds and metals"],
      imports=["Imports: Compounds", "Imports: Metals: Rare-earth metals and alloys"], exports=["Exports: Metals: Rare-earth metals and alloys"],
      consumption="Consumption, apparent, compounds and metals", netImportReliance="Net import reliance as a percentage of apparent consumption: Compounds and metals",
      note="USGS figures are REO equivalent; its compound exports are counted with ores, so exports here are metals and alloys only; ferrocerium (HS 360690) is left out"),
  "heavy-rare-earth:refined": dict(usgs="Rare Earths (Heavy)", imports=["Imports, compounds and metals"],
      netImportReliance="Net import reliance as a percentage of apparent consumption, compounds and metals"),
  "antimony:mine": dict(usgs="Antimony", production=["Production: Mine (recoverable antimony)"], imports=["Imports for consumption: Ore and concentrates"],
      exports=["Exports: Ore and concentrates"]),
  "antimony:metal": dict(usgs="Antimony", production=["Production, Smelter: Primary"], imports=["Imports for consumption: Unwrought, powder"],
      exports=["Exports: Unwrought, powder"], note="US consumption of antimony is mostly oxide (24 kt imported in 2024, HS 282580), not in this stage"),
  "tungsten:mine": dict(usgs="Tungsten", production=["Production: Mine"], imports=["Imports for consumption: Ores and concentrates"],
      exports=["Exports: Ores and concentrates"]),
  "tungsten:metal": dict(usgs="Tungsten", imports=["Imports for consumption: Other forms"], exports=["Exports: Other forms"], anchor=False,
      note="USGS 'other forms' also counts APT, oxides, carbides, ferrotungsten and wrought products; HS17 810194 is unwrought metal and powders only"),
  "nickel:mine": dict(usgs="Nickel", production=["Production: Mine"], imports=["Imports: Ores and concentrates"], exports=["Exports: Ores and concentrates"]),
  "nickel:metal": dict(usgs="Nickel", imports=["Imports: Primary"], exports=["Exports: Primary"], consumption="Consumption: Apparent, primary", anchor=False,
      note="USGS primary nickel also counts ferronickel, oxides and salts; HS17 750210 is unwrought nickel, not alloyed, only"),
  "cobalt:refined": dict(usgs="Cobalt", imports=["Imports for consumption"], exports=["Exports"], anchor=False,
      note="USGS counts every form of cobalt (metal, oxides, salts, scrap); this stage is cobalt oxides (HS 282200) only"),
  "copper:mine": dict(usgs="Copper", production=["Production: Mine, recoverable"], imports=["Imports for consumption: Ore and concentrate"],
      exports=["Exports: Ore and concentrate"]),
  "copper:refined": dict(usgs="Copper", production=["Production, Refinery: Primary (from ore)", "Production, Refinery: Secondary (from scrap)"],
      imports=["Imports for consumption: Refined"], exports=["Exports: Refined"], consumption="Consumption: Reported, refined copper"),
  "tantalum:metal": dict(usgs="Tantalum", imports=["Imports for consumption"], exports=["Exports"], consumption="Consumption, apparent", netImportReliance=NIR, anchor=False,
      note="USGS counts tantalum in every form (ores, concentrates, waste and scrap, unwrought and wrought metal); this stage is unwrought metal and powders"),
  "titanium:metal": dict(usgs="Titanium sponge metal", production=["Production"], imports=["Imports for consumption"], exports=["Exports"],
      consumption="Consumption, apparent", netImportReliance=NIR),
  "magnesium:metal": dict(usgs="Magnesium Metal", production=["Production: Primary"], imports=["Imports for consumption"], exports=["Exports"],
      netImportReliance=NIR, note="USGS magnesium imports count alloys (Mg content) beside unwrought metal of 99.8 %"),
  "beryllium:metal": dict(usgs="Beryllium", imports=["Imports for consumption"], exports=["Exports"], anchor=False,
      note="USGS counts beryllium content of ores, metal, alloys and scrap; this stage is unwrought beryllium metal only"),
  "silicon:metal": dict(usgs="Silicon", imports=["Imports for consumption: Silicon metal"], exports=["Exports: Silicon metal"],
      netImportReliance="Net import reliance as a percentage of apparent consumption: Silicon metal"),
  "niobium:metal": dict(usgs="Niobium (Columbium)", production=["Production, mine"], imports=["Imports for consumption"], exports=["Exports"],
      consumption="Consumption: Apparent", netImportReliance=NIR,
      note="USGS counts niobium in ferroniobium, metal, oxides and other forms; this stage is ferroniobium (HS 720293), most of it"),
  "vanadium:metal": dict(usgs="Vanadium", imports=["Imports for consumption: Ferrovanadium"], exports=["Exports: Ferrovanadium"]),
  "lithium:refined": dict(usgs="Lithium", production=["Production"], imports=["Imports for consumption"], exports=["Exports"],
      consumption="Consumption, apparent", netImportReliance=NIR, factor=2.153,
      note="USGS publishes lithium content; ×2.153 gives the stage's Li2O basis"),
  "graphite:mine": dict(usgs="Graphite (Natural)", production=["Production, mine"], imports=["Imports for consumption"], exports=["Exports"],
      consumption="Consumption, apparent", netImportReliance=NIR),
  "manganese:mine": dict(usgs="Manganese", production=["Production, mine"], imports=["Imports for consumption: Manganese ores and concentrates"],
      exports=["Exports: Manganese ores and concentrates"], factor=0.4,
      note="USGS ore figures are gross weight: ×0.4, the stage's Mn content factor"),
  "zinc:mine": dict(usgs="Zinc", production=["Production: Mine, zinc in concentrates"], imports=["Imports for consumption: Ores and concentrates"],
      exports=["Exports: Ores and concentrates"], netImportReliance="Net import reliance as a percentage of apparent consumption: Ores and concentrates"),
  "lead:mine": dict(usgs="Lead", production=["Production: Mine, lead in concentrates"], imports=["Imports for consumption: Lead in concentrates"],
      exports=["Exports: Lead in concentrates"]),
  "molybdenum:mine": dict(usgs="Molybdenum", production=["Production, mine"], imports=["Imports for consumption total: Ore and concentrates"],
      exports=["Exports: Ore and concentrates"]),
  "platinum:metal": dict(usgs="Platinum", production=["Mine production: Platinum"], imports=["Imports for consumption: Platinum"],
      exports=["Exports: Platinum"], consumption="Consumption, apparent: Platinum", netImportReliance="Net import reliance as a percentage of apparent consumption: Platinum"),
  "palladium:metal": dict(usgs="Palladium", production=["Mine production: Palladium"], imports=["Imports for consumption: Palladium"],
      exports=["Exports: Palladium"], consumption="Consumption, apparent: Palladium", netImportReliance="Net import reliance as a percentage of apparent consumption: Palladium"),
}
seen = set()
for f in cat["families"]:
    for s in f["stages"]:
        sid = f"{f['family']}:{s['stage']}"
        if sid in M:
            s["official"] = M[sid]
            seen.add(sid)
missing = set(M) - seen
assert not missing, missing
path.write_text(json.dumps(cat, indent=1, ensure_ascii=False) + "\n")
print(f"official mapping for {len(seen)} stages")
