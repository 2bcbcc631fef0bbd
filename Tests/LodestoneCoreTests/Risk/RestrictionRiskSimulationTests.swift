import LodestoneCore
import Testing

/// The Monte Carlo on a hand-made shock table, where expectations are known in closed form.
@Suite struct RestrictionRiskSimulationTests {
    typealias Shock = RestrictionRiskSimulation.Shock

    /// Exporter 0 restricts commodities 0 and 1 (joint events), exporter 1 only commodity 0,
    /// exporter 2 never restricts commodity 2. Severity uniform in 0.25...1 (mean 0.625).
    let simulation = RestrictionRiskSimulation(shocks: [
        [Shock(exporter: 0, probability: 0.3, shortfallTonnes: 100, costUSD: 1e5, lossUSD: 5e5),
         Shock(exporter: 1, probability: 0.05, shortfallTonnes: 400, costUSD: 2e5, lossUSD: 2e6)],
        [Shock(exporter: 0, probability: 0.1, shortfallTonnes: 10, costUSD: 1e3, lossUSD: 2e4)],
        [Shock(exporter: 2, probability: 0, shortfallTonnes: 50, costUSD: 1, lossUSD: 1)],
    ], severity: 0.25...1)

    /// E[year] = E[severity] · Σₑ p(e,c) · impact, per commodity and measure.
    func expected(_ c: Int, _ measure: RestrictionRiskSimulation.Measure) -> Double {
        0.625 * simulation.shocks[c].reduce(0) { sum, shock in
            let full = shock.impacts[0]
            return sum + shock.probability * [full.shortfallTonnes, full.costUSD, full.lossUSD][measure.rawValue]
        }
    }

    @Test func meansMatchTheClosedFormWithinFourStandardErrors() {
        let result = simulation.run(draws: 200_000, seed: 1)
        for c in 0..<2 {
            for measure in RestrictionRiskSimulation.Measure.allCases {
                let m = result.moments(c, measure)
                #expect(m.count == 200_000)
                #expect(m.standardError > 0)
                #expect(abs(m.mean - expected(c, measure)) < 4 * m.standardError, "commodity \(c) \(measure)")
            }
        }
        #expect(result.refills == 0, "the tail buffers' slack makes refills a one-in-10⁹ event")
        let never = result.moments(2, .shortfall)
        #expect(never.mean == 0 && never.standardError == 0 && result.tail(2, .loss) == TailEstimate(p95: 0, cvar95: 0))
    }

    /// A shock given at knots 0.5 and 1 (10 t, then 100 t: a threshold the linear scaling would
    /// miss) is read off the straight lines through (0, 0), (0.5, 10) and (1, 100):
    /// E over severity uniform in 0.25...1 = (1.875 + 27.5) / 0.75 = 39.1667 t, not 0.625 · 100.
    @Test func knotsInterpolateTheImpactBetweenSeverities() {
        let shock = Shock(exporter: 0, probability: 0.4, impacts: [.init(shortfallTonnes: 10, costUSD: 1, lossUSD: 20),
                                                                  .init(shortfallTonnes: 100, costUSD: 2, lossUSD: 500)])
        let knotted = RestrictionRiskSimulation(shocks: [[shock]], severity: 0.25...1, knots: [0.5, 1])
        #expect(knotted.impact(of: shock, at: 0.25).shortfallTonnes == 5)
        #expect(knotted.impact(of: shock, at: 0.5).shortfallTonnes == 10)
        #expect(knotted.impact(of: shock, at: 0.75).shortfallTonnes == 55)
        #expect(knotted.impact(of: shock, at: 1).lossUSD == 500)
        let result = knotted.run(draws: 200_000, seed: 4)
        let m = result.moments(0, .shortfall).padded(to: 200_000)
        #expect(abs(m.mean - 0.4 * 29.375 / 0.75) < 4 * m.standardError, "got \(m.mean)")
        // The same years through `years`, the planners' view of them.
        let years = knotted.years(draws: 200_000, seed: 4)
        #expect(abs(years.shortfall[0].reduce(0, +) / 200_000 - m.mean) < 1e-9 * m.mean)
        // One knot at 1 is the linear scaling: the same bytes as before knots existed.
        let linear = RestrictionRiskSimulation(shocks: [[Shock(exporter: 0, probability: 0.4, shortfallTonnes: 100, costUSD: 2, lossUSD: 500)]],
                                               severity: 0.25...1)
        #expect(linear.impact(of: linear.shocks[0][0], at: 0.3).shortfallTonnes == 0.3 * 100)
        let l = linear.run(draws: 200_000, seed: 4).moments(0, .shortfall).padded(to: 200_000)
        #expect(abs(l.mean - 0.4 * 62.5) < 4 * l.standardError)
        #expect(RestrictionRiskSimulation.knots(count: 4, over: 0.25...1) == [0.25, 0.5, 0.75, 1])
        #expect(RestrictionRiskSimulation.knots(count: 3, over: 0...1) == [0.5, 1], "0 is left out")
        #expect(RestrictionRiskSimulation.knots(count: 4, over: 0.6...0.6) == [0.6])
        #expect(RestrictionRiskSimulation.knots(count: 4, over: 0.2...1).last == 1, "the last knot is the bound, not 1 + 2e-16")
        #expect(RestrictionRiskSimulation.knots(count: 4, over: 0...0) == [1], "a range of only 0: every draw reads t = 0")
    }

