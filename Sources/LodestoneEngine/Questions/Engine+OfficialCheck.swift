import LodestoneCore

/// `data check`: a country's trade-derived figures beside its official statistics.
public struct OfficialCheckRequest: Sendable, Hashable, Codable {
    /// One country (official statistics are national).
    public var importer: String
    /// Default: the latest year with both official statistics for the country and trade data.
    public var year: Int?

    public init(importer: String, year: Int? = nil) {
        self.importer = importer
        self.year = year
    }
}

extension Engine {
    public func officialCheck(_ request: OfficialCheckRequest) throws(EngineError) -> OfficialCheckReport {
        try checkYear(request.year)
        let buyer = try importer(request.importer)
        guard buyer.members.count == 1, let country = buyer.members.first else {
            throw EngineError(.usage, "'\(request.importer)' is a group; official statistics are national — name one country, e.g. USA")
        }
        let years = dataset.officialYears(of: country)
        let year = request.year ?? years.last(where: dataset.tradeYears.contains) ?? years.last
        guard let year else {
            throw EngineError(.noData, "no official statistics for \(buyer.name) in the data; they exist for the United States (USGS MCS) — try --importer USA")
        }
        let check: OfficialCheck
        do { check = try dataset.officialCheck(country: country, year: year) } catch { throw EngineError(error) }
        return OfficialCheckReport(check, importer: CountryRef(country, in: dataset), dataset: dataset)
    }
}
