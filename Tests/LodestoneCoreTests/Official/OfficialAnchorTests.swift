import LodestoneCore
import LodestoneTestSupport
import Testing

/// Official totals on the small world: Delta imports 40 t of ore with a quantity (10 t from
/// Alpha, 30 t from Beta) and produces none; Alpha exports 14 t and produces 60 t.
@Suite struct OfficialAnchorTests {
    static func world(_ statistics: [OfficialStatistic]) -> Dataset {
        var builder = SmallWorld.records()
        builder.commodities[0].isReference = false   // a value-chain stage: the reference definitions are never anchored
        for statistic in statistics { builder.add(statistic) }
        return builder.build()
    }

    static func statistic(_ country: CountryCode, _ measure: OfficialStatistic.Measure, _ amount: Double?, comparable: Bool = true) -> OfficialStatistic {
        OfficialStatistic(country: country, commodity: SmallWorld.ore, year: 2020, measure: measure, amount: amount,
                          published: amount.map { "\($0) metric tons" } ?? "W", series: "Ore: test series", source: "test agency",
                          comparable: comparable, note: comparable ? "" : "counts every form")
    }

    @Test func anOfficialTotalBeyondToleranceReplacesTradeAndKeepsTheSplit() throws {
        // Delta's official imports are 10 t, a quarter of the 40 t trade says: each inbound flow is scaled by 1/4.
        let dataset = Self.world([Self.statistic(SmallWorld.d, .imports, 10)])
        let delta = Importer(dataset.country(SmallWorld.d)!)
        let mix = try dataset.importMix(for: delta, commodity: SmallWorld.ore, year: 2020)
        #expect(abs(mix.totalTonnes - 10) < 1e-12)
        #expect(abs(mix.suppliers[0].tonnesShare! - 0.75) < 1e-12)     // the split across partners is trade's
        #expect(abs(mix.totalValueKUSD - 85.0 / 4) < 1e-12)            // value scales too: unit values stay as traded
        let row = try #require(try dataset.officialCheck(country: SmallWorld.d, year: 2020).rows.first { $0.measure == .imports })
        #expect(row.lodestone == 40 && row.official == 10 && row.ratio == 4 && row.used == 10 && row.basis == .official)
        // Alpha's exports to Beta are untouched: only Delta's figures are anchored.
        let beta = try dataset.importMix(for: Importer(dataset.country(SmallWorld.b)!), commodity: SmallWorld.ore, year: 2020)
        #expect(beta.totalTonnes == 4)
    }

    @Test(arguments: [50.0, 30.0])
    func withinToleranceTradeIsKept(official: Double) throws {
        // 40 t against 50 t or 30 t: within ×1.5, so Lodestone keeps its own figure.
        let dataset = Self.world([Self.statistic(SmallWorld.d, .imports, official)])
        let mix = try dataset.importMix(for: Importer(dataset.country(SmallWorld.d)!), commodity: SmallWorld.ore, year: 2020)
        #expect(mix.totalTonnes == 40)
        let row = try #require(try dataset.officialCheck(country: SmallWorld.d, year: 2020).rows.first)
        #expect(row.basis == .trade && row.used == 40 && row.reason.contains("within"))
    }

    @Test func aSeriesThatCountsMoreFormsIsShownButNeverUsed() throws {
        let dataset = Self.world([Self.statistic(SmallWorld.d, .imports, 400, comparable: false)])
        let mix = try dataset.importMix(for: Importer(dataset.country(SmallWorld.d)!), commodity: SmallWorld.ore, year: 2020)
        #expect(mix.totalTonnes == 40)
        let row = try #require(try dataset.officialCheck(country: SmallWorld.d, year: 2020).rows.first)
        #expect(row.basis == .trade && row.ratio == 0.1 && row.reason.hasPrefix("not comparable: counts every form"))
    }

    @Test func tradeTooThinToCarryAnOfficialTotalIsNotBlownUp() throws {
        // 40 t of trade against an official 10,000 t: 0.4 %, under the 1 % a split needs.
        let dataset = Self.world([Self.statistic(SmallWorld.d, .imports, 10_000)])
        let mix = try dataset.importMix(for: Importer(dataset.country(SmallWorld.d)!), commodity: SmallWorld.ore, year: 2020)
        #expect(mix.totalTonnes == 40)
        let row = try #require(try dataset.officialCheck(country: SmallWorld.d, year: 2020).rows.first)
        #expect(row.basis == .trade && row.reason.contains("too little to split it over"))
    }

    @Test func aGapIsNotAZero() throws {
        let dataset = Self.world([Self.statistic(SmallWorld.d, .imports, nil)])
        let row = try #require(try dataset.officialCheck(country: SmallWorld.d, year: 2020).rows.first)
        #expect(row.official == nil && row.ratio == nil && row.basis == .trade && row.reason.contains("no official amount (W)"))
    }

    @Test func officialProductionAndExportsFeedConsumptionAndReliance() throws {
        // Alpha: series production 60 t, exports 14 t (10 to Delta, 4 to Beta), no imports.
        // Official production 20 t (×3 off) is used; official exports 15 t are within tolerance.
        let dataset = Self.world([Self.statistic(SmallWorld.a, .production, 20), Self.statistic(SmallWorld.a, .exports, 15),
                                  Self.statistic(SmallWorld.a, .consumption, 6), Self.statistic(SmallWorld.a, .netImportReliance, nil)])
        let check = try dataset.officialCheck(country: SmallWorld.a, year: 2020)
        let production = try #require(check.rows.first { $0.measure == .production })
        #expect(production.lodestone == 60 && production.used == 20 && production.basis == .official)
        let consumption = try #require(check.rows.first { $0.measure == .consumption })
        #expect(consumption.lodestone == 46 && consumption.used == 6 && consumption.basis == .derived)   // 60 − 14; 20 − 14
        #expect(consumption.ratio == 46.0 / 6)
        // The network the scenarios and priorities run on sees the official production.
        let trace = try dataset.traceOrigins(for: Importer(dataset.country(SmallWorld.a)!), commodity: SmallWorld.ore, year: 2020)
        #expect(trace.domesticProductionTonnes == 20)
    }

    @Test func aYearWithoutOfficialStatisticsSaysWhichYearsHaveThem() {
        let dataset = Self.world([Self.statistic(SmallWorld.d, .imports, 10)])
        // A valid question the data cannot answer: no-data (422 on the API), not a usage error.
        #expect(throws: LodestoneError.noData("no official statistics for Delta in 2019; they exist for 2020 only")) {
            try dataset.officialCheck(country: SmallWorld.d, year: 2019)
        }
    }

    @Test(arguments: [(1.0, 1.5, true), (1.5, 1.0, true), (1.0, 1.51, false), (0.0, 0.0, true), (0.0, 1.0, false)])
    func tolerance(a: Double, b: Double, agrees: Bool) {
        #expect(Dataset.agrees(a, b) == agrees)
    }
}
