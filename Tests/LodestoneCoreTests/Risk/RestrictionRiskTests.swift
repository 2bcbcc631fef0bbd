import LodestoneCore
import LodestoneStore
import LodestoneTestSupport
import Testing

@Suite struct RestrictionRiskTests {
    let model = RestrictionRiskModel(version: "t", baseAnnualProbability: 0.02, governanceExponent: 2, recordFactor: 0.25,
                                     commodityRecordFactor: 2, maxAnnualProbability: 0.5, minExportShare: 0.01,
                                     severityMin: 0.25, severityMax: 1, source: "test")

    @Test func probabilityFollowsGovernanceAndRecord() {
        #expect(abs(model.probability(governance: 0.5, pastEvents: 0, restrictedBefore: false) - 0.02) < 1e-15)
        #expect(abs(model.probability(governance: 1, pastEvents: 0, restrictedBefore: false) - 0.08) < 1e-15)
        #expect(abs(model.probability(governance: nil, pastEvents: 4, restrictedBefore: true) - 0.02 * 2 * 3) < 1e-15)
        #expect(model.probability(governance: 1, pastEvents: 100, restrictedBefore: true) == 0.5, "capped")
    }

    @Test func generatorIsReproducible() {
        var a = SplitMix64(seed: 42), b = SplitMix64(seed: 42), c = SplitMix64(seed: 43)
        let first = (0..<5).map { _ in a.next() }
        #expect(first == (0..<5).map { _ in b.next() })
        #expect(first != (0..<5).map { _ in c.next() })
        var u = SplitMix64(seed: 1)
        #expect((0..<10_000).allSatisfy { _ in (0..<1).contains(u.unit()) })
    }

    func simulate(seed: UInt64, draws: Int = 4_000) throws -> RestrictionRisk {
        let dataset = Fixtures.bundledDataset
        return try dataset.simulateRestrictionRisk(
            for: try dataset.resolveImporter("USA"), year: 2024, draws: draws, seed: seed, model: model,
            parameters: try ScenarioLibrary.marketParameters(), history: try ScenarioLibrary.history(in: dataset),
            commodities: ["graphite", "rare-earth", "cobalt", "copper"])
    }

    @Test func sameSeedSameResultsDifferentSeedDifferentDraws() throws {
        let a = try simulate(seed: 7), b = try simulate(seed: 7), c = try simulate(seed: 8)
        #expect(a == b)
        #expect(a.commodities.map(\.expectedShortfallTonnes) != c.commodities.map(\.expectedShortfallTonnes))
    }

    @Test func tailMeasuresAreOrdered() throws {
        for c in try simulate(seed: 3).commodities {
            #expect(c.expectedShortfallTonnes >= 0)
            #expect(c.p95ShortfallTonnes <= c.cvar95ShortfallTonnes + 1e-9)
            #expect(c.expectedShortfallTonnes <= c.cvar95ShortfallTonnes + 1e-9)
            #expect((0...1).contains(c.annualProbability))
            let shares = c.drivers.reduce(0) { $0 + $1.shareOfExpectedShortfall }
            #expect(c.drivers.isEmpty ? c.expectedShortfallTonnes == 0 : shares <= 1 + 1e-9 && shares > 0)
        }
    }

    @Test func graphiteRiskForTheUSIsDrivenByChina() throws {
        let risk = try simulate(seed: 11, draws: 40_000)
        let graphite = try #require(risk.commodities.first { $0.commodity == "graphite" })
        let china = try #require(graphite.drivers.first)
        #expect(Fixtures.bundledDataset.country(china.exporter)?.iso3 == "CHN")
        #expect(graphite.expectedShortfallShare > 0.005, "graphite is among the most exposed US imports")
    }

    @Test func tiersFollowTheThresholds() {
        #expect(PriorityTier(expectedShortfallShare: 0.03) == .high)
        #expect(PriorityTier(expectedShortfallShare: 0.015) == .elevated)
        #expect(PriorityTier(expectedShortfallShare: 0.003) == .moderate)
        #expect(PriorityTier(expectedShortfallShare: 0.0001) == .limited)
    }
}
