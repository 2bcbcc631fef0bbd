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

/// Names people type in Japanese and Arabic beyond Natural Earth's formal ones (which the data
/// hold per country): the short forms the press uses, and the alliances' names.
package enum LocalAliases {
    package static let countries: [String: [String]] = [
        "USA": ["米国", "アメリカ", "合衆国", "أمريكا", "امريكا", "الولايات المتحدة الأمريكية"],
        "CHN": ["中国", "الصين"],
        "KOR": ["韓国", "كوريا"],
        "GBR": ["英国", "イギリス", "بريطانيا", "المملكة المتحدة"],
        "AUS": ["豪州", "オーストラリア"],
        "TWN": ["台湾"],
        "DEU": ["ドイツ", "独", "ألمانيا"],
        "FRA": ["仏", "フランス"],
        "RUS": ["ロシア", "روسيا"],
        "IND": ["インド", "الهند"],
        "CAN": ["カナダ", "كندا"],
        "COD": ["コンゴ", "الكونغو الديمقراطية"],
        "ARE": ["UAE", "アラブ首長国連邦", "الإمارات"],
        "SAU": ["サウジ", "السعودية"],
    ]

    /// Group id → names in Japanese and Arabic.
    package static let groups: [String: [String]] = [
        "US-Japan": ["日米", "日米同盟", "اليابان والولايات المتحدة", "الولايات المتحدة واليابان"],
        "US-Australia": ["米豪", "الولايات المتحدة وأستراليا"],
        "Quad": ["クアッド", "日米豪印", "الرباعية"],
        "G7": ["主要7カ国", "ジーセブン", "مجموعة السبع"],
        "EU": ["欧州連合", "欧州", "الاتحاد الأوروبي"],
        "AUKUS": ["オーカス", "أوكوس"],
        "MSP": ["鉱物安全保障パートナーシップ", "شراكة أمن المعادن"],
    ]
}
