/// The investment portfolio: `InvestmentProblem` built on the simulated years of `priorities`
/// and the projects file, solved by a MILP solver, with the value of faster permitting, the
/// plan on an independent sample, and the fund-by-ratio heuristic beside it.
public struct InvestmentOptions: Sendable, Hashable {
    public var year: Int
    public var horizon: Int
    public var budgetUSD: Double
    public var permittingSpeedupYears: Int
    public var draws: Int
    public var seed: UInt64
    public var timeLimitSeconds: Double
    /// ISO3 codes of the partner group whose projects may be financed; nil: every country.
    public var partners: Set<String>?

    public init(year: Int, horizon: Int, budgetUSD: Double, permittingSpeedupYears: Int = 1, draws: Int, seed: UInt64, timeLimitSeconds: Double = 60,
                partners: Set<String>? = nil) {
        self.partners = partners
        self.year = year
        self.horizon = horizon
        self.budgetUSD = budgetUSD
        self.permittingSpeedupYears = permittingSpeedupYears
        self.draws = draws
        self.seed = seed
        self.timeLimitSeconds = timeLimitSeconds
    }

    /// The options' ranges, the one place they are checked (the engine calls this once it has
    /// the base year, before it looks up the importer or loads a solver; `planInvestment` again).
    public func validate() throws(LodestoneError) {
        guard draws >= 1 else { throw .invalidParameter("draws \(draws) must be at least 1") }
        guard budgetUSD.isFinite, budgetUSD >= 0 else { throw .invalidParameter("budget \(budgetUSD) must be a finite amount of USD ≥ 0, e.g. 5e9") }
        guard timeLimitSeconds.isFinite, timeLimitSeconds > 0 else { throw .invalidParameter("time limit \(timeLimitSeconds) s must be > 0") }
        guard (0...10).contains(permittingSpeedupYears) else {
            throw .invalidParameter("permitting speed-up \(permittingSpeedupYears) must be 0–10 years")
        }
        guard (1900...2200).contains(year) else { throw .invalidParameter("base year \(year) is not a plausible year; give one like 2022") }
        guard horizon > year, horizon <= year + 40 else {
            throw .invalidParameter("horizon \(horizon) must be after the base year \(year) and at most 40 years on, e.g. --horizon 2035")
        }
    }
}

public struct InvestmentPlan: Sendable, Hashable, Codable {
    public struct Choice: Sendable, Hashable, Codable {
        public var project: Project
        public var financed: Bool
        /// Year its capacity counts: when financed, and (probability-weighted) when left alone.
        public var financedYear: Int
        public var unfinancedYear: Int
        public var probabilityUnfinanced: Double
        /// Expected loss avoided over the horizon by financing it alone, USD.
        public var lossAvoidedAloneUSD: Double
    }

    public struct Gap: Sendable, Hashable, Codable {
        public var commodity: CommodityID
        public var year: Int
        /// The shortfall of a typical disruption year (mean of the years that have one), tonnes.
        public var disruptionGapTonnes: Double
        public var capacityBeforeTonnes: Double
        public var capacityAfterTonnes: Double
        public var expectedShortfallBeforeTonnes: Double
        public var expectedShortfallAfterTonnes: Double
        public var expectedLossBeforeUSD: Double
        public var expectedLossAfterUSD: Double
    }

    public struct StageSummary: Sendable, Hashable, Codable {
        public var commodity: CommodityID
        public var growthRate: Double
        public var growthSource: String
        /// First year the plan's capacity covers a typical disruption year; nil: not by the horizon.
        public var gapClosedYearBefore: Int?
        public var gapClosedYearAfter: Int?
    }

    public struct NotModelled: Sendable, Hashable, Codable {
        public var project: String
        public var reason: String
    }

    public var importer: String
    public var baseYear: Int
    public var horizon: Int
    public var draws: Int
    public var seed: UInt64
    public var solver: String
    public var status: LinearProgramSolution.Status
    public var relativeGap: Double?
    public var solveSeconds: Double
    public var variables: Int
    public var integers: Int
    public var constraints: Int
    public var budgetUSD: Double
    public var capexUSD: Double
    /// Σ over the horizon of the expected loss, USD, with no project financed and with the plan.
    public var expectedLossBeforeUSD: Double
    public var expectedLossAfterUSD: Double
    /// The same on an independent sample of years (seed + 1).
    public var freshExpectedLossBeforeUSD: Double
    public var freshExpectedLossAfterUSD: Double
    /// The fund-by-ratio heuristic's portfolio, its capex and loss left.
    public var heuristicProjects: [String]
    public var heuristicCapexUSD: Double
    public var heuristicExpectedLossAfterUSD: Double
    /// Loss left with permitting `permittingSpeedupYears` faster (plan re-optimised), and the difference.
    public var permittingSpeedupYears: Int
    public var speedupExpectedLossAfterUSD: Double
    public var valueOfFasterPermittingUSD: Double
    public var projects: [Choice]
    public var stages: [StageSummary]
    public var gaps: [Gap]
    public var notModelled: [NotModelled]
    public var notAssessed: [RestrictionRisk.NotAssessed]
}

