/// How large strategic stocks should be: `StockpileProblem` built on the simulated disruption
/// years of `priorities` (same risk model, seed and draws, so the two agree), solved by a real
/// LP solver, then checked on an independent sample of years.
public struct StockpileOptions: Sendable, Hashable {
    public var year: Int
    public var draws: Int
    public var seed: UInt64
    public var budgetUSD: Double?
    /// Annual cost of holding stock as a share of its value (capital, storage, insurance).
    public var holdingCostRate: Double
    /// Share of a year's world output of a stage the plan may buy without moving its price.
    public var purchaseShare: Double
    public var timeLimitSeconds: Double
    /// How long a disruption lasts, years (1–10, `RestrictionScenario.longestDurationYears`). Each
    /// simulated restriction is then the scenario engine's D-year run (the first year's
    /// precautionary buying and licensing delay once, consumers' stocks drawn once), drawing the
    /// stock down over all of it, and such events start D times less often. 1: the yearlong
    /// disruption of the USGS 2025 method.
    public var disruptionYears: Double = 1

    public static let defaultHoldingCostRate = 0.06
    public static let defaultPurchaseShare = 0.02
    /// The default selection's threshold: the moderate tier's lower bound (`PriorityTier`).
    public static let priorityLossShare = 0.01

    public init(year: Int, draws: Int, seed: UInt64, budgetUSD: Double?, holdingCostRate: Double = defaultHoldingCostRate,
                purchaseShare: Double = defaultPurchaseShare, timeLimitSeconds: Double = 60) {
        self.year = year
        self.draws = draws
        self.seed = seed
        self.budgetUSD = budgetUSD
        self.holdingCostRate = holdingCostRate
        self.purchaseShare = purchaseShare
        self.timeLimitSeconds = timeLimitSeconds
    }

    /// The options' ranges, the one place they are checked (the engine calls this before it
    /// looks anything up or loads a solver; `planStockpile` again). It reads no year.
    public func validate() throws(LodestoneError) {
        guard draws >= 1 else { throw .invalidParameter("draws \(draws) must be at least 1") }
        if let budget = budgetUSD, !(budget.isFinite && budget >= 0) {
            throw .invalidParameter("budget \(budget) must be a finite amount of USD ≥ 0, e.g. 1e9")
        }
        guard timeLimitSeconds.isFinite, timeLimitSeconds > 0 else { throw .invalidParameter("time limit \(timeLimitSeconds) s must be > 0") }
        guard holdingCostRate.isFinite, holdingCostRate > 0, holdingCostRate <= 1 else {
            throw .invalidParameter("holding rate \(holdingCostRate) must be in (0, 1] a year, e.g. 0.06")
        }
        guard purchaseShare.isFinite, purchaseShare > 0, purchaseShare <= 1 else {
            throw .invalidParameter("purchase share \(purchaseShare) must be in (0, 1] of a year's world output, e.g. 0.02")
        }
        guard disruptionYears.isFinite, (1...RestrictionScenario.longestDurationYears).contains(disruptionYears) else {
            throw .invalidParameter("disruption length \(disruptionYears) years must be 1–\(Int(RestrictionScenario.longestDurationYears)), as long as a scenario may last")
        }
    }
}

public struct StockpilePlan: Sendable, Hashable, Codable {
    public struct Item: Sendable, Hashable, Codable {
        public var commodity: CommodityID
        public var name: String
        public var consumptionTonnes: Double
        public var priceUSDPerTonne: Double
        public var stockTonnes: Double
        /// stock ÷ consumption × 365.
        public var daysOfCover: Double
        public var purchaseLimitTonnes: Double
        /// What stopped the stock growing: "purchase limit", "budget", "holding cost" (a tonne more
        /// saves less than it costs to hold), or "not worth holding".
        public var limitedBy: String
        public var costUSD: Double
        public var holdingCostUSDPerYear: Double
        public var expectedLossBeforeUSD: Double
        public var expectedLossAfterUSD: Double
        /// The chance that a year starts a disruption that leaves the importer short of this stage.
        public var annualProbability: Double
    }

    public struct FrontierPoint: Sendable, Hashable, Codable {
        public var budgetUSD: Double
        public var spentUSD: Double
        public var expectedLossAvoidedUSD: Double
        public var holdingCostUSDPerYear: Double
    }

