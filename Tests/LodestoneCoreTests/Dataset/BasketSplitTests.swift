@testable import LodestoneCore
import Testing

/// A shared code split by pools, coverage and unit value, on a hand-built world. Two metals share
/// HS17 811292: "x" at 100 USD/kg and "y" at 1,000 USD/kg.
/// - A produces 10 t of x (1,000 kUSD); B produces 1 t of y (1,000 kUSD); F produces both (1,000 kUSD each).
/// - C produces nothing: it imports 500 kUSD from A and exports 1,000 kUSD to D (coverage 1/2).
/// - E produces nothing and imports nothing: its 300 kUSD to D are of unrecorded origin.
@Suite struct BasketSplitTests {
    static let a = CountryCode(1), b = CountryCode(2), c = CountryCode(3), d = CountryCode(4), e = CountryCode(5), f = CountryCode(6)

    static func world(fToD tonnes: Double?, records: [OfficialStatistic] = []) -> Dataset {
        var builder = Dataset.Builder()
        for (code, iso3) in [(a, "AAA"), (b, "BBB"), (c, "CCC"), (d, "DDD"), (e, "EEE"), (f, "FFF")] {
            builder.add(Country(code: code, m49: code.rawValue, iso3: iso3, name: iso3))
        }
        for (id, other, price) in [("x:refined", "y:refined", 100.0), ("y:refined", "x:refined", 1000.0)] {
            builder.add(Commodity(
                id: CommodityID(id), name: id, productionSeries: "test", category: "Test", stage: .refined, symbol: nil, hs6: [],
                productionUnit: "metr. t", tonnesPerProductionUnit: 1, recyclingRate: nil, family: String(id.prefix(1)), isDefaultStage: true,
                isReference: false,
                tradeCodes: [TradeCode(nomenclature: .hs17, hs6: 811292, sharedWith: [CommodityID(other)], referencePriceUSDPerKg: price)]))
        }
        for (id, country, t) in [("x:refined", a, 10.0), ("y:refined", b, 1.0), ("x:refined", f, 10.0), ("y:refined", f, 1.0)] {
            builder.add(ProductionRecord(commodity: CommodityID(id), country: country, year: 2024, tonnes: t, publishedAmount: t))
        }
        func flow(_ from: CountryCode, _ to: CountryCode, _ value: Double, _ tonnes: Double?) {
            builder.add(TradeFlow(year: 2024, exporter: from, importer: to, hs6: 811292, valueKUSD: value, tonnes: tonnes, nomenclature: .hs17))
        }
        flow(a, c, 500, nil)
        flow(c, d, 1000, nil)
        flow(e, d, 300, nil)
        flow(b, d, 100, nil)
        flow(f, d, 1000, tonnes)
        for record in records { builder.add(record) }
        return builder.build()
    }

    static func tonnes(_ dataset: Dataset, _ metal: CommodityID, from exporter: CountryCode) throws -> Double? {
        let mix = try dataset.importMix(for: Importer(dataset.country(d)!), commodity: metal, year: 2024)
        return mix.suppliers.first { $0.country == exporter }?.tonnes
    }

    @Test func aCountryThatProducesNeitherReExportsWhatItImports() throws {
        let dataset = Self.world(fToD: nil)
        // C's pool is A's x (500 kUSD) against 1,000 kUSD exported: half of its flow is x, 500 kUSD / 100 USD/kg.
        #expect(abs(try #require(try Self.tonnes(dataset, "x:refined", from: Self.c)) - 5) < 1e-9)
        #expect(try Self.tonnes(dataset, "y:refined", from: Self.c) == nil)
        // B ships its own y: 100 kUSD / 1,000 USD/kg.
        #expect(abs(try #require(try Self.tonnes(dataset, "y:refined", from: Self.b)) - 0.1) < 1e-12)
    }

    @Test func exportsWithNoPoolBehindThemGoToNoStage() throws {
        let dataset = Self.world(fToD: nil)
        #expect(try Self.tonnes(dataset, "x:refined", from: Self.e) == nil)
        #expect(try Self.tonnes(dataset, "y:refined", from: Self.e) == nil)
    }