extension Dataset {
    public func planInvestment(
        for importer: Importer, options: InvestmentOptions, projects: [Project], planning: PlanningParameters,
        model: RestrictionRiskModel, parameters: MarketParameters, history: [RestrictionScenario], solver: any LinearProgramSolver,
        cancellation: CancellationFlag? = nil
    ) throws(LodestoneError) -> InvestmentPlan {
        try validate(options, projects: projects, planning: planning)
        var (usable, notModelled) = usableProjects(projects, options: options)
        let sample = try stockpileYears(for: importer, year: options.year, draws: options.draws, seed: options.seed, model: model,
                                        parameters: parameters, history: history, commodities: valueChainStages.map(\.id), cancellation: cancellation)
        let fresh = try stockpileYears(for: importer, year: options.year, draws: options.draws, seed: options.seed &+ 1, model: model,
                                       parameters: parameters, history: history, commodities: valueChainStages.map(\.id), cancellation: cancellation)
        var stages = investmentStages(sample: sample, fresh: fresh, wanted: Set(usable.map { CommodityID($0.stage) }),
                                      options: options, planning: planning)
        for project in usable where stages.index[CommodityID(project.stage)] == nil {
            notModelled.append(.init(project: project.id, reason: "\(importer.name) has no simulated shortfall of \(project.stage) (not assessable or never short)"))
        }
        usable = usable.filter { stages.index[CommodityID($0.stage)] != nil }
        let modelled = excludingRestrictingCountries(usable, history: history, notModelled: &notModelled)
        guard !modelled.isEmpty else {
            throw .nothingFallsShort("no candidate project supplies a stage \(importer.name) can fall short of; see the projects file")
        }

        func supplies(speedup: Int) -> [InvestmentProblem.Supply] {
            Self.supplies(modelled, stageIndex: stages.index, planning: planning, baseYear: options.year, speedup: speedup)
        }
        let problem = InvestmentProblem(stages: stages.sample, supplies: supplies(speedup: 0), baseYear: options.year,
                                        horizon: options.horizon, budgetUSD: options.budgetUSD)
        let (chosen, solution, program, seconds) = try solve(problem, with: solver, options: options, cancellation: cancellation)
        let before = problem.totalLoss(financed: []), after = problem.totalLoss(financed: chosen)
        let heuristic = problem.greedy()
        var faster = problem
        faster.supplies = supplies(speedup: options.permittingSpeedupYears)
        let (fastChosen, _, _, _) = try solve(faster, with: solver, options: options, cancellation: cancellation)
        let fastLoss = faster.totalLoss(financed: fastChosen)
        var freshProblem = problem
        freshProblem.stages = stages.fresh
        let gaps = gapsByYear(problem, financed: chosen, summaries: &stages.summaries)
        let choices = modelled.indices.map { p -> InvestmentPlan.Choice in
            let supply = problem.supplies[p]
            return .init(project: modelled[p], financed: chosen.contains(p), financedYear: supply.financedYear ?? supply.unfinancedYear,
                         unfinancedYear: supply.unfinancedYear, probabilityUnfinanced: supply.probability,
                         lossAvoidedAloneUSD: supply.isCandidate ? before - problem.totalLoss(financed: [p]) : 0)
        }.sorted { ($0.financed ? 1 : 0, $0.lossAvoidedAloneUSD, $1.project.id) > ($1.financed ? 1 : 0, $1.lossAvoidedAloneUSD, $0.project.id) }
        return InvestmentPlan(
            importer: importer.id, baseYear: options.year, horizon: options.horizon, draws: options.draws, seed: options.seed,
            solver: solution.solver, status: solution.status, relativeGap: solution.relativeGap, solveSeconds: seconds,
            variables: program.columns.count, integers: program.columns.filter(\.isInteger).count, constraints: program.rows.count,
            budgetUSD: options.budgetUSD, capexUSD: chosen.reduce(0) { $0 + (problem.supplies[$1].capexUSD ?? 0) },
            expectedLossBeforeUSD: before, expectedLossAfterUSD: after,
            freshExpectedLossBeforeUSD: freshProblem.totalLoss(financed: []), freshExpectedLossAfterUSD: freshProblem.totalLoss(financed: chosen),
            heuristicProjects: heuristic.map { modelled[$0].id }.sorted(),
            heuristicCapexUSD: heuristic.reduce(0) { $0 + (problem.supplies[$1].capexUSD ?? 0) },
            heuristicExpectedLossAfterUSD: problem.totalLoss(financed: heuristic),
            permittingSpeedupYears: options.permittingSpeedupYears, speedupExpectedLossAfterUSD: fastLoss,
            valueOfFasterPermittingUSD: after - fastLoss, projects: choices, stages: stages.summaries, gaps: gaps, notModelled: notModelled,
            notAssessed: sample.notAssessed)
    }