    /// Several commodities, shocks and three knots: every measure's mean is the integral of the
    /// interpolated impact over the severity range, and `years` gives the same years as `run`.
    @Test func everyMeasureOfEveryShockFollowsItsKnots() {
        func impacts(_ base: Double) -> [RestrictionRiskSimulation.Impact] {
            [0.1, 0.5, 1].map { .init(shortfallTonnes: base * $0 * $0, costUSD: base * 10 * $0, lossUSD: base * 100 * $0.squareRoot()) }
        }
        let shocks: [[Shock]] = [
            [Shock(exporter: 0, probability: 0.3, impacts: impacts(100)), Shock(exporter: 1, probability: 0.2, impacts: impacts(40))],
            [Shock(exporter: 0, probability: 0.25, impacts: impacts(7)), Shock(exporter: 2, probability: 0.1, impacts: impacts(900))],
        ]
        let simulation = RestrictionRiskSimulation(shocks: shocks, severity: 0.1...1, knots: [0.1, 0.5, 1])
        // E[year] = Σ p · mean over severity of the interpolated impact (midpoint rule, 9,000 steps).
        func expected(_ c: Int, _ m: RestrictionRiskSimulation.Measure) -> Double {
            shocks[c].reduce(0) { sum, shock in
                let steps = 9_000
                let mean = (0..<steps).reduce(0.0) { total, k in
                    let impact = simulation.impact(of: shock, at: 0.1 + 0.9 * (Double(k) + 0.5) / Double(steps))
                    return total + [impact.shortfallTonnes, impact.costUSD, impact.lossUSD][m.rawValue]
                } / Double(steps)
                return sum + shock.probability * mean
            }
        }
        let draws = 300_000, result = simulation.run(draws: draws, seed: 9), years = simulation.years(draws: draws, seed: 9)
        for c in 0..<2 {
            for m in RestrictionRiskSimulation.Measure.allCases {
                let moments = result.moments(c, m).padded(to: draws)
                #expect(abs(moments.mean - expected(c, m)) < 4 * moments.standardError, "commodity \(c) \(m): \(moments.mean) vs \(expected(c, m))")
            }
            #expect(abs(years.shortfall[c].reduce(0, +) / Double(draws) - result.moments(c, .shortfall).padded(to: draws).mean) < 1e-9 * 1e3)
            #expect(abs(years.loss[c].reduce(0, +) / Double(draws) - result.moments(c, .loss).padded(to: draws).mean) < 1e-9 * 1e5)
        }
        // Interpolated values at the knots are the knots' own values.
        #expect(simulation.impact(of: shocks[1][1], at: 0.5) == impacts(900)[1])
    }

    @Test func tailsAreOrdered() {
        let result = simulation.run(draws: 10_000, seed: 3)
        for index in result.tails.indices {
            let tail = result.tails[index], mean = result.moments[index].mean
            #expect(tail.p95 <= tail.cvar95 + 1e-9 * tail.cvar95)
            #expect(mean <= tail.cvar95 + 1e-9 * tail.cvar95)
        }
        // Commodity 0 is hit in 1 − 0.7·0.95 = 33.5 % of years, so its P95 is a real shortfall.
        #expect(result.tail(0, .shortfall).p95 > 0)
    }

    @Test func standardErrorShrinksWithTheSquareRootOfDraws() {
        let small = simulation.run(draws: 4_000, seed: 11), large = simulation.run(draws: 64_000, seed: 11)
        for measure in RestrictionRiskSimulation.Measure.allCases {
            let ratio = small.moments(0, measure).standardError / large.moments(0, measure).standardError
            #expect(abs(ratio - 4) < 0.6, "√(64,000 / 4,000) = 4, got \(ratio) for \(measure)")
        }
    }

    @Test func sameSeedSameBytesAnySchedule() {
        let a = simulation.run(draws: 30_001, seed: 7), b = simulation.run(draws: 30_001, seed: 7, parallel: false)
        #expect(a.moments == b.moments)
        #expect(a.tails == b.tails)
        #expect(a.blockMeanLoss == b.blockMeanLoss)
        #expect(a.shortfallContribution == b.shortfallContribution && a.lossContribution == b.lossContribution)
        let c = simulation.run(draws: 30_001, seed: 8)
        #expect(a.moments(0, .shortfall).mean != c.moments(0, .shortfall).mean)
    }

    /// Heaps of one value force the refill path; the tails must not change.
    @Test func tinyHeapsAreRefilledToTheSameTails() {
        let normal = simulation.run(draws: 20_000, seed: 5), tiny = simulation.run(draws: 20_000, seed: 5) { _ in 1 }
        let full = simulation.run(draws: 20_000, seed: 5) { $0 }
        for index in normal.tails.indices {
            for other in [tiny, full] {
                #expect(other.tails[index].p95 == normal.tails[index].p95)
                #expect(abs(other.tails[index].cvar95 - normal.tails[index].cvar95) <= 1e-12 * normal.tails[index].cvar95)
            }
        }
        #expect(tiny.moments == normal.moments)
        #expect(tiny.refills > 0 && normal.refills == 0 && full.refills == 0)
    }

    @Test func fewerDrawsThanBlocks() {
        let result = simulation.run(draws: 5, seed: 2)
        #expect(result.moments(0, .loss).count == 5)
        #expect(result.blockMeanLoss.filter { $0 != nil }.count == 5)
        #expect(result.tail(0, .loss).cvar95 >= result.tail(0, .loss).p95)
    }

    @Test func contributionsSplitByExporter() {
        let result = simulation.run(draws: 100_000, seed: 4)
        let share = result.shortfallContribution[0][1] / result.shortfallContribution[0].reduce(0, +)
        // Exporter 1's share of commodity 0's expected shortfall: 0.05·400 / (0.3·100 + 0.05·400) = 0.4.
        #expect(abs(share - 0.4) < 0.02)
    }
}
