/// A country's name in another language (Natural Earth's NAME_JA, NAME_AR, NAME_ZH), by which
/// users may name it and in which reports may show it.
public struct CountryName: Hashable, Sendable, Codable {
    /// The languages names are kept in (ISO 639-1).
    public static let languages = ["ja", "ar", "zh"]

    public var country: CountryCode
    public var language: String
    public var name: String

    public init(country: CountryCode, language: String, name: String) {
        self.country = country
        self.language = language
        self.name = name
    }
}
