import LodestoneCore

/// `risk`: GeoPolRisk of every (or the named) commodity for one importer and year.
public struct RiskRequest: Sendable, Hashable, Codable {
    public enum Sort: String, Sendable, Hashable, Codable, CaseIterable {
        case score, cf, hhi, importRisk = "import-risk", price, commodity
    }

    /// A country, group or union (JPN, US-Japan, USA+JPN).
    public var importer: String
    /// Default: the latest year with both trade and production data.
    public var year: Int?
    /// Default: every commodity stage (stages without trade codes are listed as not assessed).
    public var commodities: [String]
    public var method: GeoPolRiskMethod
    public var sort: Sort

    public init(importer: String, year: Int? = nil, commodities: [String] = [], method: GeoPolRiskMethod = .lodestone, sort: Sort = .score) {
        self.importer = importer
        self.year = year
        self.commodities = commodities
        self.method = method
        self.sort = sort
    }
}

extension Engine {
    /// A commodity that cannot be assessed is listed with its reason, unless it is the only one
    /// asked for (then its reason is the error), or the whole year has no trade (an error).
    public func risk(_ request: RiskRequest) throws(EngineError) -> RiskReport {
        try checkYear(request.year)
        let buyer = try importer(request.importer)
        let year = try year(request.year)
        let reference = request.method == .geopolriskPy
        let selected: [Commodity]
        let names = try names(request.commodities, what: "commodity")
        if names.isEmpty {
            selected = dataset.commodities(for: request.method).filter { $0.isTraded || request.method == .lodestone }
        } else {
            var list: [Commodity] = []
            for name in names {
                let item: Commodity
                do { item = try dataset.resolveCommodity(name, reference: reference) } catch { throw EngineError(error) }
                if !list.contains(item) { list.append(item) }
            }
            selected = list
        }
        var rows: [RiskReport.Row] = [], skipped: [NotAssessedItem] = []
        for item in selected {
            do {
                let r = try dataset.geoPolRisk(for: buyer, commodity: item.id, year: year, method: request.method)
                // The corrected method reports a gap, not zeros: nothing imported and nothing produced
                // is nothing to assess; nothing imported leaves the import price undefined.
                let corrected = request.method == .lodestone
                if corrected, r.importTonnes == 0, r.domesticProductionTonnes == 0 {
                    skipped.append(NotAssessedItem(commodity: item.id.rawValue, name: item.name,
                                                   reason: "\(buyer.name) recorded no imports and no production of \(item.name) in \(year): nothing to assess"))
                    continue
                }
                rows.append(RiskReport.Row(rank: 0, commodity: item.id.rawValue, name: item.name, stage: item.stage.rawValue, hhi: r.hhi,
                                           importRisk: r.importRisk, score: r.score, characterizationFactor: r.characterizationFactor,
                                           priceUSDPerKg: corrected && r.importTonnes == 0 ? nil : r.priceUSDPerKg, importTonnes: r.importTonnes,
                                           domesticProductionTonnes: r.domesticProductionTonnes, tradeBasis: r.tradeBasis))
            } catch {
                if case .noTrade = error { throw EngineError(error) }
                if selected.count == 1 { throw EngineError(error) }
                skipped.append(NotAssessedItem(commodity: item.id.rawValue, name: item.name, reason: error.description))
            }
        }
        if rows.isEmpty, let first = skipped.first {
            throw EngineError(.noData, "nothing to assess for \(buyer.name) in \(year): \(first.reason)")
        }
        rows.sort(by: Self.order(request.sort))
        for index in rows.indices { rows[index].rank = index + 1 }
        return RiskReport(importer: ImporterRef(buyer, in: dataset), year: year, method: request.method.rawValue,
                          sort: request.sort.rawValue, rows: rows, notAssessed: skipped)
    }

    /// Descending by the key, ties by commodity id; `commodity` ascending.
    static func order(_ sort: RiskRequest.Sort) -> (RiskReport.Row, RiskReport.Row) -> Bool {
        { a, b in
            switch sort {
            case .score: (a.score, b.commodity) > (b.score, a.commodity)
            case .cf: (a.characterizationFactor, b.commodity) > (b.characterizationFactor, a.commodity)
            case .hhi: (a.hhi, b.commodity) > (b.hhi, a.commodity)
            case .importRisk: (a.importRisk, b.commodity) > (b.importRisk, a.commodity)
            case .price: (a.priceUSDPerKg ?? -1, b.commodity) > (b.priceUSDPerKg ?? -1, a.commodity)
            case .commodity: a.commodity < b.commodity
            }
        }
    }
}
