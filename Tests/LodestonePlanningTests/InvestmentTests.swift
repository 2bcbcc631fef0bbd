import Foundation
import LodestoneCore
import LodestoneSolver
import LodestoneStore
import LodestoneTestSupport
import Testing

/// The investment program on hand-built worlds with known optima, then on the bundled data.
@Suite(.enabled(if: Solvers.cbc != nil, "CBC is not installed here (sudo apt-get install coinor-libcbc3): planning tests skipped"))
struct InvestmentTests {
    var solver: CBCSolver { Solvers.cbc! }

    /// One stage short 100 t in half of 10 simulated years (loss 1,000 USD a tonne), 2025–2030.
    func world(_ supplies: [InvestmentProblem.Supply], budget: Double) -> InvestmentProblem {
        let stage = InvestmentProblem.Stage(commodity: "x", shortfallTonnes: [100, 100, 100, 100, 100], lossPerTonneUSD: [1000, 1000, 1000, 1000, 1000],
                                            draws: 10, growthRate: 0, importerShare: 0.1)
        return InvestmentProblem(stages: [stage], supplies: supplies, baseYear: 2024, horizon: 2030, budgetUSD: budget)
    }

    func solve(_ problem: InvestmentProblem) throws -> Set<Int> {
        let (program, columns) = problem.program()
        let solution = try solver.solve(program, timeLimitSeconds: 10, cancellation: nil)
        #expect(solution.status == .optimal)
        let chosen = Set(columns.enumerated().filter { solution.values[$0.offset] > 0.5 }.map(\.element))
        // The program's objective is the exact loss of its portfolio (every breakpoint kept).
        #expect(abs(try #require(solution.objective) - problem.totalLoss(financed: chosen)) < 1e-6 * max(1, problem.totalLoss(financed: [])))
        return chosen
    }

    @Test func aCheapEarlyProjectDominates() throws {
        let early = InvestmentProblem.Supply(stage: 0, capacityTonnes: 100, financedYear: 2026, capexUSD: 10, unfinancedYear: 2040, probability: 0.5)
        let late = InvestmentProblem.Supply(stage: 0, capacityTonnes: 100, financedYear: 2029, capexUSD: 50, unfinancedYear: 2040, probability: 0.5)
        let problem = world([late, early], budget: 100)
        let chosen = try solve(problem)
        #expect(chosen.contains(1))
        #expect(abs(problem.totalLoss(financed: chosen) - problem.totalLoss(financed: [1])) < 1e-9)
        // 2025 stays open (nothing delivers before 2026): 0.5 × 100 t × 1,000 USD.
        #expect(abs(problem.totalLoss(financed: [1]) - 50_000) < 1e-6)
    }

    @Test func aBudgetThatFitsOneOfTwoTakesTheBetter() throws {
        let small = InvestmentProblem.Supply(stage: 0, capacityTonnes: 60, financedYear: 2026, capexUSD: 50, unfinancedYear: 2040, probability: 0.5)
        let large = InvestmentProblem.Supply(stage: 0, capacityTonnes: 100, financedYear: 2026, capexUSD: 50, unfinancedYear: 2040, probability: 0.5)
        let problem = world([small, large], budget: 60)
        #expect(try solve(problem) == [1])
        #expect(try solve(world([small, large], budget: 40)).isEmpty, "nothing fits")
        // The heuristic agrees here; an unpublished capex is never a candidate.
        #expect(problem.greedy() == [1])
        var unpriced = large
        unpriced.capexUSD = nil
        #expect(world([unpriced], budget: 1e9).candidates.isEmpty)
    }

    @Test func theOptimumBeatsTheRatioHeuristicWhenItShould() throws {
        // Ratio ranks the cheap small project first, which then leaves no room for the one that closes the gap.
        let cheap = InvestmentProblem.Supply(stage: 0, capacityTonnes: 30, financedYear: 2026, capexUSD: 10, unfinancedYear: 2040, probability: 0)
        let closer = InvestmentProblem.Supply(stage: 0, capacityTonnes: 100, financedYear: 2026, capexUSD: 95, unfinancedYear: 2040, probability: 0)
        let problem = world([cheap, closer], budget: 100)
        let optimum = try solve(problem), heuristic = problem.greedy()
        #expect(optimum == [1] && heuristic == [0])
        #expect(problem.totalLoss(financed: optimum) < problem.totalLoss(financed: heuristic))
    }

