#!/usr/bin/env python3
"""Honest stages: says which stages' production series is mine output standing in for a later
stage, and gives refined rare earths and refined lithium their cited refining shares instead of
mine output. Run once; the catalogue is the data."""
import json, pathlib
path = pathlib.Path(__file__).resolve().parent.parent / "Sources/LodestoneStore/Resources/Catalogue/catalogue.json"
cat = json.loads(path.read_text())
MINE = ["rhenium:metal", "tantalum:metal", "beryllium:metal", "niobium:metal", "vanadium:metal",
        "platinum:metal", "palladium:metal", "rhodium:metal"]
SHARES = {
    "rare-earth:refined": {
        "years": [2022, 2023, 2024, 2025], "worldTonnes": 380000,
        "countries": {"CHN": 0.913, "MYS": 0.05, "USA": 0.0113},
        "source": ("Refining (separation) of rare earths: China 91.3 % in 2024 (IEA Critical Minerals Dataset, CC BY 4.0, magnet rare earths, "
                   "as compiled in refining-shares/iea_mining_refining_shares_2024.json; IEA Global Critical Minerals Outlook 2024: 92 % in 2023); "
                   "Malaysia (Lynas) 5 % (IEA GCMO 2024); United States 4,300 t of compounds and metals in 2024 (USGS MCS 2026 salient statistics). "
                   "World total 380,000 t REO: world mine production 2024 (USGS MCS 2026), separated output taken as equal to it. "
                   "The 2.6 % left is output the sources do not attribute. The 2024 shares stand for 2022-2025."),
    },
    "lithium:refined": {
        "years": [2022, 2023, 2024, 2025], "worldTonnes": 520200,
        "countries": {"CHN": 0.702, "CHL": 0.202, "ARG": 0.057},
        "source": ("Lithium chemicals (refining): China 70.2 %, top three 96.1 % of 241.6 kt Li in 2024 (IEA Critical Minerals Dataset, CC BY 4.0, "
                   "as compiled in refining-shares/iea_mining_refining_shares_2024.json); Chile and Argentina refine their brine where it is mined, "
                   "and split the other 25.9 points by their 2024 mine output (48,900 and 13,800 t Li, USGS MCS 2026). "
                   "World total 241.6 kt Li x 2.153 = 520,200 t Li2O. The 3.9 % left is output the sources do not attribute. The 2024 shares stand for 2022-2025."),
    },
}
for f in cat["families"]:
    for s in f["stages"]:
        sid = f"{f['family']}:{s['stage']}"
        if sid in MINE:
            s["productionBasis"] = "mine-output"
        if sid in SHARES:
            s["production"] = {"shares": SHARES[sid]}
            s["notes"] = ("Production: cited refining shares, not mine output (see the production series). " +
                          s.get("notes", "").split("Production: mine output")[0]).strip()
path.write_text(json.dumps(cat, indent=1, ensure_ascii=False) + "\n")
print("mine output stands in for", len(MINE), "stages; cited refining shares for", list(SHARES))
