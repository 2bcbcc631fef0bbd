import Dispatch
import LodestoneCore
import LodestoneTestSupport
import Testing

/// Long computations stop through their `CancellationFlag` and throw `.cancelled`, never
/// returning partial figures.
@Suite struct CancellationFlagTests {
    let model = RestrictionRiskModel(version: "t", baseAnnualProbability: 0.2, governanceExponent: 2, recordFactor: 0.25,
                                     commodityRecordFactor: 2, maxAnnualProbability: 0.5, minExportShare: 0.01,
                                     severityMin: 0.25, severityMax: 1, source: "test")
    let parameters = MarketParameters(version: "test", defaults: .init(
        supplyElasticity: 0.2, demandElasticity: -0.2, spareCapacityShare: 0.1, resourcingShare: 0.5, maxPriceIncrease: 5, source: "test"))

    func simulate(draws: Int, cancellation: CancellationFlag?) throws(LodestoneError) -> RestrictionRisk {
        let world = SmallWorld.dataset
        return try world.simulateRestrictionRisk(for: try world.resolveImporter("DDD"), year: 2020, draws: draws, seed: 1, model: model,
                                                 parameters: parameters, history: [], cancellation: cancellation)
    }

    @Test func aFlagStartsUnsetAndStaysSet() {
        let flag = CancellationFlag()
        #expect(!flag.isCancelled)
        flag.cancel()
        flag.cancel()
        #expect(flag.isCancelled)
        #expect(throws: LodestoneError.cancelled) { try flag.check() }
    }

    /// The flag carries the work's progress: after a run its stage is the simulation, all done.
    @Test func aRunReportsItsStageAndShareDone() throws {
        let flag = CancellationFlag()
        #expect(flag.progress == CancellationFlag.Progress(stage: "", share: nil))
        _ = try simulate(draws: 40_000, cancellation: flag)
        #expect(flag.progress.stage.hasPrefix("simulating 40000 years"))
        #expect(flag.progress.share == 1)
        flag.begin("half", total: 4)
        flag.advance(by: 2)
        #expect(flag.progress == CancellationFlag.Progress(stage: "half", share: 0.5))
        flag.advance(by: 9)
        #expect(flag.progress.share == 1)   // never past the end
    }

    @Test func anUnsetFlagChangesNothing() throws {
        let plain = try simulate(draws: 4_000, cancellation: nil)
        let watched = try simulate(draws: 4_000, cancellation: CancellationFlag())
        #expect(plain == watched)
    }

    @Test func aCancelledSimulationThrowsInsteadOfReturningPartialFigures() {
        let flag = CancellationFlag()
        flag.cancel()
        #expect(throws: LodestoneError.cancelled) { try simulate(draws: 4_000, cancellation: flag) }
    }

    /// Cancelled while it runs: 200 million simulated years take minutes, so the run can only
    /// end within the test's lifetime by noticing the flag between blocks of years.
    @Test func aRunningSimulationStopsWhenItsFlagIsSet() async {
        let flag = CancellationFlag()
        DispatchQueue.global().asyncAfter(deadline: .now() + .milliseconds(200)) { flag.cancel() }
        let outcome = await Task.detached { [self] in
            Result { () throws(LodestoneError) in try simulate(draws: 200_000_000, cancellation: flag) }
        }.value
        #expect(throws: LodestoneError.cancelled) { try outcome.get() }
    }

    @Test func aCancelledScenarioRunAndBacktestThrow() {
        let flag = CancellationFlag()
        flag.cancel()
        let world = SmallWorld.dataset
        let scenario = RestrictionScenario(name: "t", restricting: [SmallWorld.a], commodities: [SmallWorld.ore], severity: 1)
        #expect(throws: LodestoneError.cancelled) {
            try world.run(scenario, year: 2020, for: [try world.resolveImporter("DDD")], parameters: parameters, cancellation: flag)
        }
        let observation = PriceObservation(event: "e", commodity: SmallWorld.ore.rawValue, market: .outside, role: .test, horizonMonths: 6,
                                           dateBefore: "2020-01", dateAfter: "2020-06", priceBasis: "b", change: 0.1, source: "s", url: "u",
                                           reliability: "r")
        #expect(throws: LodestoneError.cancelled) {
            try world.backtest(events: [], observations: [observation], drops: [], parameters: parameters, cancellation: flag)
        }
    }
}