    /// What each project adds: its capacity from the year it is ready if financed (sooner by
    /// `speedup` years where permitting is still ahead), else later and with its status's probability.
    private static func supplies(_ projects: [Project], stageIndex: [CommodityID: Int], planning: PlanningParameters, baseYear: Int,
                                 speedup: Int) -> [InvestmentProblem.Supply] {
        projects.map { project in
            let entry = planning.entry(project.status)!
            let ready = max(project.startYear, baseYear + 1 + Int(entry.financedLeadYears.rounded(.up)))
            let financed = max(baseYear + 1, ready - (entry.permittingAhead ? speedup : 0))
            return .init(stage: stageIndex[CommodityID(project.stage)]!, capacityTonnes: project.stageTonnes,
                         financedYear: project.capexUSD == nil ? nil : financed, capexUSD: project.capexUSD,
                         unfinancedYear: ready + Int(entry.delayYearsUnfinanced.rounded()), probability: entry.probabilityUnfinanced)
        }
    }

    private func validate(_ options: InvestmentOptions, projects: [Project], planning: PlanningParameters) throws(LodestoneError) {
        try options.validate()
        try planning.validate()
        for project in projects where project.startYear < 1950 || project.startYear > 2100 {
            throw .invalidParameter("project \(project.id): start year \(project.startYear) is not a year")
        }
    }

    /// The projects the model can use (a stage in the data, in the partner group, not yet
    /// operating), and why not the others.
    private func usableProjects(_ projects: [Project], options: InvestmentOptions) -> ([Project], [InvestmentPlan.NotModelled]) {
        var notModelled: [InvestmentPlan.NotModelled] = []
        var usable: [Project] = []
        for project in projects {
            guard let info = commodity(CommodityID(project.stage)) else {
                notModelled.append(.init(project: project.id, reason: "stage \(project.stage) is not in the data (no trade or production series for it)"))
                continue
            }
            if let partners = options.partners, !partners.contains(project.country) {
                notModelled.append(.init(project: project.id, reason: "\(project.country) is outside the partner group"))
                continue
            }
            guard project.status != .operating else {
                notModelled.append(.init(project: project.id, reason: "operating: its output is already in the base-year supply of \(info.id)"))
                continue
            }
            usable.append(project)
        }
        return (usable, notModelled)
    }

    /// The problem's stages: each `wanted` stage with a simulated loss, from both samples (the
    /// second evaluates the plan on other years), their summaries, and each stage's index.
    private func investmentStages(sample: StockpileSample, fresh: StockpileSample, wanted: Set<CommodityID>, options: InvestmentOptions,
                                  planning: PlanningParameters)
        -> (sample: [InvestmentProblem.Stage], fresh: [InvestmentProblem.Stage], summaries: [InvestmentPlan.StageSummary], index: [CommodityID: Int]) {
        var result: (sample: [InvestmentProblem.Stage], fresh: [InvestmentProblem.Stage], summaries: [InvestmentPlan.StageSummary],
                     index: [CommodityID: Int]) = ([], [], [], [:])
        for c in sample.infos.indices where wanted.contains(sample.infos[c].id) && sample.meanLoss(c) > 0 {
            let info = sample.infos[c]
            let growth = planning.growth[info.family]
            let share = min(1, sample.markets[c].consumption / max(1e-300, worldProductionTonnes(of: info, year: options.year)))
            func stage(_ from: StockpileSample, _ index: Int) -> InvestmentProblem.Stage {
                let years = from.shortfall[index].indices.filter { from.shortfall[index][$0] > 0 }
                return .init(commodity: info.id, shortfallTonnes: years.map { from.shortfall[index][$0] },
                             lossPerTonneUSD: years.map { from.loss[index][$0] / from.shortfall[index][$0] }, draws: options.draws,
                             growthRate: growth?.rate ?? 0, importerShare: share)
            }
            guard let f = fresh.infos.firstIndex(where: { $0.id == info.id }) else { continue }
            result.index[info.id] = result.sample.count
            result.sample.append(stage(sample, c))
            result.fresh.append(stage(fresh, f))
            result.summaries.append(.init(commodity: info.id, growthRate: growth?.rate ?? 0,
                                          growthSource: growth?.source ?? "no published outlook: base-year consumption kept",
                                          gapClosedYearBefore: nil, gapClosedYearAfter: nil))
        }
        return result
    }

