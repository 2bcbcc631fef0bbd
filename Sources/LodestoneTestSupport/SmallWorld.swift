import LodestoneCore

/// A hand-checkable world for unit tests: four countries, one commodity "ore" (HS 111111 and
/// 222222) produced by A (60 t), B (30 t) and C (10 t) in 2020.
///
/// Imports of D in 2020: from A 10 t (value 20 kUSD) under 111111, from B 30 t (60 kUSD) under
/// 222222, and 5 kUSD from C with no quantity. A exports 4 t to B (8 kUSD).
/// Governance 2020: A 0.2, B 0.8, C none (counts as 0.5), D 0.1.
public enum SmallWorld {
    public static let a = CountryCode(1), b = CountryCode(2), c = CountryCode(3), d = CountryCode(4)
    public static let ore: CommodityID = "ore"

    public static func records(oreUnit: String = "metr. t", tonnesPerUnit: Double = 1, published: [Double] = [60, 30, 10]) -> Dataset.Builder {
        var builder = Dataset.Builder()
        builder.add(Country(code: a, m49: 1, iso3: "AAA", name: "Alpha"))
        builder.add(Country(code: b, m49: 2, iso3: "BBB", name: "Beta"))
        builder.add(Country(code: c, m49: 3, iso3: "CCC", name: "Gamma"))
        builder.add(Country(code: d, m49: 4, iso3: "DDD", name: "Delta"))
        builder.add(Commodity(id: ore, name: "Ore", productionSeries: "Ore (metal content)", category: "Test", stage: .mine,
                              symbol: "Or", hs6: [111111, 222222], productionUnit: oreUnit, tonnesPerProductionUnit: tonnesPerUnit, recyclingRate: 0.1))
        builder.add(Commodity(id: "gem", name: "Gem", productionSeries: "Gem", category: "Test", stage: .unspecified,
                              symbol: nil, hs6: [], productionUnit: "ct", tonnesPerProductionUnit: 2e-7, recyclingRate: nil))
        for (country, amount) in zip([a, b, c], published) {
            builder.add(ProductionRecord(commodity: ore, country: country, year: 2020, tonnes: amount * tonnesPerUnit, publishedAmount: amount))
        }
        builder.add(TradeFlow(year: 2020, exporter: a, importer: d, hs6: 111111, valueKUSD: 20, tonnes: 10))
        builder.add(TradeFlow(year: 2020, exporter: b, importer: d, hs6: 222222, valueKUSD: 60, tonnes: 30))
        builder.add(TradeFlow(year: 2020, exporter: c, importer: d, hs6: 111111, valueKUSD: 5, tonnes: nil))
        builder.add(TradeFlow(year: 2020, exporter: a, importer: b, hs6: 111111, valueKUSD: 8, tonnes: 4))
        builder.add(GovernanceScore(country: a, year: 2020, score: 0.2))
        builder.add(GovernanceScore(country: b, year: 2020, score: 0.8))
        builder.add(GovernanceScore(country: d, year: 2020, score: 0.1))
        builder.groups = [CountryGroup(id: "AB", name: "Alpha and Beta", members: [a, b], source: "test")]
        return builder
    }

    public static var dataset: Dataset { records().build() }
}
