import LodestoneCore
import LodestoneTestSupport
import Testing

@Suite struct ProductionConcentrationTests {
    @Test func handComputedSharesAndHHI() throws {
        let c = try SmallWorld.dataset.concentration(of: SmallWorld.ore, year: 2020)
        #expect(abs(c.hhi - 0.46) < 1e-12)                 // 0.6² + 0.3² + 0.1²
        #expect(abs(c.top1Share - 0.6) < 1e-12)
        #expect(abs(c.top3Share - 1.0) < 1e-12)
        #expect(c.totalTonnes == 100)
        #expect(c.producers.map(\.country) == [SmallWorld.a, SmallWorld.b, SmallWorld.c])
    }

    @Test func singleProducerHasHHIOne() throws {
        var builder = SmallWorld.records(published: [5, 0, 0])
        builder.groups = []
        let c = try builder.build().concentration(of: SmallWorld.ore, year: 2020)
        #expect(c.hhi == 1)
        #expect(c.producers.count == 1, "zero producers are left out")
    }

    @Test func yearWithoutProductionSaysWhichYearsExist() {
        #expect(throws: LodestoneError.noProduction(commodity: "Ore", year: 2019, available: [2020])) {
            try SmallWorld.dataset.concentration(of: SmallWorld.ore, year: 2019)
        }
    }

    @Test(arguments: ["rare-earth", "cobalt", "graphite", "lithium"])
    func realDataSharesSumToOne(commodity: String) throws {
        let c = try Fixtures.bundledDataset.concentration(of: CommodityID(commodity), year: 2023)
        let sum = c.producers.reduce(0) { $0 + $1.share }
        #expect(abs(sum - 1) < 1e-9)
        #expect(c.hhi > 0 && c.hhi <= 1)
        #expect(c.top1Share <= c.top3Share)
    }

    @Test func chinaLeadsRareEarthMining() throws {
        let dataset = Fixtures.bundledDataset
        let c = try dataset.concentration(of: "rare-earth", year: 2024)
        #expect(dataset.country(c.producers[0].country)?.iso3 == "CHN")
        #expect(c.top1Share > 0.5)
    }
}
