/// A (stage, country, year) whose imports exceed the whole world's production of that stage, on
/// the stage's content basis: a sign that trade and production are on different bases (gross
/// weight against content) or that a source figure is wrong.
public struct BasisInconsistency: Hashable, Sendable, Codable {
    public var commodity: CommodityID
    public var country: CountryCode
    public var year: Int
    public var importTonnes: Double
    public var worldProductionTonnes: Double
}

extension Dataset {
    /// Every case, over the value-chain stages (reference definitions are left as published),
    /// years with both production and quantities, and importers (flows between different countries).
    public func basisInconsistencies() -> [BasisInconsistency] {
        var found: [BasisInconsistency] = []
        for info in commodities where !info.isReference && info.isTraded {
            guard let index = commodityIndex[info.id] else { continue }
            for year in tradeYears {
                guard let slice = production[ProductionKey(commodity: index, year: year)] else { continue }
                let world = slice.tonnes.reduce(0, +)
                guard world > 0 else { continue }
                var imports = [Double](repeating: 0, count: countries.count)
                forEachFlow(of: info, year: year) { exporter, importer, _, tonnes in
                    guard !tonnes.isNaN, exporter != importer else { return }
                    imports[Int(importer)] += tonnes
                }
                for (country, tonnes) in imports.enumerated() where tonnes > world {
                    found.append(BasisInconsistency(commodity: info.id, country: countries[country].code, year: year,
                                                    importTonnes: tonnes, worldProductionTonnes: world))
                }
            }
        }
        return found
    }
}
