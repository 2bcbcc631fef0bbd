extension Dataset {
    /// GeoPolRisk for every importer × commodity × year combination that can be assessed
    /// (traded commodities in years with world production), in that nesting order.
    /// Combinations the method cannot assess are left out, not reported as zero.
    public func riskGrid(
        importers: [Importer], commodities: [Commodity]? = nil, years: [Int]? = nil, method: GeoPolRiskMethod = .lodestone
    ) -> [GeoPolRiskResult] {
        let commodities = (commodities ?? self.commodities).filter(\.isTraded)
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

    /// Every current country (not a historical entity) and every stored group, as importers.
    public var allImporters: [Importer] {
        countries.filter { $0.formerUntil == nil }.map(Importer.init) + groups.map(Importer.init)
    }
}
