extension Dataset {
    /// GeoPolRisk for every importer × commodity × year combination that can be assessed
    /// (traded commodities in years with world production), in that nesting order.
    /// Combinations the method cannot assess are left out, not reported as zero.
    public func riskGrid(
        importers: [Importer], commodities: [Commodity]? = nil, years: [Int]? = nil, method: GeoPolRiskMethod = .lodestone
    ) -> [GeoPolRiskResult] {
        let commodities = (commodities ?? self.commodities(for: method)).filter(hasTrade)
        let years = (years ?? productionYears).filter { tradeYears.contains($0) }
        var results: [GeoPolRiskResult] = []
        results.reserveCapacity(importers.count * commodities.count * years.count)
        for importer in importers {
            for commodity in commodities {
                for year in years {
                    if let result = try? geoPolRisk(for: importer, commodity: commodity.id, year: year, method: method) {
                        results.append(result)
                    }
                }
            }
        }
        return results
    }

    /// The commodities a method assesses: every value-chain stage for `lodestone`, the reference
    /// definitions for `geopolrisk-py-2.0.1`. Stores without stages fall back to all commodities.
    public func commodities(for method: GeoPolRiskMethod) -> [Commodity] {
        let wanted = commodities.filter { $0.isReference == (method == .geopolriskPy) }
        return wanted.isEmpty ? commodities : wanted
    }

    /// The default stage of every family (one row per commodity family), for `lodestone`.
    public var defaultStages: [Commodity] {
        let stages = commodities.filter { !$0.isReference && $0.isDefaultStage }
        return stages.isEmpty ? commodities : stages
    }

    /// Every value-chain stage of every family, default stages first (the reference definitions
    /// when there are no stages).
    public var valueChainStages: [Commodity] {
        let stages = commodities.filter { !$0.isReference }
        return stages.isEmpty ? commodities : stages.filter(\.isDefaultStage) + stages.filter { !$0.isDefaultStage }
    }

    /// Every current country (not a historical entity) and every stored group, as importers.
    public var allImporters: [Importer] {
        countries.filter { $0.formerUntil == nil }.map(Importer.init) + groups.map(Importer.init)
    }
}
