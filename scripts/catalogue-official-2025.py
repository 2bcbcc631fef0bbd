#!/usr/bin/env python3
"""Adds to each stage's 'official' mapping the MCS 2025 salient-table columns of the same measures
(salient_commodity/mcs2025-*_salient.csv: the file's Commodity and its column names). The MCS
2026 edition wins any year both give; MCS 2025 adds 2020. Run once; the catalogue is the data."""
import json, pathlib
path = pathlib.Path(__file__).resolve().parent.parent / "Sources/LodestoneStore/Resources/Catalogue/catalogue.json"
cat = json.loads(path.read_text())
M = {
    "gallium:refined": dict(commodity="Gallium", production=["USprod_Primary_kg"], imports=["Imports_Metal_kg"], exports=["Exports_kg"],
                            consumption="Consump_kg", netImportReliance="NIR_pct"),
    # Consump_g holds kilograms (30,000 in 2020-21, as MCS 2026 prints them): left out.
    "germanium:refined": dict(commodity="Germanium", production=["USprod_Primary_kg"], imports=["Imports_Metal_kg"], exports=["Exports_Metal_kg"],
                              netImportReliance="NIR_ct"),
    "indium:refined": dict(commodity="Indium", production=["USprod_Refinery_t"], imports=["Imports_t"], exports=["Exports_t"],
                           consumption="Consump_t", netImportReliance="NIR_pct"),
    "rhenium:metal": dict(commodity="Rhenium", production=["USprod_kg"], imports=["Imports_unwrought_kg"], exports=["Exports_kg"],
                          consumption="Consump_kg", netImportReliance="NIR_pct"),
    "hafnium:metal": dict(commodity="Zirconium and Hafnium", imports=["Imports_Hf_unwrought_t"], exports=["Exports_Hf_unwrought_t"]),
    "rare-earth:mine": dict(commodity="Rare Earths", production=["USprod_Concentrate_t"], exports=["Exports_Ores-Compounds_t"],
                            netImportReliance="NIR_Concentrate_t"),
    "rare-earth:refined": dict(commodity="Rare Earths", production=["USprod_Compounds-Metals_t"], imports=["Imports_Compounds_t", "Imports_Metals_t"],
                               exports=["Exports_Metals_t"], consumption="Consump_Compounds-Metals_t", netImportReliance="NIR_Compounds-Metals_t"),
    "antimony:mine": dict(commodity="Antimony", production=["USprod_Mine_t"], imports=["Imports_Ore_t"], exports=["Exports_Ore_t"]),
    "antimony:metal": dict(commodity="Antimony", production=["USprod_Smelter-primary_t"], imports=["Imports_Unwrought_t"], exports=["Exports_Unwrought_t"]),
    "tungsten:mine": dict(commodity="Tungsten", production=["USprod_Mine_t"], imports=["Imports_Concentrate_t"], exports=["Exports_Concentrate_t"]),
    "tungsten:metal": dict(commodity="Tungsten", imports=["Imports_Other_t"], exports=["Exports_Other_t"]),
    "nickel:mine": dict(commodity="Nickel", production=["USprod_Mine_t"], imports=["Imports_Ores_t"], exports=["Exports_Ores_t"]),
    "nickel:metal": dict(commodity="Nickel", imports=["Imports_Primary_t"], exports=["Exports_Primary_t"], consumption="Consump_Apparent_Primary_t"),
    "cobalt:refined": dict(commodity="Cobalt", imports=["Imports_t"], exports=["Exports_t"]),
    "cobalt:metal": dict(commodity="Cobalt", imports=["Imports_t"], exports=["Exports_t"], consumption="Consump_Apparent_t", netImportReliance="NIR_pct"),
    "copper:mine": dict(commodity="Copper", production=["USprod_Mine_kt"], imports=["Imports_Ores_kt"], exports=["Exports_Ores_kt"]),
    "copper:refined": dict(commodity="Copper", production=["USprod_Refinery-primary_kt", "USprod_Refinery-secondary_kt"], imports=["Imports_Refined_kt"],
                           exports=["Exports_Refined_kt"], consumption="Consump_Reported_kt"),
    "tantalum:metal": dict(commodity="Tantalum", imports=["Imports_t"], exports=["Exports_t"], consumption="Consump_t", netImportReliance="NIR_pct"),
    "titanium:metal": dict(commodity="Titanium and Titanium Dioxide", production=["USprod_Sponge_t"], imports=["Imports_Sponge_t"],
                           exports=["Exports_Sponge_t"], consumption="Consump_Sponge_Apparent_t", netImportReliance="NIR_Sponge_pct"),
    "magnesium:metal": dict(commodity="Magnesium Metal", production=["USprod_Primary_kt"], imports=["Imports_kt"], exports=["Exports_kt"],
                            netImportReliance="NIR_pct"),
    "beryllium:metal": dict(commodity="Beryllium", imports=["Imports_t"], exports=["Exports_t"]),
    "silicon:metal": dict(commodity="Silicon", imports=["Imports_Si_kt"], exports=["Exports_Si_kt"], netImportReliance="NIR_Si_pct"),
    "niobium:metal": dict(commodity="Niobium (Columbium)", production=["USprod_Mine_t"], imports=["Imports_t"], exports=["Exports_t"],
                          consumption="Consump_Apparent_t", netImportReliance="NIR_pct"),
    "vanadium:metal": dict(commodity="Vanadium", imports=["Imports_FeV_t"], exports=["Exports_FeV_t"]),
    "lithium:refined": dict(commodity="Lithium", production=["USprod_t"], imports=["Imports_t"], exports=["Exports_t"], consumption="Consump_t",
                            netImportReliance="NIR_pct"),
    "graphite:mine": dict(commodity="Graphite (Natural)", production=["USprod_t"], imports=["Imports_t"], exports=["Exports_t"], consumption="Consump_t",
                          netImportReliance="NIR_pct"),
    "manganese:mine": dict(commodity="Manganese", production=["USprod_kt"], imports=["Imports_Ore_kt"], exports=["Exports_Ore_kt"]),
    "zinc:mine": dict(commodity="Zinc", production=["USprod_Ores_kt"], imports=["Imports_Ores_kt"], exports=["Exports_Ores_kt"], netImportReliance="NIR_Ores_pct"),
    "lead:mine": dict(commodity="Lead", production=["USprod_Concentrates_kt"], imports=["Imports_Concentrates_kt"]),
    "molybdenum:mine": dict(commodity="Molybdenum", production=["USprod_t"], imports=["Imports_ore_concentrates_t"], exports=["Exports_ore_concentrates_t"]),
    "platinum:metal": dict(commodity="Platinum-Group Metals", production=["USprod_Platinum_kg"], imports=["Imports_Platinum_kg"], exports=["Exports_Platinum_kg"],
                           consumption="Consump_Platinum_kg", netImportReliance="NIR_Platinum_pct"),
    "palladium:metal": dict(commodity="Platinum-Group Metals", production=["USprod_Palladium_kg"], imports=["Imports_Palladium_kg"],
                            exports=["Exports_Palladium_kg"], consumption="Consump_Palladium_kg", netImportReliance="NIR_Palladium_pct"),
}
done = set()
for f in cat["families"]:
    for s in f["stages"]:
        sid = f"{f['family']}:{s['stage']}"
        if sid in M and "official" in s:
            s["official"]["mcs2025"] = M[sid]
            done.add(sid)
assert done == set(M), set(M) - done
cat["version"] = "2026-12-05.4"
path.write_text(json.dumps(cat, indent=1, ensure_ascii=False) + "\n")
print("MCS 2025 columns for", len(done), "stages")
