/// How answers show a country: `{code, iso3, name}`. An encoder whose `userInfo` holds a
/// `CountryNames` under `.countryNames` writes every `CountryCode` that way; any other encoder
/// writes its number. The engine sets it when it writes a report, so that reports can carry
/// Core's results as they are and still name every country: one encoding, not parallel structs.
public final class CountryNames: Sendable {
    private let byCode: [Int: Entry]

    struct Entry: Sendable {
        let iso3: String
        let name: String
    }

    public init(_ dataset: Dataset) {
        var byCode: [Int: Entry] = [:]
        for country in dataset.countries { byCode[country.code.rawValue] = Entry(iso3: country.iso3, name: country.displayName) }
        self.byCode = byCode
    }

    /// A code the data do not know reads as "code N" with ISO3 "?": never a crash, never hidden.
    public func iso3(_ code: CountryCode) -> String { byCode[code.rawValue]?.iso3 ?? "?" }
    public func name(_ code: CountryCode) -> String { byCode[code.rawValue]?.name ?? "code \(code.rawValue)" }

    private enum Key: String, CodingKey { case code, iso3, name }

    func encode(_ code: CountryCode, to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(code.rawValue, forKey: .code)
        try container.encode(iso3(code), forKey: .iso3)
        try container.encode(name(code), forKey: .name)
    }
}

extension CodingUserInfoKey {
    /// Holds the `CountryNames` that country codes are written with.
    public static let countryNames = CodingUserInfoKey(rawValue: "lodestone.countryNames")!
}

extension CountryCode {
    public func encode(to encoder: any Encoder) throws {
        if let names = encoder.userInfo[.countryNames] as? CountryNames {
            try names.encode(self, to: encoder)
        } else {
            var container = encoder.singleValueContainer()
            try container.encode(rawValue)
        }
    }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(Int.self)
    }
}
