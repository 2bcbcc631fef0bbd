import LodestoneCore

/// `suppliers`: one importer's import mix of one commodity.
public struct SuppliersRequest: Sendable, Hashable, Codable {
    public var importer: String
    public var commodity: String
    /// Default: the latest year with trade data for the commodity.
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
        let year = try year(request.year, commodity: item, needsProduction: false)
        let mix: ImportMix
        do { mix = try dataset.importMix(for: buyer, commodity: item.id, year: year, partners: group) } catch { throw EngineError(error) }
        let rows = Array(mix.suppliers.prefix(request.top ?? mix.suppliers.count))
        return SuppliersReport(importer: ImporterRef(buyer, in: dataset), commodity: CommodityRef(item), year: year,
                               totalTonnes: mix.totalTonnes, totalValueKUSD: mix.totalValueKUSD, valueOnlyKUSD: mix.valueOnlyKUSD,
                               supplierCount: mix.suppliers.count, internalTonnes: mix.internalTonnes,
                               importHHI: mix.importHHI, governanceWeightedRisk: mix.governanceWeightedRisk,
                               partnerGroup: mix.partnerGroup, partnerShare: mix.partnerShare, tradeBasis: mix.tradeBasis, rows: rows,
                               countryNames: countryNames)
    }

    public func concentration(_ request: ConcentrationRequest) throws(EngineError) -> ConcentrationReport {
        try checkYear(request.year)
        try checkTop(request.top)
        let item = try commodity(request.commodity)
        let year = try year(request.year, commodity: item, needsTrade: false)
        let c: ProductionConcentration
        do { c = try dataset.concentration(of: item.id, year: year) } catch { throw EngineError(error) }
        // Other stages of the family with a production series of their own (not a stand-in
        // borrowed from another stage), in the same year.
        let others = dataset.commodities.filter { other in
            other.family == item.family && other.id != item.id && !other.isReference && other.productionBasis != .mineOutput
                && !other.productionSeries.hasPrefix("stand-in")
                && other.productionSeries != item.productionSeries && dataset.productionYears(of: other.id).contains(year)
        }.sorted { $0.stage.rawValue < $1.stage.rawValue }
        var otherConcentrations: [ProductionConcentration] = []
        for other in others {
            do { otherConcentrations.append(try dataset.concentration(of: other.id, year: year)) } catch { throw EngineError(error) }
        }
        var countries = c.producers.map(\.country)
        var seen = Set(countries)
        for oc in otherConcentrations { for p in oc.producers where seen.insert(p.country).inserted { countries.append(p.country) } }
        let own = Dictionary(uniqueKeysWithValues: c.producers.map { ($0.country, $0) })
        var cumulative = 0.0
        let rows = countries.prefix(request.top ?? countries.count).enumerated().map { index, code in
            var shares: [String: Double] = [:]
            for (other, oc) in zip(others, otherConcentrations) { shares[other.id.rawValue] = oc.producers.first { $0.country == code }?.share }
            cumulative += own[code]?.share ?? 0
            return ConcentrationReport.Row(rank: index + 1, country: CountryRef(code, in: dataset), tonnes: own[code]?.tonnes ?? 0,
                                           share: own[code]?.share ?? 0, cumulativeShare: cumulative, stageShares: shares)
        }
        let summaries = zip(others, otherConcentrations).map { other, oc in
            ConcentrationReport.StageSummary(commodity: CommodityRef(other), productionSeries: other.productionSeries,
                                             productionBasis: other.productionBasis, totalTonnes: oc.totalTonnes,
                                             hhi: oc.hhi, top1Share: oc.top1Share, top3Share: oc.top3Share, producerCount: oc.producers.count)
        }
        return ConcentrationReport(commodity: CommodityRef(item), year: year, productionSeries: item.productionSeries,
                                   productionBasis: item.productionBasis, unattributedTonnes: c.unattributedTonnes, totalTonnes: c.totalTonnes,
                                   hhi: c.hhi, top1Share: c.top1Share, top3Share: c.top3Share, producerCount: c.producers.count,
                                   otherStages: summaries, rows: rows)
    }

    func checkTop(_ top: Int?) throws(EngineError) {
        if let top, top < 1 { throw EngineError(.usage, "top \(top) must be at least 1") }
    }
}
