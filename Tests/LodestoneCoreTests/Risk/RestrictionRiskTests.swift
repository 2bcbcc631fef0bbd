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

    @Test func splitMix64IsReproducible() {
        var a = SplitMix64(seed: 42), b = SplitMix64(seed: 42), c = SplitMix64(seed: 43)
        let first = (0..<5).map { _ in a.next() }
        #expect(first == (0..<5).map { _ in b.next() })
        #expect(first != (0..<5).map { _ in c.next() })
        var u = SplitMix64(seed: 1)
        #expect((0..<10_000).allSatisfy { _ in (0..<1).contains(u.unit()) })
    }

    // MARK: SmallWorld: D imports ore from A (10 t, governance 0.2) and B (30 t, governance 0.8).

    let parameters = MarketParameters(version: "test", defaults: .init(
        supplyElasticity: 0.2, demandElasticity: -0.2, spareCapacityShare: 0.1, resourcingShare: 0.5, maxPriceIncrease: 5, source: "test"))

    func smallWorld(base: Double, draws: Int = 3_200, seed: UInt64 = 1, memoryLimit: Int = RestrictionRisk.memoryLimitBytes) throws -> RestrictionRisk {
        var model = self.model
        model.baseAnnualProbability = base
        let world = SmallWorld.dataset
        return try world.simulateRestrictionRisk(for: try world.resolveImporter("DDD"), year: 2020, draws: draws, seed: seed, model: model,
                                                 parameters: parameters, history: [], memoryLimitBytes: memoryLimit)
    }

    /// A recorded event counts for nₑ; it triples p(e, c) only where it listed c at a severity above 0
    /// (a stage listed at 0 carries only the event's output change).
    @Test func aStageListedAtSeverityZeroIsNotARestrictionOfIt() throws {
        let world = SmallWorld.dataset, importer = try world.resolveImporter("DDD")
        func probabilityOfA(history: [RestrictionScenario]) throws -> Double {
            var model = self.model
            model.baseAnnualProbability = 0.1   // A (0.32 %/yr at 0.02, 1.6 % at 0.1) restricts in enough years to be a driver
            let risk = try world.simulateRestrictionRisk(for: importer, year: 2020, draws: 3_200, seed: 1, model: model,
                                                         parameters: parameters, history: history)
            return try #require(risk.commodities.first?.drivers.first { $0.exporter == SmallWorld.a }).annualProbability
        }
        func event(severity: Double) -> RestrictionScenario {
            RestrictionScenario(name: "e", restricting: [SmallWorld.a], commodities: [SmallWorld.ore], severity: 1,
                                severityByCommodity: [SmallWorld.ore: severity])
        }
        let none = try probabilityOfA(history: [])
        #expect(abs(try probabilityOfA(history: [event(severity: 0)]) / none - 1.25) < 1e-12, "one more recorded event")
        #expect(abs(try probabilityOfA(history: [event(severity: 0.3)]) / none - 1.25 * 3) < 1e-12, "and this commodity restricted")
    }

    @Test func economicLossValuesTheShortfallAtPostDisruptionPrices() throws {
        let ore = try #require(try smallWorld(base: 0.1).commodities.first)
        #expect(abs(ore.consumptionTonnes - 40) < 1e-9)
        #expect(abs(ore.unitValueUSDPerKg - 2) < 1e-12, "88 kUSD over 44 t")
        #expect(abs(ore.consumptionValueUSD - 80_000) < 1e-6)
        // loss = Σ shortfall·1000·unit value·(1 + Δp) at the drawn severity, Δp the price D pays
        // when A or B restricts (at most its full-severity rise, at least 0): between the
        // shortfall's value at the pre-disruption price and at the higher full-severity price.
        let world = SmallWorld.dataset, delta = try world.resolveImporter("DDD")
        let priceChanges = try [SmallWorld.a, SmallWorld.b].map { exporter in
            let scenario = RestrictionScenario(name: "t", restricting: [exporter], commodities: [SmallWorld.ore], severity: 1)
            return try #require(try world.run(scenario, year: 2020, for: [delta], parameters: parameters).impacts.first).priceChange
        }
        let shortfallValue = ore.expectedShortfallTonnes * 2000
        #expect(priceChanges.allSatisfy { $0 > 0 })
        #expect(ore.expectedLossUSD > shortfallValue * (1 - 1e-9))
        #expect(ore.expectedLossUSD <= shortfallValue * (1 + priceChanges.max()!) * (1 + 1e-9), "extra cost is not added")
        #expect(ore.expectedCostUSD > 0)
        #expect(ore.expectedLossUSD > 0 && ore.expectedLossUSDStandardError > 0)
        #expect(abs(ore.expectedLossShare - ore.expectedLossUSD / 80_000) <= 1e-12)
        #expect(abs(ore.expectedShortfallShareStandardError - ore.expectedShortfallTonnesStandardError / 40) <= 1e-12)
        #expect(ore.expectedCostUSDStandardError > 0)
        #expect(ore.p95LossUSD <= ore.cvar95LossUSD * (1 + 1e-12) && ore.expectedLossUSD <= ore.cvar95LossUSD * (1 + 1e-12))
        #expect(Set(ore.drivers.map(\.exporter)) == [SmallWorld.a, SmallWorld.b])
        #expect(abs(ore.drivers.reduce(0) { $0 + $1.shareOfExpectedLoss } - 1) < 1e-9)
    }

    @Test func tierFarFromEveryThresholdHasFullConfidence() throws {
        // p(B) = 0.5: an expected loss of about 10 % of consumption value, far above 6 %.
        let high = try #require(try smallWorld(base: 0.5).commodities.first)
        #expect(high.expectedLossShare > 0.08)
        #expect(high.tier == .high)
        #expect(high.tierConfidence == 1)
        let never = try #require(try smallWorld(base: 0).commodities.first)
        #expect(never.tier == .limited && never.tierConfidence == 1 && never.expectedLossUSD == 0)
    }

    @Test(arguments: [0.005, 0.02, 0.05])
    func tierConfidenceIsAShareOfBlocks(base: Double) throws {
        let risk = try smallWorld(base: base, draws: 1_000)
        #expect(risk.blocks == 32)
        for c in risk.commodities {
            #expect((0...1).contains(c.tierConfidence))
            #expect(abs(c.tierConfidence * 32 - (c.tierConfidence * 32).rounded()) < 1e-9, "in steps of 1/32")
            #expect(c.tier == PriorityTier(expectedLossShare: c.expectedLossShare))
        }
    }

    @Test func sameSeedSameReportDifferentSeedDifferent() throws {
        #expect(try smallWorld(base: 0.05, seed: 4) == smallWorld(base: 0.05, seed: 4))
        #expect(try smallWorld(base: 0.05, seed: 4).commodities[0].expectedLossUSD != smallWorld(base: 0.05, seed: 5).commodities[0].expectedLossUSD)
    }

    @Test func requestsOverTheMemoryLimitAreRefused() throws {
        let error = #expect(throws: LodestoneError.self) { try smallWorld(base: 0.05, draws: 100_000, memoryLimit: 1 << 20) }
        guard case .invalidParameter(let message) = error else { Issue.record("wrong error \(String(describing: error))"); return }
        #expect(message.contains("more than the 1 MB limit"))
        #expect(try smallWorld(base: 0.05, draws: 100_000).draws == 100_000, "the default limit allows it")
        #expect(RestrictionRisk.estimatedMemoryBytes(draws: 1_000_000, commodities: 60) < 200 << 20)
        #expect(RestrictionRisk.estimatedMemoryBytes(draws: 10_000_000, commodities: 200) > RestrictionRisk.memoryLimitBytes)
        #expect(RestrictionRisk.estimatedMemoryBytes(draws: 2_000_000, commodities: 60) > RestrictionRisk.estimatedMemoryBytes(draws: 1_000_000, commodities: 60))
        #expect(RestrictionRisk.estimatedMemoryBytes(draws: .max, commodities: 60) == .max)
    }

    @Test(arguments: [(0.2, PriorityTier.high), (0.06, .high), (0.0599, .elevated), (0.03, .elevated), (0.0299, .moderate),
                      (0.01, .moderate), (0.0099, .limited), (0, .limited), (-0.5, .limited), (.nan, .limited)])
    func tiersFollowTheThresholds(share: Double, tier: PriorityTier) {
        #expect(PriorityTier(expectedLossShare: share) == tier)
    }

    @Test func thresholdsAreTheCarryingCostOfSixThreeAndOneMonthsOfStock() {
        for (threshold, months) in zip(PriorityTier.thresholds, [6.0, 3, 1]) {
            #expect(abs(threshold.minimumShare - PriorityTier.annualCarryingCost * months / 12) < 1e-15)
        }
        #expect(PriorityTier.allCases.filter(\.isTop) == [.high, .elevated])
    }

    @Test func maxDrawsIsTheLargestRequestWithinTheLimit() {
        for commodities in [1, 55, 200] {
            let most = RestrictionRisk.maxDraws(commodities: commodities)
            #expect(most > 0)
            #expect(RestrictionRisk.estimatedMemoryBytes(draws: most, commodities: commodities) <= RestrictionRisk.memoryLimitBytes)
            #expect(RestrictionRisk.estimatedMemoryBytes(draws: most + 1, commodities: commodities) > RestrictionRisk.memoryLimitBytes)
        }
        #expect(RestrictionRisk.maxDraws(commodities: 1_000_000) == 0, "not even one draw fits")
    }

    @Test func commoditiesThatCannotBeAssessedAreListedWithTheirReason() throws {
        // D imports ore; gem has no trade code; E (added) neither produces nor imports anything.
        var builder = SmallWorld.records()
        builder.add(Country(code: CountryCode(5), m49: 5, iso3: "EEE", name: "Epsilon"))
        let world = builder.build()
        func risk(_ importer: String) throws -> RestrictionRisk {
            try world.simulateRestrictionRisk(for: try world.resolveImporter(importer), year: 2020, draws: 500, seed: 1, model: model,
                                              parameters: parameters, history: [])
        }
        let delta = try risk("DDD")
        #expect(delta.commodities.map(\.commodity) == [SmallWorld.ore])
        #expect(delta.notAssessed.map(\.commodity) == ["gem"])
        #expect(delta.notAssessed.first?.reason.contains("no HS trade codes") == true)

        let epsilon = try risk("EEE")
        #expect(epsilon.commodities.isEmpty, "no consumption is not assessable, not a loss share of 0")
        #expect(epsilon.notAssessed.map(\.commodity) == [SmallWorld.ore, "gem"], "in selection order")
        #expect(epsilon.notAssessed.first?.reason.contains("no apparent consumption") == true)

        #expect(throws: LodestoneError.self) {
            try world.simulateRestrictionRisk(for: try world.resolveImporter("DDD"), year: 2020, draws: 10, seed: 1, model: model,
                                              parameters: parameters, history: [], commodities: ["nothing"])
        }
    }

    // MARK: The bundled snapshot.

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
            for (mean, p95, cvar95) in [(c.expectedShortfallTonnes, c.p95ShortfallTonnes, c.cvar95ShortfallTonnes),
                                        (c.expectedCostUSD, c.p95CostUSD, c.cvar95CostUSD), (c.expectedLossUSD, c.p95LossUSD, c.cvar95LossUSD)] {
                #expect(p95 <= cvar95 * (1 + 1e-12))
                #expect(mean <= cvar95 * (1 + 1e-12))
            }
            #expect((0...1).contains(c.annualProbability))
            let shares = c.drivers.reduce(0) { $0 + $1.shareOfExpectedShortfall }
            #expect(c.drivers.isEmpty ? c.expectedShortfallTonnes == 0 : shares <= 1 + 1e-9 && shares > 0)
        }
    }

    @Test func rankedIsByExpectedLossShare() throws {
        let risk = try simulate(seed: 5), ranked = risk.ranked
        #expect(ranked.count >= 3 && ranked.count + risk.notAssessed.count == 4, "copper ore: the US consumes none (net exporter)")
        #expect(zip(ranked, ranked.dropFirst()).allSatisfy { $0.expectedLossShare >= $1.expectedLossShare })
    }

    /// The shock table runs the scenario engine at the knots, and reading between them comes
    /// close to running it at every severity: US gallium, Japan's graphite and heavy rare earths,
    /// restricted by China, on a 5 % grid over the model's 25–100 %. Scaling the full-severity run
    /// linearly (the simulation before knots) overstated their mean loss by 10–50 %.
    @Test(arguments: [("USA", "gallium:refined"), ("JPN", "graphite:mine"), ("JPN", "heavy-rare-earth:refined")])
    func interpolatedShocksFollowTheScenarioEngineAcrossSeverities(importer code: String, stage: String) throws {
        let dataset = Fixtures.bundledDataset, importer = try dataset.resolveImporter(code), parameters = try ScenarioLibrary.marketParameters()
        let inputs = try dataset.restrictionRiskInputs(for: importer, year: 2024, model: model, parameters: parameters,
                                                       history: try ScenarioLibrary.history(in: dataset), commodities: [CommodityID(stage)],
                                                       cancellation: nil)
        let china = try #require(dataset.countries.first { $0.iso3 == "CHN" }).code
        let shock = try #require(inputs.shocks.first?.first { dataset.countries[$0.exporter].code == china })
        let simulation = RestrictionRiskSimulation(shocks: inputs.shocks, severity: model.severityMin...model.severityMax, knots: inputs.knots)
        #expect(inputs.knots == [0.25, 0.5, 0.75, 1])
        let scenario = RestrictionScenario(name: "t", restricting: [china], commodities: [CommodityID(stage)], severity: 1)
        var engine = 0.0, interpolated = 0.0, linear = 0.0
        for step in 0...15 {
            let severity = 0.25 + 0.05 * Double(step)
            var run = scenario
            run.severity = severity
            let impact = try #require(try dataset.run(run, year: 2024, for: [importer], parameters: parameters).impacts.first)
            let unitValue = inputs.markets[0].unitValue
            let loss = impact.shortfallTonnes * 1000 * unitValue * (1 + impact.priceChange)
            if step % 5 == 0 {
                #expect(abs(simulation.impact(of: shock, at: severity).lossUSD - loss) <= 1e-9 * max(1, loss), "a knot is the engine's run")
            }
            engine += loss
            interpolated += simulation.impact(of: shock, at: severity).lossUSD
            linear += severity * shock.impacts[shock.impacts.count - 1].lossUSD
        }
        print("\(code) \(stage), China, mean loss over 25–100 %: engine \(engine / 16), interpolated \(interpolated / 16) "
              + "(×\(interpolated / engine)), linear scaling \(linear / 16) (×\(linear / engine))")
        #expect(engine > 0)
        #expect(abs(interpolated / engine - 1) < 0.03)
    }

    @Test func graphiteRiskForTheUSIsDrivenByChina() throws {
        let risk = try simulate(seed: 11, draws: 40_000)
        let graphite = try #require(risk.commodities.first { $0.commodity == "graphite" })
        let china = try #require(graphite.drivers.first)
        #expect(Fixtures.bundledDataset.country(china.exporter)?.iso3 == "CHN")
        #expect(graphite.expectedShortfallShare > 0.005, "graphite is among the most exposed US imports")
        #expect(graphite.expectedLossShare > 0.005)
    }
}