    @Test func onTheBundledDataARestrictingCountrysProjectNeverHelps() throws {
        let dataset = Fixtures.bundledDataset
        let projects = [
            Project(id: "cn-ga", name: "Chinese gallium", owner: "x", country: "CHN", stage: "gallium:refined", capacityTonnes: 100,
                    capacityBasis: "t Ga", status: .construction, startYear: 2026, capexUSD: 1e6, source: "test"),
            Project(id: "us-ga", name: "US gallium", owner: "x", country: "USA", stage: "gallium:refined", capacityTonnes: 20,
                    capacityBasis: "t Ga", status: .construction, startYear: 2026, capexUSD: 5e7, source: "test"),
            Project(id: "nowhere", name: "Synthetic graphite", owner: "x", country: "USA", stage: "graphite:synthetic", capacityTonnes: 1000,
                    capacityBasis: "t", status: .feasibility, startYear: 2028, capexUSD: 1e8, source: "test"),
        ]
        let history = try ScenarioLibrary.presets().map { try $0.resolve(in: dataset) }
        let plan = try dataset.planInvestment(
            for: try dataset.resolveImporter("US-Japan"),
            options: InvestmentOptions(year: 2024, horizon: 2030, budgetUSD: 1e9, draws: 1000, seed: 1),
            projects: projects, planning: try ProjectLibrary.planningParameters(), model: try ScenarioLibrary.riskModel(),
            parameters: try ScenarioLibrary.marketParameters(), history: history, solver: solver)
        #expect(plan.notModelled.contains { $0.project == "cn-ga" && $0.reason.contains("restricted exports") })
        #expect(plan.notModelled.contains { $0.project == "nowhere" && $0.reason.contains("not in the data") })
        #expect(plan.projects.map(\.project.id) == ["us-ga"] && plan.projects[0].financed)
        #expect(plan.expectedLossAfterUSD < plan.expectedLossBeforeUSD && plan.heuristicExpectedLossAfterUSD >= plan.expectedLossAfterUSD - 1e-6)
        #expect(plan.gaps.allSatisfy { $0.capacityAfterTonnes >= $0.capacityBeforeTonnes })
        #expect(plan.valueOfFasterPermittingUSD >= -1e-6, "the re-optimised plan with faster permitting is never worse")
        // Outside the partner group a project is not financed; with none left the plan says so.
        #expect(throws: LodestoneError.self) {
            try dataset.planInvestment(
                for: try dataset.resolveImporter("US-Japan"),
                options: InvestmentOptions(year: 2024, horizon: 2030, budgetUSD: 1e9, draws: 200, seed: 1, partners: ["AUS"]),
                projects: projects, planning: try ProjectLibrary.planningParameters(), model: try ScenarioLibrary.riskModel(),
                parameters: try ScenarioLibrary.marketParameters(), history: history, solver: solver)
        }
    }

    @Test func theBundledProjectsFileLoadsWithSources() throws {
        let projects = try ProjectLibrary.projects()
        #expect(projects.count >= 60)
        #expect(projects.allSatisfy { !$0.source.isEmpty && $0.url.hasPrefix("http") && $0.capacityTonnes > 0 && $0.capexUSD.map { $0 > 0 } ?? true })
        let families = Set(projects.map { $0.stage.split(separator: ":")[0] })
        #expect(families.isSuperset(of: ["rare-earth", "heavy-rare-earth", "gallium", "germanium", "graphite", "antimony", "tungsten", "lithium", "nickel", "cobalt"]))
    }

    @Test func badProjectFilesSayWhereAndWhat() throws {
        let file = Fixtures.temporaryDirectory().appendingPathComponent("p.csv").path
        let header = ProjectLibrary.columns.joined(separator: ",") + "\n"
        func write(_ body: String) { FileManager.default.createFile(atPath: file, contents: Data(body.utf8)) }
        write(header + "a,A,o,USA,gallium:refined,-5,t Ga,1,construction,2027,10,2025,s,http://x,\n")
        #expect { try ProjectLibrary.projects(at: file) } throws: { "\($0)".contains("p.csv:2") && "\($0)".contains("capacity_tonnes") }
        write(header + "a,A,o,USA,gallium:refined,5,t Ga,1,construction,2027,0,2025,s,http://x,\n")
        #expect { try ProjectLibrary.projects(at: file) } throws: { "\($0)".contains("never 0") }
        write("id,name,colour\na,b,c\n")
        #expect { try ProjectLibrary.projects(at: file) } throws: { "\($0)".contains("unknown column 'colour'") }
        write(header + "a,A,o,USA,gallium:refined,5,t Ga,1,planned,2027,,2025,s,http://x,\n")
        #expect { try ProjectLibrary.projects(at: file) } throws: { "\($0)".contains("status 'planned'") }
    }
}

