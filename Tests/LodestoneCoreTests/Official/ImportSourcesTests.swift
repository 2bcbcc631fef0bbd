import LodestoneCore
import LodestoneTestSupport
import Testing

/// A stage without trade codes ("plate": production A 60 t, B 30 t, C 10 t in 2020) whose flows
/// into Delta come from official import sources: Delta imports 50 t and exports 10 t (net 40 t),
/// consumes 60 t, and names Alpha (50 %) and Beta (20 %) as sources; the other 30 % is unnamed.
@Suite struct ImportSourcesTests {
    static let plate: CommodityID = "plate:refined"

    static func world(consumption: Double? = 60, shares: [(CountryCode, Double)] = [(SmallWorld.a, 0.5), (SmallWorld.b, 0.2)],
                      price: Double? = 2) -> Dataset {
        var builder = SmallWorld.records()
        builder.add(Commodity(id: plate, name: "Plate", productionSeries: "Ore (metal content)", category: "Test", stage: .refined, symbol: nil,
                              hs6: [], productionUnit: "metr. t", tonnesPerProductionUnit: 1, recyclingRate: nil, family: "plate",
                              isReference: false, contentBasis: "metal content", productionBasis: .mineOutput, citedUnitValueUSDPerKg: price))
        for (country, tonnes) in [(SmallWorld.a, 60.0), (SmallWorld.b, 30), (SmallWorld.c, 10)] {
            builder.add(ProductionRecord(commodity: plate, country: country, year: 2020, tonnes: tonnes, publishedAmount: tonnes))
        }
        func figure(_ measure: OfficialStatistic.Measure, _ amount: Double, partner: CountryCode? = nil) -> OfficialStatistic {
            OfficialStatistic(country: SmallWorld.d, commodity: plate, year: 2020, measure: measure, amount: amount, published: "\(amount)",
                              series: "Plate: test series", source: "test agency", partner: partner)
        }
        builder.add(figure(.imports, 50))
        builder.add(figure(.exports, 10))
        if let consumption { builder.add(figure(.consumption, consumption)) }
        for (partner, share) in shares { builder.add(figure(.importShare, share, partner: partner)) }
        return builder.build()
    }

    @Test func namedSourcesSplitNetImportsAndTheRestFollowsTheOtherProducers() throws {
        let dataset = Self.world()
        let delta = Importer(dataset.country(SmallWorld.d)!)
        let mix = try dataset.importMix(for: delta, commodity: Self.plate, year: 2020)
        #expect(abs(mix.totalTonnes - 40) < 1e-12)                      // 50 imported − 10 exported
        let tonnes = Dictionary(uniqueKeysWithValues: mix.suppliers.map { ($0.country, $0.tonnes ?? 0) })
        #expect(abs(tonnes[SmallWorld.a]! - 20) < 1e-12)                 // 50 % of 40 t
        #expect(abs(tonnes[SmallWorld.b]! - 8) < 1e-12)                  // 20 %
        #expect(abs(tonnes[SmallWorld.c]! - 12) < 1e-12)                 // the unnamed 30 %: Gamma is the only other producer
        #expect(abs(mix.totalValueKUSD - 80) < 1e-12)                    // 40 t at the cited 2 USD/kg
        let basis = try dataset.checkTrade(of: dataset.commodity(Self.plate)!, year: 2020)
        #expect(basis.nomenclature == nil && basis.source.contains("import sources"))
        #expect(dataset.hasTrade(dataset.commodity(Self.plate)!) && dataset.tradeYears(of: dataset.commodity(Self.plate)!) == [2020])
    }

    @Test func theImporterOwnSupplyMeetsItsOfficialConsumption() throws {
        let check = try Self.world().officialCheck(country: SmallWorld.d, year: 2020)
        let consumption = try #require(check.rows.first { $0.measure == .consumption })
        #expect(consumption.used == 60 && consumption.basis == .official)  // 20 t of own supply + 40 t net imports
        let imports = try #require(check.rows.first { $0.measure == .imports })
        #expect(imports.used == 50 && imports.basis == .official && imports.lodestone == nil && imports.ratio == nil)
        #expect(imports.reason.contains("no trade of this stage in the data"))
        // Without an official consumption the importer's own supply is its official production (none here): C = 40 t, a lower bound.
        let lower = try Self.world(consumption: nil).officialCheck(country: SmallWorld.d, year: 2020)
        #expect(lower.rows.first { $0.measure == .imports }?.used == 50)
    }

    @Test func withoutImportSourcesTheStageIsNotAssessable() throws {
        let dataset = Self.world(shares: [])
        let info = try #require(dataset.commodity(Self.plate))
        #expect(!dataset.hasTrade(info))
        // Flows are valued at the stage's cited price: without one there are none.
        #expect(!Self.world(price: nil).hasTrade(info))
        #expect(throws: LodestoneError.self) { try dataset.importMix(for: Importer(dataset.country(SmallWorld.d)!), commodity: Self.plate, year: 2020) }
        // A year outside the sources' period names the years there are.
        let sourced = Self.world()
        #expect { try sourced.checkTrade(of: info, year: 2019) } throws: { error in "\(error)".contains("2020") }
    }

    @Test func anImporterWithoutOfficialSourcesIsNotInTheDataNotZero() throws {
        let dataset = Self.world()
        // Alpha's imports of the stage are unknown, not nothing; a group with Delta and Alpha is unknown too.
        for importer in [Importer(dataset.country(SmallWorld.a)!), Importer(id: "DA", name: "Delta and Alpha", members: [SmallWorld.d, SmallWorld.a])] {
            #expect { try dataset.importMix(for: importer, commodity: Self.plate, year: 2020) } throws: { error in
                "\(error)".contains("only for Delta") && "\(error)".contains("Alpha's are not in the data")
            }
            #expect(throws: LodestoneError.self) { try dataset.traceOrigins(for: importer, commodity: Self.plate, year: 2020) }
        }
    }
}
