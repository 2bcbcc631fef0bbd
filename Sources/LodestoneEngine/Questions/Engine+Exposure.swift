import LodestoneCore

/// `exposure`: who depends on one exporter (or group) for one commodity, and how much.
public struct ExposureRequest: Sendable, Hashable, Codable {
    /// A country, group or union (CHN, CHN+HKG).
    public var exporter: String
    public var commodity: String
    /// Default: the latest year with trade data for the commodity.
    public var year: Int?
    /// Rows to keep, most tonnes first; nil keeps all.
    public var top: Int?

    public init(exporter: String, commodity: String, year: Int? = nil, top: Int? = nil) {
        self.exporter = exporter
        self.commodity = commodity
        self.year = year
        self.top = top
    }
}

extension Engine {
    public func exposure(_ request: ExposureRequest) throws(EngineError) -> ExposureReport {
        try checkYear(request.year)
        try checkTop(request.top)
        let seller = try importer(request.exporter)
        let item = try commodity(request.commodity)
        let year = try year(request.year, commodity: item, needsProduction: false)
        let exposure: ExportExposure
        do { exposure = try dataset.exportExposure(of: seller, commodity: item.id, year: year) } catch { throw EngineError(error) }
        let rows = Array(exposure.importers.prefix(request.top ?? exposure.importers.count))
        return ExposureReport(exporter: ImporterRef(seller, in: dataset), commodity: CommodityRef(item), year: year,
                              totalTonnes: exposure.totalTonnes, totalValueKUSD: exposure.totalValueKUSD,
                              importerCount: exposure.importers.count, tradeBasis: exposure.tradeBasis, rows: rows,
                              countryNames: countryNames)
    }
}
