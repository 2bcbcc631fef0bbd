@testable import LodestoneCore
import Testing

/// A stage carried inside another stage's code, on a hand-built world: "h" (Dy+Tb) is 1 % of the
/// "r" (rare-earth compounds) code HS92 284690, which "r" counts in full.
/// - A separates h: 100 t of its own; it ships 1,000 t of compounds to C (10 t of h) and 500 t to D.
/// - B separates none: its 2,000 t of compounds to D carry no h.
/// - C imports A's 10 t of h and ships 3,000 t of compounds to D: 30 t at the factor, of which its pool covers 10.
@Suite struct CarriedContentTests {
    static let a = CountryCode(1), b = CountryCode(2), c = CountryCode(3), d = CountryCode(4)

    /// The countries, both stages, and A's 100 t of h.
    static func builder(countries: [(CountryCode, String)]) -> Dataset.Builder {
        var builder = Dataset.Builder()
        for (code, iso3) in countries { builder.add(Country(code: code, m49: code.rawValue, iso3: iso3, name: iso3)) }
        for (id, factor) in [("r:refined", 1.0), ("h:refined", 0.01)] {
            builder.add(Commodity(
                id: CommodityID(id), name: id, productionSeries: "test", category: "Test", stage: .refined, symbol: nil, hs6: [],
                productionUnit: "metr. t", tonnesPerProductionUnit: 1, recyclingRate: nil, family: String(id.prefix(1)), isDefaultStage: true,
                isReference: false, tradeCodes: [TradeCode(nomenclature: .hs92, hs6: 284690, contentFactor: factor)]))
        }
        builder.add(ProductionRecord(commodity: "h:refined", country: a, year: 2024, tonnes: 100, publishedAmount: 100))
        return builder
    }

    static func world(bProduces: Double = 0, aShips: Bool = true, circular: Bool = false) -> Dataset {
        var builder = Self.builder(countries: [(a, "AAA"), (b, "BBB"), (c, "CCC"), (d, "DDD")])
        if bProduces > 0 { builder.add(ProductionRecord(commodity: "h:refined", country: b, year: 2024, tonnes: bProduces, publishedAmount: bProduces)) }
        func flow(_ from: CountryCode, _ to: CountryCode, _ tonnes: Double) {
            builder.add(TradeFlow(year: 2024, exporter: from, importer: to, hs6: 284690, valueKUSD: tonnes * 10, tonnes: tonnes, nomenclature: .hs92))
        }
        if aShips {
            flow(a, c, 1000)
            flow(a, d, 500)
        }
        flow(b, d, 2000)
        flow(c, d, 3000)
        if circular {
            flow(b, c, 1000)
            flow(c, b, 1000)
        }
        return builder.build()
    }

    static func tonnes(_ dataset: Dataset, _ id: CommodityID, from exporter: CountryCode, to importer: CountryCode = d) throws -> Double? {
        let mix = try dataset.importMix(for: Importer(dataset.country(importer)!), commodity: id, year: 2024)
        return mix.suppliers.first { $0.country == exporter }?.tonnes
    }

    @Test func onlyTheSeparatingStageIsCarried() {
        let dataset = Self.world()
        #expect(dataset.isCarried(dataset.commodity("h:refined")!))
        #expect(!dataset.isCarried(dataset.commodity("r:refined")!))
    }

    @Test func theContentFollowsItsProducers() throws {
        let dataset = Self.world()
        // A separates h: its flows carry the factor in full.
        #expect(abs(try #require(try Self.tonnes(dataset, "h:refined", from: Self.a)) - 5) < 1e-9)
        // B separates none and imports none of A's: its compounds carry no h.
        #expect(try Self.tonnes(dataset, "h:refined", from: Self.b) == nil)
        // C re-exports what it imported from A, 10 t, not the 30 t its 3,000 t would carry at the factor.
        #expect(abs(try #require(try Self.tonnes(dataset, "h:refined", from: Self.c)) - 10) < 1e-9)
        // The carrying stage is untouched: every tonne of compounds counts.
        #expect(try Self.tonnes(dataset, "r:refined", from: Self.b) == 2000)
    }

    @Test func aProducerBeyondItsExportsCarriesTheFactor() throws {
        // Once B separates more than its compounds would carry, they carry the factor in full.
        let dataset = Self.world(bProduces: 100)
        #expect(abs(try #require(try Self.tonnes(dataset, "h:refined", from: Self.b)) - 20) < 1e-9)
    }

    @Test func aFlowWithoutAQuantityFromANonProducerCarriesNone() throws {
        // E ships compounds to D by value only and holds no h: nothing, not the whole value.
        var builder = Self.builder(countries: [(Self.a, "AAA"), (Self.d, "DDD"), (CountryCode(5), "EEE")])
        builder.add(TradeFlow(year: 2024, exporter: Self.a, importer: Self.d, hs6: 284690, valueKUSD: 5000, tonnes: 500, nomenclature: .hs92))
        builder.add(TradeFlow(year: 2024, exporter: CountryCode(5), importer: Self.d, hs6: 284690, valueKUSD: 9000, tonnes: nil, nomenclature: .hs92))
        let dataset = builder.build()
        let mix = try dataset.importMix(for: Importer(dataset.country(Self.d)!), commodity: "h:refined", year: 2024)
        #expect(mix.suppliers.map(\.country) == [Self.a])
    }

    @Test func tradeAmongNonProducersMakesNone() throws {
        // B and C ship compounds to each other and to D, and no one who separates h feeds them.
        let dataset = Self.world(aShips: false, circular: true)
        let coverage = try #require(dataset.carried[Dataset.AnchorKey(commodity: dataset.commodityIndex["h:refined"]!, year: 2024)])
        #expect(coverage[Int(dataset.countryIndex[Self.b]!)] == 0 && coverage[Int(dataset.countryIndex[Self.c]!)] == 0)
    }
}