    /// The plan's figures on years it was not built on (another seed).
    public struct Evaluation: Sendable, Hashable, Codable {
        public var seed: UInt64
        public var draws: Int
        public var expectedLossBeforeUSD: Double
        public var expectedLossAfterUSD: Double
        public var expectedLossAfterStandardError: Double
    }

    public var importer: String
    public var year: Int
    public var draws: Int
    public var seed: UInt64
    public var solver: String
    public var status: LinearProgramSolution.Status
    public var solveSeconds: Double
    public var variables: Int
    public var constraints: Int
    public var budgetUSD: Double?
    public var holdingCostRate: Double
    public var purchaseShare: Double
    public var disruptionYears: Double
    public var spentUSD: Double
    public var holdingCostUSDPerYear: Double
    public var expectedLossBeforeUSD: Double
    public var expectedLossAfterUSD: Double
    public var expectedLossAfterStandardError: Double
    /// Expected loss avoided per extra dollar of budget (finite difference of +1 %); 0 when the
    /// budget does not bind.
    public var marginalValueOfBudget: Double
    public var items: [Item]
    public var frontier: [FrontierPoint]
    public var evaluation: Evaluation
    public var notAssessed: [RestrictionRisk.NotAssessed]
}

extension Dataset {
    /// Sizes stocks for `importer` over `selection` (nil: each family at its most exposed
    /// consumed stage, as `priorities` ranks them). Stages whose simulated years never fall short
    /// get no row; stages the data cannot assess are in `notAssessed`.
    public func planStockpile(
        for importer: Importer, options: StockpileOptions, model: RestrictionRiskModel, parameters: MarketParameters,
        history: [RestrictionScenario], commodities selection: [CommodityID]?, solver: any LinearProgramSolver,
        cancellation: CancellationFlag? = nil
    ) throws(LodestoneError) -> StockpilePlan {
        try options.validate()
        let stages = selection ?? valueChainStages.map(\.id)
        let sample = try stockpileYears(for: importer, year: options.year, draws: options.draws, seed: options.seed, model: model,
                                        parameters: parameters, history: history, commodities: stages, cancellation: cancellation,
                                        disruptionYears: options.disruptionYears)
        let chosen = Self.plannedStages(of: sample, selection: selection)
        guard !chosen.isEmpty else {
            throw .nothingFallsShort(Self.nothingToPlan(for: importer, sample: sample, draws: options.draws, named: selection != nil))
        }
        let items = chosen.map { c in
            StockpileProblem.Item(commodity: sample.infos[c].id, priceUSDPerTonne: sample.markets[c].unitValue * 1000,
                                  holdingCostRate: options.holdingCostRate,
                                  purchaseLimitTonnes: options.purchaseShare * worldProductionTonnes(of: sample.infos[c], year: options.year))
        }
        let problem = StockpileProblem(items: items, years: sample.years(chosen), budgetUSD: options.budgetUSD,
                                       sampleSize: options.draws)
        try problem.validate()

        let started = ContinuousClock.now
        let program = problem.linearProgram()
        cancellation?.begin("solving the stockpile LP (\(program.columns.count) columns) with \(solver.name)")
        let solution = try solver.solve(program, timeLimitSeconds: options.timeLimitSeconds, cancellation: cancellation)
        let seconds = (ContinuousClock.now - started) / .seconds(1)
        let stock = try Self.stock(from: solution, items: items.count)

        let before = problem.evaluate(stock: [Double](repeating: 0, count: items.count))
        let after = problem.evaluate(stock: stock)
        let spent = zip(items, stock).reduce(0) { $0 + $1.0.priceUSDPerTonne * $1.1 }
        let budgetBinds = options.budgetUSD.map { spent >= $0 * (1 - 1e-6) } ?? false

        let (marginal, frontier) = try budgetFrontier(problem, items: items, options: options, solver: solver, before: before.total,
                                                      after: after.total, spent: spent, budgetBinds: budgetBinds, cancellation: cancellation)

        // A fresh Monte Carlo of the plan on years it was not built on.
        let otherSeed = options.seed &+ 1
        let fresh = try stockpileYears(for: importer, year: options.year, draws: options.draws, seed: otherSeed, model: model,
                                       parameters: parameters, history: history, commodities: stages, cancellation: cancellation,
                                       disruptionYears: options.disruptionYears)
        let freshIndex = chosen.map { c in fresh.infos.firstIndex { $0.id == sample.infos[c].id } }
        let freshYears = fresh.years(freshIndex.compactMap { $0 })
        var evaluationProblem = problem
        evaluationProblem.years = freshIndex.allSatisfy({ $0 != nil }) ? freshYears : []
        let freshBefore = evaluationProblem.evaluate(stock: [Double](repeating: 0, count: items.count))
        let freshAfter = evaluationProblem.evaluate(stock: stock)

        let planItems = Self.planItems(items, stock: stock, chosen: chosen, sample: sample, before: before.expectedLossUSD,
                                       after: after.expectedLossUSD, budgetBinds: budgetBinds, holdingCostRate: options.holdingCostRate)
        return StockpilePlan(
            importer: importer.id, year: options.year, draws: options.draws, seed: options.seed, solver: solution.solver,
            status: solution.status, solveSeconds: seconds, variables: program.columns.count, constraints: program.rows.count,
            budgetUSD: options.budgetUSD, holdingCostRate: options.holdingCostRate, purchaseShare: options.purchaseShare,
            disruptionYears: options.disruptionYears,
            spentUSD: spent, holdingCostUSDPerYear: spent * options.holdingCostRate, expectedLossBeforeUSD: before.total,
            expectedLossAfterUSD: after.total, expectedLossAfterStandardError: after.standardError, marginalValueOfBudget: marginal,
            items: planItems.sorted { ($0.expectedLossBeforeUSD, $1.commodity.rawValue) > ($1.expectedLossBeforeUSD, $0.commodity.rawValue) },
            frontier: frontier,
            evaluation: .init(seed: otherSeed, draws: options.draws, expectedLossBeforeUSD: freshBefore.total,
                              expectedLossAfterUSD: freshAfter.total, expectedLossAfterStandardError: freshAfter.standardError),
            notAssessed: sample.notAssessed)
    }