    /// A project in a country that has restricted exports (a restricting country of an event on
    /// record) would be withheld with the rest of its supply: it never closes the gap.
    private func excludingRestrictingCountries(_ projects: [Project], history: [RestrictionScenario],
                                               notModelled: inout [InvestmentPlan.NotModelled]) -> [Project] {
        let restricting = Set(history.flatMap(\.restricting).compactMap { country($0)?.iso3 })
        return projects.filter { project in
            guard restricting.contains(project.country) else { return true }
            notModelled.append(.init(project: project.id, reason: "\(project.country) has restricted exports in the events on record "
                + "(\(restricting.sorted().joined(separator: ", "))): its output would be withheld with the rest, so it cannot close the gap"))
            return false
        }
    }

    private func solve(_ problem: InvestmentProblem, with solver: any LinearProgramSolver, options: InvestmentOptions,
                       cancellation: CancellationFlag?) throws(LodestoneError) -> (Set<Int>, LinearProgramSolution, LinearProgram, Double) {
        let (program, columns) = problem.program()
        cancellation?.begin("solving the investment MILP (\(program.columns.count) columns) with \(solver.name)")
        let started = ContinuousClock.now
        let solution = try solver.solve(program, timeLimitSeconds: options.timeLimitSeconds, cancellation: cancellation)
        let seconds = (ContinuousClock.now - started) / .seconds(1)
        switch solution.status {
        case .optimal, .timeLimitWithSolution: break
        case .infeasible: throw .invalidParameter("the investment program is infeasible (\(solution.solver)); check the budget")
        case .unbounded: throw .invalidParameter("the investment program is unbounded (\(solution.solver))")
        case .timeLimitWithoutSolution:
            throw .invalidParameter("the solver found no portfolio within \(options.timeLimitSeconds) s: give it longer (--time-limit) or fewer draws")
        }
        let chosen = Set(columns.enumerated().filter { solution.values[$0.offset] > 0.5 }.map(\.element))
        return (chosen, solution, program, seconds)
    }

    /// Each stage's gap, capacity, expected shortfall and loss by year before and after the plan,
    /// and the first year each gap closes (into `summaries`).
    private func gapsByYear(_ problem: InvestmentProblem, financed chosen: Set<Int>,
                            summaries: inout [InvestmentPlan.StageSummary]) -> [InvestmentPlan.Gap] {
        var gaps: [InvestmentPlan.Gap] = []
        for s in problem.stages.indices {
            for year in problem.years {
                let k0 = problem.capacity(stage: s, year: year, financed: []), k1 = problem.capacity(stage: s, year: year, financed: chosen)
                let e0 = problem.expected(stage: s, year: year, capacity: k0), e1 = problem.expected(stage: s, year: year, capacity: k1)
                let gap = problem.disruptionGap(stage: s, year: year)
                gaps.append(.init(commodity: problem.stages[s].commodity, year: year, disruptionGapTonnes: gap, capacityBeforeTonnes: k0,
                                  capacityAfterTonnes: k1, expectedShortfallBeforeTonnes: e0.shortfallTonnes,
                                  expectedShortfallAfterTonnes: e1.shortfallTonnes, expectedLossBeforeUSD: e0.lossUSD, expectedLossAfterUSD: e1.lossUSD))
                if summaries[s].gapClosedYearBefore == nil, k0 >= gap, gap > 0 { summaries[s].gapClosedYearBefore = year }
                if summaries[s].gapClosedYearAfter == nil, k1 >= gap, gap > 0 { summaries[s].gapClosedYearAfter = year }
            }
        }
        return gaps
    }
}
