import LodestoneCore
import LodestoneTestSupport
import Testing

@Suite struct OriginTraceTests {
    /// A world of four countries trading "ore" (HS 111111) in 2020, production as given.
    func world(production: [(CountryCode, Double)], flows: [(CountryCode, CountryCode, Double)]) -> Dataset {
        var builder = Dataset.Builder()
        for (code, name) in [(SmallWorld.a, "Alpha"), (SmallWorld.b, "Beta"), (SmallWorld.c, "Gamma"), (SmallWorld.d, "Delta")] {
            builder.add(Country(code: code, m49: code.rawValue, iso3: String(name.prefix(3)).uppercased(), name: name))
        }
        builder.add(Commodity(id: "ore", name: "Ore", productionSeries: "Ore", category: "", stage: .mine, symbol: nil,
                              hs6: [111111], productionUnit: "metr. t", tonnesPerProductionUnit: 1, recyclingRate: nil))
        for (country, tonnes) in production {
            builder.add(ProductionRecord(commodity: "ore", country: country, year: 2020, tonnes: tonnes, publishedAmount: tonnes))
        }
        for (from, to, tonnes) in flows {
            builder.add(TradeFlow(year: 2020, exporter: from, importer: to, hs6: 111111, valueKUSD: tonnes, tonnes: tonnes))
        }
        return builder.build()
    }

    func trace(_ dataset: Dataset, _ code: CountryCode) throws -> [CountryCode: OriginTrace.Origin] {
        let result = try dataset.traceOrigins(for: Importer(dataset.country(code)!), commodity: "ore", year: 2020)
        let traced = result.origins.reduce(0) { $0 + $1.tracedTonnes }, direct = result.origins.reduce(0) { $0 + $1.directTonnes }
        #expect(abs(traced - result.supplyTonnes) < 1e-9, "traced tonnes are conserved")
        #expect(abs(direct - result.supplyTonnes) < 1e-9, "direct tonnes are conserved")
        #expect(result.origins.allSatisfy { $0.tracedTonnes >= -1e-12 && $0.directTonnes >= 0 }, "no negative supply")
        return Dictionary(uniqueKeysWithValues: result.origins.map { ($0.country, $0) })
    }

    @Test func aConduitPassesItsSupplierThrough() throws {
        // A mines 100 t and ships 50 t to B, which mines nothing and ships 50 t on to C.
        let data = world(production: [(SmallWorld.a, 100)], flows: [(SmallWorld.a, SmallWorld.b, 50), (SmallWorld.b, SmallWorld.c, 50)])
        let c = try trace(data, SmallWorld.c)
        #expect(c[SmallWorld.b]?.directTonnes == 50 && abs(c[SmallWorld.b]!.tracedTonnes) < 1e-12)
        #expect(abs(c[SmallWorld.a]!.tracedTonnes - 50) < 1e-12 && c[SmallWorld.a]!.directTonnes == 0)
    }

    @Test func aMixingHubSplitsByItsSupply() throws {
        // B mines 30 t and imports 10 t from A: its 20 t export to C is 3/4 B, 1/4 A.
        let data = world(production: [(SmallWorld.a, 100), (SmallWorld.b, 30)],
                         flows: [(SmallWorld.a, SmallWorld.b, 10), (SmallWorld.b, SmallWorld.c, 20)])
        let c = try trace(data, SmallWorld.c)
        #expect(abs(c[SmallWorld.b]!.tracedTonnes - 15) < 1e-12)
        #expect(abs(c[SmallWorld.a]!.tracedTonnes - 5) < 1e-12)
        #expect(abs(c[SmallWorld.a]!.tracedShare - 0.25) < 1e-12)
    }

    @Test func returnFlowsAreFollowedRoundTheLoop() throws {
        // A mines 100 t, sends 50 t to B; B (no mine) sends 25 t back and 25 t to C.
        let data = world(production: [(SmallWorld.a, 100)],
                         flows: [(SmallWorld.a, SmallWorld.b, 50), (SmallWorld.b, SmallWorld.a, 25), (SmallWorld.b, SmallWorld.c, 25)])
        let a = try trace(data, SmallWorld.a)
        #expect(abs(a[SmallWorld.a]!.tracedTonnes - 125) < 1e-9, "all of A's 125 t supply is A's own ore")
        let c = try trace(data, SmallWorld.c)
        #expect(abs(c[SmallWorld.a]!.tracedTonnes - 25) < 1e-9)
    }

    @Test func exportsBeyondSupplyAreAttributedToTheExporter() throws {
        // B ships 40 t to C with no production or imports on record.
        let data = world(production: [(SmallWorld.a, 100)], flows: [(SmallWorld.b, SmallWorld.c, 40)])
        let result = try data.traceOrigins(for: Importer(data.country(SmallWorld.c)!), commodity: "ore", year: 2020)
        #expect(result.unrecordedWorldSupplyTonnes == 40)
        // B produced none of it: its 40 t are of unrecorded origin, never B's own production.
        let b = try #require(result.origins.first { $0.country == SmallWorld.b })
        #expect(b.directTonnes == 40 && b.tracedTonnes == 0 && abs(b.unrecordedTonnes - 40) < 1e-12)
        #expect(abs(result.unrecordedOriginTonnes - 40) < 1e-12 && abs(result.unrecordedOriginShare - 1) < 1e-12)
    }

    @Test func aGroupIsOneNodeWithInternalTradeRemoved() throws {
        let data = world(production: [(SmallWorld.a, 100), (SmallWorld.c, 10)],
                         flows: [(SmallWorld.a, SmallWorld.b, 50), (SmallWorld.b, SmallWorld.c, 20)])
        let group = Importer(id: "BC", name: "B and C", members: [SmallWorld.b, SmallWorld.c])
        let result = try data.traceOrigins(for: group, commodity: "ore", year: 2020)
        #expect(abs(result.supplyTonnes - 60) < 1e-12, "10 t own production + 50 t from A; B→C is internal")
        let a = result.origins.first { $0.country == SmallWorld.a }
        #expect(abs(a!.tracedTonnes - 50) < 1e-12)
    }

    @Test(arguments: [("JPN", "rare-earth", 2024), ("USA", "cobalt", 2023), ("EU", "graphite", 2022), ("CHN", "lithium", 2024)])
    func realNetworksConserveTonnes(importer: String, commodity: String, year: Int) throws {
        let dataset = Fixtures.bundledDataset
        let result = try dataset.traceOrigins(for: try dataset.resolveImporter(importer), commodity: CommodityID(commodity), year: year)
        // Produced somewhere on record, or of unrecorded origin: together the whole supply.
        let traced = result.origins.reduce(0) { $0 + $1.tracedTonnes }
        #expect(abs(traced + result.unrecordedOriginTonnes - result.supplyTonnes) <= 1e-9 * result.supplyTonnes)
        #expect(abs(result.origins.reduce(0) { $0 + $1.unrecordedTonnes } - result.unrecordedOriginTonnes) <= 1e-9 * result.supplyTonnes)
        #expect(result.origins.allSatisfy { $0.tracedTonnes >= -1e-9 * result.supplyTonnes })
    }
}
