/// Common English names that differ from the names in the trade data, by ISO3.
/// (BACI writes "USA", "Rep. of Korea", "Russian Federation", "Other Asia, nes" for Taiwan, …)
package enum CountryAliases {
    package static let byISO3: [String: [String]] = [
        "USA": ["United States", "United States of America", "US", "America"],
        "KOR": ["South Korea", "Korea", "Republic of Korea", "Korea, Republic of"],
        "PRK": ["North Korea"],
        "RUS": ["Russia"],
        "TWN": ["Taiwan", "Chinese Taipei", "Taiwan, China"],
        "VNM": ["Vietnam"],
        "TUR": ["Turkey", "Turkiye"],
        "GBR": ["UK", "Britain", "Great Britain"],
        "CZE": ["Czech Republic"],
        "COD": ["DRC", "DR Congo", "Congo DR", "Democratic Republic of the Congo", "Congo, D.R."],
        "COG": ["Republic of the Congo", "Congo-Brazzaville"],
        "TZA": ["Tanzania"],
        "LAO": ["Laos"],
        "BOL": ["Bolivia"],
        "MDA": ["Moldova"],
        "HKG": ["Hong Kong"],
        "MAC": ["Macao", "Macau"],
        "CIV": ["Ivory Coast", "Cote d'Ivoire"],
        "ARE": ["UAE"],
        "BIH": ["Bosnia and Herzegovina"],
        "PSE": ["Palestine"],
        "FSM": ["Micronesia"],
        "SWZ": ["Swaziland"],
        "CPV": ["Cape Verde"],
        "BRN": ["Brunei"],
        "MMR": ["Burma"],
        "TLS": ["East Timor"],
        "NLD": ["Holland"],
        "IRN": ["Islamic Republic of Iran"],
        "SYR": ["Syrian Arab Republic"],
        "MKD": ["Macedonia"],
        "CAF": ["Central African Republic"],
        "DOM": ["Dominican Republic"],
    ]

    /// The names reports show instead of the trade data's own, keyed by that name.
    package static let displayNames: [String: String] = ["USA": "United States", "Other Asia, nes": "Taiwan"]
}
