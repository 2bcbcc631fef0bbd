/// A stage carried inside another stage's codes: heavy rare earths (Dy, Tb) travel in the
/// rare-earth compound and metal codes (HS92 284690, 280530), counted there in full and here at a
/// small content factor. A factor alone puts Dy and Tb in every exporter's rare-earth flows,
/// Lynas's light rare earths from Malaysia included, though no one outside China separated them
/// in 2024.
///
/// So the content follows its producers. An exporter's pool of the carried stage is its own
/// production plus the content of what it imports, each import carrying its exporter's coverage;
/// its coverage cₑ = min(1, poolₑ / contentₑ) of the content its flows would carry at the factor,
/// and each of its flows carries the factor × cₑ. A country that neither produces nor separates
/// the stage exports it only as re-export of what it imports (Viet Nam's metal makers of Chinese
/// oxide), and the rest of its flows are the carrying stage's other members. The fixed point is
/// found by iteration from the producers' own coverage upwards, so trade among non-producers
/// cannot make content out of nothing. Production from the latest year ≤ the trade year with data.
extension Dataset {
    /// Per carried stage and year: each country's coverage (dense index), 0...1.
    func computeCarriedContent() -> [AnchorKey: [Double]] {
        var result: [AnchorKey: [Double]] = [:]
        for index in carriedStageIndices.sorted() {
            let info = commodities[index]
            for year in tradeYears {
                guard let nomenclature = tradeNomenclature(of: info, year: year),
                      let coverage = carriedCoverage(of: info, index: index, year: year, nomenclature: nomenclature) else { continue }
                result[AnchorKey(commodity: index, year: year)] = coverage
            }
        }
        return result
    }

    /// Whether the stage is carried inside another's codes (a lookup: every question's trade
    /// basis asks, and the grid asks once per cell).
    func isCarried(_ info: Commodity) -> Bool {
        commodityIndex[info.id].map(carriedStageIndices.contains) ?? false
    }

    /// The stages whose every code another stage counts at a larger content factor, without a
    /// split, by index.
    func carriedStages() -> Set<Int> {
        Set(commodities.indices.filter { index in
            let info = commodities[index]
            guard info.isTraded, !info.isReference, !info.tradeCodes.isEmpty else { return false }
            return info.tradeCodes.allSatisfy { code in
                code.sharedWith.isEmpty && commodities.contains { other in
                    other.id != info.id && other.family != info.family
                        && other.tradeCodes.contains { $0.nomenclature == code.nomenclature && $0.hs6 == code.hs6 && $0.contentFactor > code.contentFactor }
                }
            }
        })
    }

    private func carriedCoverage(of info: Commodity, index: Int, year: Int, nomenclature: Nomenclature) -> [Double]? {
        let n = countries.count
        var own = [Double](repeating: 0, count: n)
        let years = productionYears(of: info.id)
        if let chosen = years.last(where: { $0 <= year }) ?? years.first, let slice = production[ProductionKey(commodity: index, year: chosen)] {
            for (country, tonnes) in zip(slice.countries, slice.tonnes) where tonnes > 0 { own[Int(country)] += tonnes }
        }
        // Content flows at the factor (plausible quantities only), across the stage's codes.
        var flows: [(exporter: Int, importer: Int, tonnes: Double)] = []
        var exported = [Double](repeating: 0, count: n)
        for code in info.tradeCodes where code.nomenclature == nomenclature {
            guard let slice = trade[TradeKey(nomenclature: nomenclature, hs6: code.hs6, year: year)] else { continue }
            let floor = Self.plausibleUnitValueFloor(code: code, slice: slice, reference: false)
            for flow in 0..<slice.count where slice.exporters[flow] != slice.importers[flow] {
                let tonnes = slice.tonnes[flow], value = slice.valueKUSD[flow]
                guard !tonnes.isNaN, tonnes > 0, value / tonnes >= floor else { continue }
                let content = tonnes * code.contentFactor
                flows.append((Int(slice.exporters[flow]), Int(slice.importers[flow]), content))
                exported[Int(slice.exporters[flow])] += content
            }
        }
        guard !flows.isEmpty else { return nil }
        // An exporter whose flows all lack a plausible quantity keeps them whole if it holds any
        // of the stage, and carries none if it holds none.
        func coverage(_ pool: [Double]) -> [Double] {
            (0..<n).map { c in exported[c] > 0 ? min(1, pool[c] / exported[c]) : (pool[c] > 0 ? 1 : 0) }
        }
        var covered = coverage(own)
        for _ in 0..<Self.basketIterations {
            var pool = own
            for flow in flows { pool[flow.importer] += flow.tonnes * covered[flow.exporter] }
            let next = coverage(pool)
            let change = zip(next, covered).map { abs($0 - $1) }.max() ?? 0
            covered = next
            if change < 1e-12 { break }
        }
        return covered
    }
}