    /// Each planned stage's row: its stock, days of cover, cost, loss before and after, and what
    /// limited the stock.
    private static func planItems(_ items: [StockpileProblem.Item], stock: [Double], chosen: [Int], sample: StockpileSample,
                                  before: [Double], after: [Double], budgetBinds: Bool, holdingCostRate: Double) -> [StockpilePlan.Item] {
        items.indices.map { i in
            let c = chosen[i], item = items[i], consumption = sample.markets[c].consumption
            let limitedBy: String
            if stock[i] <= 1e-9 { limitedBy = "not worth holding" }
            else if stock[i] >= item.purchaseLimitTonnes * (1 - 1e-6) { limitedBy = "purchase limit" }
            else if budgetBinds { limitedBy = "budget" }
            else { limitedBy = "holding cost" }
            return StockpilePlan.Item(
                commodity: item.commodity, name: sample.infos[c].name, consumptionTonnes: consumption, priceUSDPerTonne: item.priceUSDPerTonne, stockTonnes: stock[i],
                daysOfCover: consumption > 0 ? stock[i] / consumption * 365 : 0, purchaseLimitTonnes: item.purchaseLimitTonnes,
                limitedBy: limitedBy, costUSD: stock[i] * item.priceUSDPerTonne,
                holdingCostUSDPerYear: stock[i] * item.priceUSDPerTonne * holdingCostRate,
                expectedLossBeforeUSD: before[i], expectedLossAfterUSD: after[i],
                annualProbability: sample.annualProbability(c))
        }
    }

    /// Why a plan has no stage: none the sample assessed falls short, or none could be assessed.
    /// Stages the caller named get their reasons; the default selection's are in `priorities`.
    private static func nothingToPlan(for importer: Importer, sample: StockpileSample, draws: Int, named: Bool) -> String {
        let reasons = sample.notAssessed.map { named ? "\($0.commodity.rawValue) (\($0.reason))" : $0.commodity.rawValue }
        guard !sample.infos.isEmpty || reasons.isEmpty else {
            return "nothing to plan for \(importer.name): not assessable: " + reasons.joined(separator: "; ")
        }
        return "no \(reasons.isEmpty ? "" : "assessable ")stage of \(importer.name) falls short in \(draws) simulated years, "
            + "so no stock is worth holding"
            + (reasons.isEmpty ? "" : "; not assessable: " + reasons.joined(separator: "; ")
                + (named ? "" : " (their reasons: 'lodestone priorities --format json')"))
    }

