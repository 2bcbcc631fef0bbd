import Foundation
import LodestoneCore
import LodestoneSolver
import LodestoneTestSupport
import Testing

/// The solver seam and the stockpile program on cases with known answers, then on the bundled data.
/// Needs the CBC library (scripts/install-deps.sh installs it; .ci/run fails if it is missing).
@Suite(.enabled(if: Solvers.cbc != nil, "CBC is not installed here (sudo apt-get install coinor-libcbc3): planning tests skipped"))
struct StockpileTests {
    var solver: CBCSolver { Solvers.cbc! }

    /// Shortfall k·10 t with probability 1/100 (k = 0…99), price 1, holding h = 0.255, loss 1 a
    /// tonne: the stock where P(s > x) first falls to h/v or below is x* = 740 t (25 values above).
    @Test func oneItemIsTheNewsvendorCriticalFractile() throws {
        let years = (0..<100).map { StockpileProblem.Year(weight: 0.01, shortfallTonnes: [Double($0) * 10], lossPerTonneUSD: [1]) }
        let problem = StockpileProblem(items: [.init(commodity: "x", priceUSDPerTonne: 1, holdingCostRate: 0.255, purchaseLimitTonnes: 1e9)],
                                       years: years, budgetUSD: nil)
        let solution = try solver.solve(problem.linearProgram(), timeLimitSeconds: 10, cancellation: nil)
        #expect(solution.status == .optimal)
        #expect(abs(solution.values[0] - 740) < 1e-6)
        // The LP's objective is holding cost plus the exact expected loss left.
        let exact = problem.evaluate(stock: [740]).total + 0.255 * 740
        #expect(abs(try #require(solution.objective) - exact) < 1e-6)
    }

    /// stockpyl's `newsvendor_with_disruptions` example (Snyder & Shen, Fundamentals of Supply
    /// Chain Theory, 2nd ed., example 9.4; stockpyl docs): h 0.25, p 3, d 2000 a period,
    /// disruption probability α 0.04, recovery β 0.25 → S* = 8000, cost 2,737.07 a period. The
    /// demand to cover is d·(N + 1), N the stationary age of the disruption; holding charged on
    /// the whole stock with a shortfall cost of p + h gives the same optimum, at cost + h·E[D].
    @Test func disruptionCaseMatchesStockpylsPublishedExample() throws {
        let (alpha, beta, h, p, d) = (0.04, 0.25, 0.25, 3.0, 2000.0)
        var years = [StockpileProblem.Year(weight: beta / (alpha + beta), shortfallTonnes: [d], lossPerTonneUSD: [p + h])]
        for k in 1..<400 {
            let weight = alpha / (alpha + beta) * beta * pow(1 - beta, Double(k - 1))
            years.append(.init(weight: weight, shortfallTonnes: [d * Double(k + 1)], lossPerTonneUSD: [p + h]))
        }
        let problem = StockpileProblem(items: [.init(commodity: "x", priceUSDPerTonne: 1, holdingCostRate: h, purchaseLimitTonnes: 1e9)],
                                       years: years, budgetUSD: nil)
        let solution = try solver.solve(problem.linearProgram(), timeLimitSeconds: 10, cancellation: nil)
        #expect(abs(solution.values[0] - 8000) < 1e-6)
        let expectedDemand = years.reduce(0) { $0 + $1.weight * $1.shortfallTonnes[0] }
        #expect(abs(try #require(solution.objective) - h * expectedDemand - 2737.07) < 0.01)
    }