/// The stockpile plan on the bundled data: the figures a fresh Monte Carlo gives agree.
@Suite(.enabled(if: Solvers.cbc != nil, "CBC is not installed here (sudo apt-get install coinor-libcbc3): planning tests skipped"))
struct StockpilePlanTests {
    @Test func aPlansExpectedLossAgreesWithAFreshMonteCarloOfIt() throws {
        let dataset = Fixtures.bundledDataset
        let history = try ScenarioLibrary.presets().map { try $0.resolve(in: dataset) }
        let plan = try dataset.planStockpile(
            for: try dataset.resolveImporter("JPN"), options: StockpileOptions(year: 2024, draws: 4000, seed: 11, budgetUSD: 1e8),
            model: try ScenarioLibrary.riskModel(), parameters: try ScenarioLibrary.marketParameters(), history: history,
            commodities: ["gallium:refined", "rare-earth:refined", "heavy-rare-earth:refined", "graphite:mine"], solver: Solvers.cbc!)
        #expect(plan.status == .optimal && plan.spentUSD <= 1e8 * (1 + 1e-6) && plan.spentUSD > 0)
        #expect(plan.expectedLossAfterUSD < plan.expectedLossBeforeUSD)
        // In-sample and fresh-sample figures agree within three combined standard errors.
        let tolerance = 3 * (plan.expectedLossAfterStandardError * plan.expectedLossAfterStandardError
                             + plan.evaluation.expectedLossAfterStandardError * plan.evaluation.expectedLossAfterStandardError).squareRoot()
        #expect(abs(plan.expectedLossAfterUSD - plan.evaluation.expectedLossAfterUSD) <= tolerance,
                "\(plan.expectedLossAfterUSD) vs fresh \(plan.evaluation.expectedLossAfterUSD) ± \(tolerance)")
        for item in plan.items {
            #expect(abs(item.daysOfCover - item.stockTonnes / item.consumptionTonnes * 365) < 1e-9)
            #expect(item.stockTonnes <= item.purchaseLimitTonnes * (1 + 1e-9))
        }
        // More budget never avoids less loss.
        let avoided = plan.frontier.map(\.expectedLossAvoidedUSD)
        #expect(zip(avoided, avoided.dropFirst()).allSatisfy { $0 <= $1 + 1e-6 * max(1, $1) })
        #expect(plan.marginalValueOfBudget > 0)