    /// The sample's stages to plan: without a selection, each family at its most exposed stage
    /// (by mean loss share, as `priorities` ranks them) if it is a priority (expected loss ≥ 1 %
    /// of consumption value: moderate tier or above); a named stage whenever it can fall short.
    private static func plannedStages(of sample: StockpileSample, selection: [CommodityID]?) -> [Int] {
        guard selection == nil else { return sample.infos.indices.filter { sample.meanLoss($0) > 0 } }
        var best: [String: Int] = [:], order: [String] = []
        for c in sample.infos.indices {
            let family = sample.infos[c].family
            if best[family] == nil { order.append(family) }
            if best[family].map({ sample.lossShare(c) > sample.lossShare($0) }) ?? true { best[family] = c }
        }
        return order.compactMap { best[$0] }.filter { sample.meanLoss($0) > 0 && sample.lossShare($0) >= StockpileOptions.priorityLossShare }
    }

    /// The marginal value of the budget (+1 % re-solved, a million USD on a budget of 0) when it
    /// binds, and the frontier: the same program at 0.1–4× the budget (or what was spent).
    private func budgetFrontier(
        _ problem: StockpileProblem, items: [StockpileProblem.Item], options: StockpileOptions, solver: any LinearProgramSolver,
        before: Double, after: Double, spent: Double, budgetBinds: Bool, cancellation: CancellationFlag?
    ) throws(LodestoneError) -> (marginal: Double, frontier: [StockpilePlan.FrontierPoint]) {
        func lossAndSpend(budget: Double?) throws(LodestoneError) -> (loss: Double, spent: Double, holding: Double) {
            var other = problem
            other.budgetUSD = budget
            cancellation?.begin("solving the stockpile LP at a budget of \(budget.map { String(Int($0)) } ?? "no limit") USD (the frontier)")
            let s = try Self.stock(from: solver.solve(other.linearProgram(), timeLimitSeconds: options.timeLimitSeconds, cancellation: cancellation),
                                   items: items.count)
            let paid = zip(items, s).reduce(0) { $0 + $1.0.priceUSDPerTonne * $1.1 }
            return (other.evaluate(stock: s).total, paid, paid * options.holdingCostRate)
        }
        var marginal = 0.0
        if budgetBinds, let budget = options.budgetUSD {
            let step = budget > 0 ? budget * 0.01 : 1e6
            let more = try lossAndSpend(budget: budget + step)
            marginal = (after - more.loss) / step
        }
        let reference = options.budgetUSD ?? spent
        var frontier: [StockpilePlan.FrontierPoint] = []
        if reference > 0 {
            for factor in [0.1, 0.25, 0.5, 1, 2, 4] {
                let budget = reference * factor
                let point = factor == 1 && options.budgetUSD != nil ? (after, spent, spent * options.holdingCostRate) : try lossAndSpend(budget: budget)
                frontier.append(.init(budgetUSD: budget, spentUSD: point.1, expectedLossAvoidedUSD: before - point.0,
                                      holdingCostUSDPerYear: point.2))
            }
        }
        return (marginal, frontier)
    }

    /// The first `items` values of a solution; an infeasible, unbounded or unsolved program is an
    /// error that says so, never an empty plan.
    package static func stock(from solution: LinearProgramSolution, items: Int) throws(LodestoneError) -> [Double] {
        switch solution.status {
        case .optimal, .timeLimitWithSolution:
            return solution.values.prefix(items).map { max(0, $0) }
        case .infeasible:
            throw .invalidParameter("the stockpile program is infeasible (\(solution.solver)): check the budget and purchase limits")
        case .unbounded:
            throw .invalidParameter("the stockpile program is unbounded (\(solution.solver)): a stage has no purchase limit or price")
        case .timeLimitWithoutSolution:
            throw .invalidParameter("the solver found no plan within its time limit: ask for fewer draws or commodities, or a longer limit")
        }
    }

    /// Countries' apparent consumption of a stage in `year` (production + imports − exports,
    /// anchored as every computation sees it), tonnes, in their order; 0 for a country the data
    /// do not know, all 0 for an unknown stage. One trade network for all of them.
    public func consumptionTonnes(of id: CommodityID, countries codes: [CountryCode], year: Int) -> [Double] {
        guard let info = commodity(id) else { return codes.map { _ in 0 } }
        let network = TradeNetwork(self, commodity: info, year: year)
        return codes.map { code in countryIndex[code].map { network.consumption[Int($0)] } ?? 0 }
    }

