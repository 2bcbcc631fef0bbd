/// Whoever imports: one country, a built-in bloc, or an ad-hoc group such as `USA+JPN`.
///
/// Trade between members is internal: it counts towards the group's supply but carries no
/// supply risk (as in GeoPolRisk's regional assessment).
public struct Importer: Hashable, Sendable, Codable {
    public var id: String
    public var name: String
    public var members: [CountryCode]

    public init(id: String, name: String, members: [CountryCode]) {
        self.id = id
        self.name = name
        self.members = members
    }

    public init(_ country: Country) {
        self.init(id: country.iso3, name: country.displayName, members: [country.code])
    }

    public init(_ group: CountryGroup) {
        self.init(id: group.id, name: group.name, members: group.members)
    }
}