        // A disruption lasting three years draws the stock down over all of them, events three
        // times rarer. Without consumers' working stocks, the first year's precautionary buying
        // and licensing delay happen once, so the loss a year without stock is lower; with them
        // (the bundled parameters), 1.5 months of stocks drawn once outweigh that, so it is
        // higher, and the plan's stock covers less of it (on this sample 123 → 144 M USD a year;
        // without working stocks 173 → 162 M).
        func planned(years: Double, stocks: Bool) throws -> StockpilePlan {
            var parameters = try ScenarioLibrary.marketParameters()
            if !stocks {
                parameters.defaults.stockMonths = 0
                for name in parameters.classes.keys { parameters.classes[name]?.stockMonths = nil }
                for name in parameters.commodities.keys { parameters.commodities[name]?.stockMonths = nil }
            }
            var options = StockpileOptions(year: 2024, draws: 4000, seed: 11, budgetUSD: 1e8)
            options.disruptionYears = years
            return try dataset.planStockpile(
                for: try dataset.resolveImporter("JPN"), options: options, model: try ScenarioLibrary.riskModel(), parameters: parameters,
                history: history, commodities: ["gallium:refined", "rare-earth:refined", "heavy-rare-earth:refined", "graphite:mine"],
                solver: Solvers.cbc!)
        }
        let longer = try planned(years: 3, stocks: true)
        let (oneNoStocks, threeNoStocks) = (try planned(years: 1, stocks: false), try planned(years: 3, stocks: false))
        print("JPN stockpile, expected loss a year before → after, 1 vs 3-year disruptions: \(plan.expectedLossBeforeUSD) → \(plan.expectedLossAfterUSD) "
              + "vs \(longer.expectedLossBeforeUSD) → \(longer.expectedLossAfterUSD); without working stocks \(oneNoStocks.expectedLossBeforeUSD) "
              + "vs \(threeNoStocks.expectedLossBeforeUSD)")
        #expect(threeNoStocks.expectedLossBeforeUSD < oneNoStocks.expectedLossBeforeUSD && oneNoStocks.expectedLossBeforeUSD > plan.expectedLossBeforeUSD)
        #expect(longer.expectedLossBeforeUSD > plan.expectedLossBeforeUSD)
        #expect(longer.expectedLossAfterUSD > plan.expectedLossAfterUSD)
        // The chance a year starts a disruption that leaves Japan short: three-year disruptions
        // start a third as often, and more of them leave it short (its working stocks run out), but
        // not three times as many.
        func chance(_ p: StockpilePlan) throws -> Double { try #require(p.items.first { $0.commodity == "heavy-rare-earth:refined" }).annualProbability }
        let (yearly, threeYearly) = (try chance(plan), try chance(longer))
        print("JPN heavy rare earths, P(short) a year, 1 vs 3-year disruptions: \(yearly) vs \(threeYearly)")
        #expect(threeYearly > 0 && threeYearly < yearly)
    }

    /// A plan with nothing to do has its own error, the one a group's pooling skips a member
    /// for; a bad range stays a usage error and is not mistaken for it.
    @Test func anImporterThatNeverFallsShortHasItsOwnError() throws {
        let dataset = Fixtures.bundledDataset
        let history = try ScenarioLibrary.presets().map { try $0.resolve(in: dataset) }
        func plan(_ importer: String, _ options: StockpileOptions) throws -> StockpilePlan {
            try dataset.planStockpile(for: try dataset.resolveImporter(importer), options: options, model: try ScenarioLibrary.riskModel(),
                                      parameters: try ScenarioLibrary.marketParameters(), history: history,
                                      commodities: ["gallium:refined"], solver: Solvers.cbc!)
        }
        let options = StockpileOptions(year: 2024, draws: 2000, seed: 11, budgetUSD: nil)
        // China restricts no one but others, so its gallium never falls short in the model.
        #expect { try plan("CHN", options) } throws: { error in
            guard case .nothingFallsShort(let message) = error as? LodestoneError else { return false }
            return message.contains("no stage of China falls short")
        }
        // A stage the data cannot assess is not one that never falls short: its reason is given.
        #expect { try plan("DNK", options) } throws: { error in
            guard case .nothingFallsShort(let message) = error as? LodestoneError else { return false }
            return message.hasPrefix("nothing to plan for Denmark: not assessable: gallium:refined (Denmark has no apparent consumption")
        }
        var bad = options
        bad.holdingCostRate = 2
        #expect(throws: LodestoneError.invalidParameter("holding rate 2.0 must be in (0, 1] a year, e.g. 0.06")) { try plan("JPN", bad) }
    }
}