    @Test func aFlowDearerThanItsMixIsTiltedToTheDearerMetal() throws {
        // F's mix is half x, half y by value: 182 USD/kg. Its 1,000 kUSD with 2 t reported is 500 USD/kg:
        // w/100 + (1 − w)/1000 = 1/500 gives w = 1/9 for x, so 1.111 t of x and 0.889 t of y, 2 t in all.
        let dataset = Self.world(fToD: 2)
        let x = try #require(try Self.tonnes(dataset, "x:refined", from: Self.f)), y = try #require(try Self.tonnes(dataset, "y:refined", from: Self.f))
        #expect(abs(x - 10.0 / 9) < 1e-6 && abs(y - 8.0 / 9) < 1e-6)
    }

    @Test(arguments: [nil, 10.0])
    func aFlowCheaperThanItsMixKeepsIt(reported: Double?) throws {
        // 10 t at 100 USD/kg, or no quantity: the mix stands (500 kUSD of each), the extra tonnes are cheaper metals.
        let dataset = Self.world(fToD: reported)
        #expect(abs(try #require(try Self.tonnes(dataset, "x:refined", from: Self.f)) - 5) < 1e-9)
        #expect(abs(try #require(try Self.tonnes(dataset, "y:refined", from: Self.f)) - 0.5) < 1e-9)
    }

    @Test func theTiltMeetsTheReportedTonnesExactly() {
        let prices = [439.0, 2100, 300, 1370, 4560]
        let mix = [0.3, 0.2, 0.3, 0.1, 0.1]
        let reported = 1 / 1377.0
        let tilted = Dataset.tilt(mix, prices: prices, kilogramsPerUSD: reported)
        #expect(abs(zip(tilted, prices).reduce(0) { $0 + $1.0 / $1.1 } - reported) < 1e-12)
        #expect(abs(tilted.reduce(0, +) - 1) < 1e-12)
        #expect(tilted[4] > mix[4] && tilted[2] < mix[2])
        // Dearer than every metal the mix holds: all of it goes to the dearest.
        #expect(Dataset.tilt([0.5, 0.5, 0, 0, 0], prices: prices, kilogramsPerUSD: 1 / 5000.0) == [0, 1, 0, 0, 0])
    }

    static func customs(_ tonnes: Double, of metal: CommodityID, to partner: CountryCode? = nil) -> OfficialStatistic {
        OfficialStatistic(country: f, commodity: metal, year: 2024, measure: .exports, amount: tonnes, published: "\(tonnes) t",
                          series: "customs", source: "test", partner: partner)
    }

    @Test func anExportersCustomsTotalFixesItsShareOfAMetal() throws {
        // F's mix would make half of its 1,000 kUSD y (0.5 t). Its customs record 0.2 t of y (200 kUSD): y is 20 % of
        // the flow, and the other 80 % go to x by its pool (1,000 kUSD of x covers the 800 kUSD): 8 t of x.
        let dataset = Self.world(fToD: nil, records: [Self.customs(0.2, of: "y:refined")])
        #expect(abs(try #require(try Self.tonnes(dataset, "y:refined", from: Self.f)) - 0.2) < 1e-9)
        #expect(abs(try #require(try Self.tonnes(dataset, "x:refined", from: Self.f)) - 8) < 1e-9)
    }

    @Test func aRecordOfNothingToOnePartnerLeavesThatFlowToTheOtherMetals() throws {
        // F's customs record no y to D: the flow is x as far as F's x pool (1,000 kUSD) covers it, 10 t.
        let dataset = Self.world(fToD: nil, records: [Self.customs(0, of: "y:refined", to: Self.d)])
        #expect(try Self.tonnes(dataset, "y:refined", from: Self.f) == nil)
        #expect(abs(try #require(try Self.tonnes(dataset, "x:refined", from: Self.f)) - 10) < 1e-9)
        // A bilateral record is no total of the country's: nothing to check F's figures against.
        #expect(dataset.officialStatistics(of: Self.f, commodity: "y:refined", year: 2024).isEmpty)
    }
}

