/// A country or customs territory as it appears in trade and production data.
public struct Country: Hashable, Sendable, Codable {
    /// The code trade data use (BACI/Comtrade numeric).
    public var code: CountryCode
    /// The official UN M49 numeric code (differs from `code` for a handful of countries).
    public var m49: Int
    /// ISO 3166-1 alpha-3, or BACI's placeholder (e.g. "S19") where there is none.
    public var iso3: String
    public var name: String
    /// Last year a historical entity existed (e.g. 1990 for the USSR); nil for current ones.
    public var formerUntil: Int?

    public init(code: CountryCode, m49: Int, iso3: String, name: String, formerUntil: Int? = nil) {
        self.code = code
        self.m49 = m49
        self.iso3 = iso3
        self.name = name
        self.formerUntil = formerUntil
    }
}

extension Country {
    /// The name reports show: the data's own, except where that is an abbreviation or a
    /// placeholder (BACI writes "USA", and "Other Asia, nes" for Taiwan). Matching against other
    /// sources (governance scores, the reference package) keeps using `name`.
    public var displayName: String { CountryAliases.displayNames[name] ?? name }
}