    @Test func budgetAndPurchaseLimitsBind() throws {
        // Two items short 100 t in every year; a is worth more a tonne, b is capped at 30 t.
        let years = [StockpileProblem.Year(weight: 1, shortfallTonnes: [100, 100], lossPerTonneUSD: [50, 20])]
        let items = [StockpileProblem.Item(commodity: "a", priceUSDPerTonne: 10, holdingCostRate: 0.1, purchaseLimitTonnes: 1e9),
                     StockpileProblem.Item(commodity: "b", priceUSDPerTonne: 10, holdingCostRate: 0.1, purchaseLimitTonnes: 30)]
        let unlimited = try solver.solve(StockpileProblem(items: items, years: years, budgetUSD: nil).linearProgram(), timeLimitSeconds: 10, cancellation: nil)
        #expect(abs(unlimited.values[0] - 100) < 1e-6 && abs(unlimited.values[1] - 30) < 1e-6)
        // 1,200 USD buys 120 t: all of a (worth 50 a tonne) first, then 20 t of b.
        let budgeted = try solver.solve(StockpileProblem(items: items, years: years, budgetUSD: 1200).linearProgram(), timeLimitSeconds: 10, cancellation: nil)
        #expect(abs(budgeted.values[0] - 100) < 1e-6 && abs(budgeted.values[1] - 20) < 1e-6)
    }

    @Test func infeasibleAndUnboundedProgramsAreReportedAsSuch() throws {
        var infeasible = LinearProgram()
        let x = infeasible.addColumn(cost: 1, upper: 3)
        infeasible.addRow([(x, 1)], lower: 5)
        #expect(try solver.solve(infeasible, timeLimitSeconds: 5, cancellation: nil).status == .infeasible)
        var unbounded = LinearProgram()
        unbounded.addColumn(cost: -1)
        #expect(try solver.solve(unbounded, timeLimitSeconds: 5, cancellation: nil).status == .unbounded)
        #expect(throws: LodestoneError.self) { try Dataset.stock(from: .init(status: .infeasible, objective: nil, bestBound: nil, values: [], solver: "t"), items: 1) }
    }

    @Test func aKnapsackIsSolvedToItsIntegerOptimum() throws {
        // max 10a + 13b + 7c with 4a + 6b + 3c ≤ 9, binary: the LP would take fractions; b + c = 20 is optimal.
        var program = LinearProgram()
        let columns = [10.0, 13, 7].map { program.addColumn(cost: -$0, upper: 1, integer: true) }
        program.addRow(zip(columns, [4.0, 6, 3]).map { ($0, $1) }, upper: 9)
        let solution = try solver.solve(program, timeLimitSeconds: 10, cancellation: nil)
        #expect(solution.status == .optimal && solution.values.map { $0.rounded() } == [0, 1, 1] && solution.objective == -20)
        #expect(try #require(solution.relativeGap) < 1e-6)
    }

    @Test func aCancelledSolveThrows() throws {
        let flag = CancellationFlag()
        flag.cancel()
        #expect(throws: LodestoneError.cancelled) { try solver.solve(LinearProgram(), timeLimitSeconds: 1, cancellation: flag) }
    }
}

/// The years a plan is built on are the years `priorities` reports.
@Suite struct SimulatedYearsTests {
    @Test func sampledYearsAreThePrioritiesYears() {
        let shocks: [[RestrictionRiskSimulation.Shock]] = [
            [.init(exporter: 1, probability: 0.2, shortfallTonnes: 10, costUSD: 1, lossUSD: 100),
             .init(exporter: 2, probability: 0.05, shortfallTonnes: 40, costUSD: 2, lossUSD: 300)],
            [.init(exporter: 1, probability: 0.1, shortfallTonnes: 5, costUSD: 1, lossUSD: 80)],
        ]
        let simulation = RestrictionRiskSimulation(shocks: shocks, severity: 0.3...1)
        let run = simulation.run(draws: 20_000, seed: 7)
        let years = simulation.years(draws: 20_000, seed: 7)
        for c in shocks.indices {
            let mean = years.shortfall[c].reduce(0, +) / 20_000, loss = years.loss[c].reduce(0, +) / 20_000
            #expect(abs(mean - run.moments(c, .shortfall).padded(to: 20_000).mean) < 1e-9 * max(1, mean))
            #expect(abs(loss - run.moments(c, .loss).padded(to: 20_000).mean) < 1e-9 * max(1, loss))
        }
    }
}

enum Solvers {
    static let cbc: CBCSolver? = try? CBCSolver()
}
