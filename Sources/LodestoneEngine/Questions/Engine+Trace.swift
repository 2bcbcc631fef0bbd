import LodestoneCore

/// `trace`: an importer's supply of one commodity by shipping country and by producing country.
public struct TraceRequest: Sendable, Hashable, Codable {
    public var importer: String
    public var commodity: String
    /// Default: the latest year with both production and trade data for the commodity.
    public var year: Int?
    public var top: Int?

    public init(importer: String, commodity: String, year: Int? = nil, top: Int? = nil) {
        self.importer = importer
        self.commodity = commodity
        self.year = year
        self.top = top
    }
}

extension Engine {
    public func trace(_ request: TraceRequest) throws(EngineError) -> TraceReport {
        try checkYear(request.year)
        try checkTop(request.top)
        let buyer = try importer(request.importer)
        let item = try commodity(request.commodity)
        let year = try year(request.year, commodity: item)
        let trace: OriginTrace
        do { trace = try dataset.traceOrigins(for: buyer, commodity: item.id, year: year) } catch { throw EngineError(error) }
        let rows = Array(trace.origins.prefix(request.top ?? trace.origins.count))
        return TraceReport(importer: ImporterRef(buyer, in: dataset), commodity: CommodityRef(item), year: year, supplyTonnes: trace.supplyTonnes,
                           domesticProductionTonnes: trace.domesticProductionTonnes, unrecordedOwnSupplyTonnes: trace.unrecordedOwnSupplyTonnes,
                           unrecordedWorldSupplyTonnes: trace.unrecordedWorldSupplyTonnes,
                           unrecordedOriginTonnes: trace.unrecordedOriginTonnes, unrecordedOriginShare: trace.unrecordedOriginShare, tradeBasis: trace.tradeBasis, rows: rows,
                           countryNames: countryNames)
    }
}
