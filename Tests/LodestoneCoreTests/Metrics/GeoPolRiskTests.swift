import LodestoneCore
import LodestoneTestSupport
import Testing

@Suite struct GeoPolRiskTests {
    let dataset = SmallWorld.dataset
    var delta: Importer { Importer(dataset.country(SmallWorld.d)!) }

    @Test func handComputedImporterWithoutProduction() throws {
        let r = try dataset.geoPolRisk(for: delta, commodity: SmallWorld.ore, year: 2020)
        #expect(abs(r.hhi - 0.46) < 1e-12)
        #expect(r.importTonnes == 40)
        #expect(abs(r.riskWeightedImportTonnes - 26) < 1e-12)     // 10 × 0.2 + 30 × 0.8
        #expect(abs(r.importRisk - 0.65) < 1e-12)                  // 26 / 40
        #expect(abs(r.score - 0.299) < 1e-12)                      // 0.46 × 0.65
        #expect(abs(r.priceUSDPerKg - 2.0) < 1e-12)                // (20 + 60) kUSD / 40 t
        #expect(abs(r.characterizationFactor - 0.299 * 2.0 / 0.409412948) < 1e-12)
    }

    @Test func domesticProductionDilutesImportRisk() throws {
        let beta = Importer(dataset.country(SmallWorld.b)!)
        let r = try dataset.geoPolRisk(for: beta, commodity: SmallWorld.ore, year: 2020)
        #expect(r.domesticProductionTonnes == 30)
        #expect(abs(r.importRisk - 0.8 / 34) < 1e-12)              // 4 t × 0.2 / (4 + 30)
    }

    @Test func tradeInsideAGroupCarriesNoRisk() throws {
        let group = Importer(dataset.group("AB")!)
        let r = try dataset.geoPolRisk(for: group, commodity: SmallWorld.ore, year: 2020)
        #expect(r.importTonnes == 4)
        #expect(r.domesticProductionTonnes == 90)
        #expect(r.importRisk == 0)
        #expect(r.score == 0)
    }

    @Test func missingGovernanceCountsAsOneHalf() throws {
        var builder = SmallWorld.records()
        builder.add(TradeFlow(year: 2020, exporter: SmallWorld.c, importer: SmallWorld.d, hs6: 222222, valueKUSD: 10, tonnes: 10))
        let r = try builder.build().geoPolRisk(for: delta, commodity: SmallWorld.ore, year: 2020)
        #expect(abs(r.riskWeightedImportTonnes - 31) < 1e-12)     // 26 + 10 × 0.5
        #expect(abs(r.importRisk - 31.0 / 50) < 1e-12)
    }

    @Test func noImportsAndNoProductionGivesZero() throws {
        let alpha = dataset.country(SmallWorld.a)!
        var builder = SmallWorld.records(published: [0, 30, 10])
        builder.groups = []
        let r = try builder.build().geoPolRisk(for: Importer(alpha), commodity: SmallWorld.ore, year: 2020)
        #expect(r.importRisk == 0 && r.score == 0 && r.priceUSDPerKg == 0)
    }

    @Test func untradedCommodityAndMissingYearAreErrors() {
        #expect(throws: LodestoneError.notTraded(commodity: "Gem")) {
            try dataset.geoPolRisk(for: delta, commodity: "gem", year: 2020)
        }
        #expect(throws: LodestoneError.noTrade(year: 2021, available: [2020])) {
            try dataset.geoPolRisk(for: delta, commodity: SmallWorld.ore, year: 2021)
        }
    }

    // MARK: the geopolrisk-py 2.0.1 compatibility method

    @Test func compatibilityPriceCountsValueOfFlowsWithoutQuantity() throws {
        let r = try dataset.geoPolRisk(for: delta, commodity: SmallWorld.ore, year: 2020, method: .geopolriskPy)
        #expect(abs(r.priceUSDPerKg - 85.0 / 40) < 1e-12)         // C's 5 kUSD has no tonnes
        #expect(abs(r.score - 0.299) < 1e-12)
    }

    @Test func compatibilityTruncatesProductionInTheHHI() throws {
        let data = SmallWorld.records(published: [60.7, 30.2, 10.9]).build()
        let exact = try data.geoPolRisk(for: delta, commodity: SmallWorld.ore, year: 2020)
        let compat = try data.geoPolRisk(for: delta, commodity: SmallWorld.ore, year: 2020, method: .geopolriskPy)
        #expect(abs(compat.hhi - 0.46) < 1e-12)                   // from 60, 30, 10
        let total = 60.7 + 30.2 + 10.9
        let expected = (60.7 * 60.7 + 30.2 * 30.2 + 10.9 * 10.9) / (total * total)
        #expect(abs(exact.hhi - expected) < 1e-12)
    }

    @Test func compatibilityLeavesMillionCubicMetresUnconverted() throws {
        let data = SmallWorld.records(oreUnit: "Mio m3", tonnesPerUnit: 800).build()
        let beta = Importer(data.country(SmallWorld.b)!)
        let exact = try data.geoPolRisk(for: beta, commodity: SmallWorld.ore, year: 2020)
        let compat = try data.geoPolRisk(for: beta, commodity: SmallWorld.ore, year: 2020, method: .geopolriskPy)
        #expect(exact.domesticProductionTonnes == 24_000)          // 30 million m³ × 800 t
        #expect(compat.domesticProductionTonnes == 30)
        #expect(exact.hhi == compat.hhi, "HHI does not depend on the unit")
    }

    @Test func compatibilityIgnoresScoresMatchedByISO3() throws {
        var builder = SmallWorld.records()
        builder.add(TradeFlow(year: 2020, exporter: SmallWorld.c, importer: SmallWorld.d, hs6: 222222, valueKUSD: 10, tonnes: 10))
        builder.add(GovernanceScore(country: SmallWorld.c, year: 2020, score: 0.9, match: .iso3))
        let data = builder.build()
        let exact = try data.geoPolRisk(for: delta, commodity: SmallWorld.ore, year: 2020)
        let compat = try data.geoPolRisk(for: delta, commodity: SmallWorld.ore, year: 2020, method: .geopolriskPy)
        #expect(abs(exact.riskWeightedImportTonnes - 35) < 1e-12)  // 26 + 10 × 0.9
        #expect(abs(compat.riskWeightedImportTonnes - 31) < 1e-12) // 26 + 10 × 0.5
    }

    @Test func gridCoversEveryAssessableCombination() {
        let results = dataset.riskGrid(importers: dataset.allImporters)
        #expect(results.count == 5, "4 countries + 1 group × 1 traded commodity × 1 year")
        #expect(results.allSatisfy { $0.score >= 0 && $0.score <= 1 })
    }
}