    /// World output of a stage in `year` (its latest year on record before, else its first),
    /// tonnes, with a cited world total where the named countries do not add up to it.
    public func worldProductionTonnes(of info: Commodity, year: Int) -> Double {
        guard let index = commodityIndex[info.id], let chosen = productionYear(of: info.id, near: year),
              let slice = production[ProductionKey(commodity: index, year: chosen)] else { return 0 }
        return max(slice.tonnes.reduce(0, +), info.productionWorldTonnes ?? 0)
    }

    /// The simulated years of `priorities` for `stages`, per commodity and draw.
    struct StockpileSample {
        var infos: [Commodity]
        var markets: [(consumption: Double, unitValue: Double, basis: TradeBasis)]
        var shortfall: [[Double]]
        var loss: [[Double]]
        var notAssessed: [RestrictionRisk.NotAssessed]
        /// Per commodity, the exporters the risk model can make restrict it.
        var exporters: [[CountryCode]] = []
        /// D: how long each simulated disruption lasts; `shortfall` and `loss` are over all of it
        /// (the scenario engine's run of D years: the first year's frictions once).
        var disruptionYears: Double = 1

        /// Mean loss per year: a disruption of D years is D times rarer than a yearly draw.
        func meanLoss(_ c: Int) -> Double { loss[c].reduce(0, +) / Double(max(1, loss[c].count)) / disruptionYears }
        func lossShare(_ c: Int) -> Double { meanLoss(c) / max(1e-300, markets[c].consumption * 1000 * markets[c].unitValue) }
        /// The chance that a year starts a disruption leaving the importer short: the share of draws
        /// with a shortfall, over D (a disruption of D years starts D times less often, as in `meanLoss`).
        func annualProbability(_ c: Int) -> Double {
            Double(shortfall[c].filter { $0 > 0 }.count) / Double(max(1, shortfall[c].count)) / disruptionYears
        }

        /// Equal-weight years over the commodities `chosen`, loss per tonne = loss ÷ shortfall; a
        /// disruption of D years carries its D years of shortfall at 1/D of the weight.
        func years(_ chosen: [Int]) -> [StockpileProblem.Year] {
            let draws = shortfall.first?.count ?? 0
            return (0..<draws).compactMap { d in
                let s = chosen.map { shortfall[$0][d] }
                guard s.contains(where: { $0 > 0 }) else { return nil }
                return StockpileProblem.Year(weight: 1 / Double(draws) / disruptionYears, shortfallTonnes: s,
                                             lossPerTonneUSD: chosen.map { shortfall[$0][d] > 0 ? loss[$0][d] / shortfall[$0][d] : 0 })
            }
        }
    }

    func stockpileYears(
        for importer: Importer, year: Int, draws: Int, seed: UInt64, model: RestrictionRiskModel, parameters: MarketParameters,
        history: [RestrictionScenario], commodities: [CommodityID], cancellation: CancellationFlag?, disruptionYears: Double = 1
    ) throws(LodestoneError) -> StockpileSample {
        let inputs = try restrictionRiskInputs(for: importer, year: year, model: model, parameters: parameters, history: history,
                                               commodities: commodities, cancellation: cancellation,
                                               disruptionYears: disruptionYears) { (count: Int) throws(LodestoneError) in
            // 2 doubles per commodity and draw, twice (the plan's years and the independent ones).
            let bytes = Double(count) * Double(draws) * 16 * 2
            guard bytes <= Double(RestrictionRisk.memoryLimitBytes) else {
                throw .invalidParameter("\(draws) draws for \(count) stages would hold about \(Int(bytes) >> 20) MB of simulated years, "
                    + "over the \(RestrictionRisk.memoryLimitBytes >> 20) MB limit: ask for fewer draws or name fewer commodities")
            }
        }
        try cancellation.check()
        let simulation = RestrictionRiskSimulation(shocks: inputs.shocks, severity: model.severityMin...model.severityMax, knots: inputs.knots)
        cancellation.begin("simulating \(draws) years of restrictions over \(inputs.infos.count) stages", total: draws)
        let (shortfall, loss) = simulation.years(draws: draws, seed: seed, cancellation: cancellation)
        try cancellation.check()
        return StockpileSample(infos: inputs.infos, markets: inputs.markets, shortfall: shortfall, loss: loss, notAssessed: inputs.notAssessed,
                               exporters: inputs.shocks.map { $0.map { countries[$0.exporter].code } }, disruptionYears: disruptionYears)
    }
}
