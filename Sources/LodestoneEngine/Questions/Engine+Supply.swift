import LodestoneCore

/// `suppliers`: one importer's import mix of one commodity.
public struct SuppliersRequest: Sendable, Hashable, Codable {
    public var importer: String
    public var commodity: String
    /// Default: the latest year with trade data.
    public var year: Int?
    /// A group whose share to report (G7, MSP, USA+AUS).
    public var partners: String?
    /// Rows to keep, best first; nil keeps all.
    public var top: Int?

    public init(importer: String, commodity: String, year: Int? = nil, partners: String? = nil, top: Int? = nil) {
        self.importer = importer
        self.commodity = commodity
        self.year = year
        self.partners = partners
        self.top = top
    }
}

/// `concentration`: world production of one commodity.
public struct ConcentrationRequest: Sendable, Hashable, Codable {
    public var commodity: String
    /// Default: the latest year with production of this commodity.
    public var year: Int?
    public var top: Int?

    public init(commodity: String, year: Int? = nil, top: Int? = nil) {
        self.commodity = commodity
        self.year = year
        self.top = top
    }
}

extension Engine {
    public func suppliers(_ request: SuppliersRequest) throws(EngineError) -> SuppliersReport {
        try checkYear(request.year)
        try checkTop(request.top)
        let buyer = try importer(request.importer)
        let item = try commodity(request.commodity)
        let group = try request.partners.map { text throws(EngineError) in
            let selection = try importer(text)
            return CountryGroup(id: selection.id, name: selection.name, members: selection.members, source: "")
        }
        guard let year = request.year ?? dataset.tradeYears.last else { throw EngineError(.noData, "the data set has no trade data") }
        let mix: ImportMix
        do { mix = try dataset.importMix(for: buyer, commodity: item.id, year: year, partners: group) } catch { throw EngineError(error) }
        let rows = mix.suppliers.prefix(request.top ?? mix.suppliers.count).enumerated().map { index, s in
            SuppliersReport.Row(rank: index + 1, country: CountryRef(s.country, in: dataset), tonnes: s.tonnes, valueKUSD: s.valueKUSD,
                                tonnesShare: s.tonnesShare, valueShare: s.valueShare, governanceScore: s.governanceScore,
                                inPartnerGroup: s.inPartnerGroup)
        }
        return SuppliersReport(importer: ImporterRef(buyer, in: dataset), commodity: CommodityRef(item), year: year,
                               totalTonnes: mix.totalTonnes, totalValueKUSD: mix.totalValueKUSD, internalTonnes: mix.internalTonnes,
                               importHHI: mix.importHHI, governanceWeightedRisk: mix.governanceWeightedRisk,
                               partnerGroup: mix.partnerGroup, partnerShare: mix.partnerShare, rows: rows)
    }

    public func concentration(_ request: ConcentrationRequest) throws(EngineError) -> ConcentrationReport {
        try checkYear(request.year)
        try checkTop(request.top)
        let item = try commodity(request.commodity)
        guard let year = request.year ?? dataset.productionYears(of: item.id).last else {
            throw EngineError(LodestoneError.noProduction(commodity: item.name, year: request.year ?? 0, available: []))
        }
        let c: ProductionConcentration
        do { c = try dataset.concentration(of: item.id, year: year) } catch { throw EngineError(error) }
        var cumulative = 0.0
        let rows = c.producers.prefix(request.top ?? c.producers.count).enumerated().map { index, p in
            cumulative += p.share
            return ConcentrationReport.Row(rank: index + 1, country: CountryRef(p.country, in: dataset), tonnes: p.tonnes, share: p.share,
                                           cumulativeShare: cumulative)
        }
        return ConcentrationReport(commodity: CommodityRef(item), year: year, productionSeries: item.productionSeries, totalTonnes: c.totalTonnes,
                                   hhi: c.hhi, top1Share: c.top1Share, top3Share: c.top3Share, producerCount: c.producers.count, rows: rows)
    }

    func checkTop(_ top: Int?) throws(EngineError) {
        if let top, top < 1 { throw EngineError(.usage, "top \(top) must be at least 1") }
    }
}
