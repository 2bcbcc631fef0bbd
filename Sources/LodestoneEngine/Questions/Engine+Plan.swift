import LodestoneCore
import LodestoneSolver

/// `plan stockpile`: how many tonnes of each exposed stage an importer should hold.
public struct StockpileRequest: Sendable, Hashable, Codable {
    public static let defaultDraws = 10_000

    public var importer: String
    public var year: Int?
    /// Stages or families; default each family at its most exposed consumed stage.
    public var commodities: [String]
    public var budgetUSD: Double?
    public var draws: Int
    public var seed: UInt64
    public var holdingCostRate: Double
    public var purchaseShare: Double
    public var timeLimitSeconds: Double

    public init(importer: String, year: Int? = nil, commodities: [String] = [], budgetUSD: Double? = nil, draws: Int = defaultDraws,
                seed: UInt64 = PrioritiesRequest.defaultSeed, holdingCostRate: Double = StockpileOptions.defaultHoldingCostRate,
                purchaseShare: Double = StockpileOptions.defaultPurchaseShare, timeLimitSeconds: Double = 60) {
        self.importer = importer
        self.year = year
        self.commodities = commodities
        self.budgetUSD = budgetUSD
        self.draws = draws
        self.seed = seed
        self.holdingCostRate = holdingCostRate
        self.purchaseShare = purchaseShare
        self.timeLimitSeconds = timeLimitSeconds
    }
}

/// A stockpile plan: one row per stage, the budget frontier, the pooling comparison for a group.
public struct StockpileReport: TabularReport, Hashable {
    /// What pooling saves: one joint stock against each member's own, with the budget and the
    /// purchase limits split by the members' consumption value of the planned stages.
    public struct Pooling: Sendable, Hashable, Codable {
        public var members: [String]
        /// Holding cost plus expected loss left, USD a year.
        public var jointCostUSDPerYear: Double
        public var separateCostUSDPerYear: Double
        public var savingUSDPerYear: Double
    }

    public var importer: ImporterRef
    public var plan: StockpilePlan
    public var rows: [StockpilePlan.Item]
    public var pooling: Pooling?
    /// JOGMEC's rule: national stocks of about 60 days of consumption, up to 180 for high-risk metals.
    public var referenceDays = [60.0, 180.0]
    public var columns: [Column] = [
        Column("name", "stage", .text), Column("stockTonnes", "stock t", .tonnes), Column("daysOfCover", "days", .score),
        Column("costUSD", "cost USD", .usd), Column("expectedLossBeforeUSD", "loss before USD/yr", .usd),
        Column("expectedLossAfterUSD", "loss after USD/yr", .usd), Column("limitedBy", "limited by", .text),
        Column("consumptionTonnes", "consumption t", .tonnes), Column("purchaseLimitTonnes", "purchase limit t", .tonnes),
        Column("annualProbability", "P(short)/yr", .share), Column("commodity", "id", .text),
    ]

    public var heading: String {
        let f = { (x: Double) in ReportRenderer.format(x, .usd) }
        var lines = ["Stockpile plan for \(importer.name), \(plan.year): \(plan.draws) simulated years (seed \(plan.seed)), "
                     + "\(plan.solver), \(plan.status.rawValue) in \(String(format: "%.2f", plan.solveSeconds)) s "
                     + "(\(plan.variables) variables, \(plan.constraints) constraints)"]
        lines.append("budget \(plan.budgetUSD.map(f) ?? "none") USD, spent \(f(plan.spentUSD)) USD, holding \(f(plan.holdingCostUSDPerYear)) USD/yr "
                     + "(\(ReportRenderer.format(plan.holdingCostRate, .share)) a year); purchases ≤ \(ReportRenderer.format(plan.purchaseShare, .share)) of a year's world output")
        lines.append("expected loss \(f(plan.expectedLossBeforeUSD)) → \(f(plan.expectedLossAfterUSD)) ± \(f(plan.expectedLossAfterStandardError)) USD/yr; "
                     + "on \(plan.evaluation.draws) other years (seed \(plan.evaluation.seed)): \(f(plan.evaluation.expectedLossBeforeUSD)) → "
                     + "\(f(plan.evaluation.expectedLossAfterUSD)) ± \(f(plan.evaluation.expectedLossAfterStandardError))")
        if plan.budgetUSD != nil {
            lines.append(plan.marginalValueOfBudget > 0
                ? "marginal value of the budget: \(String(format: "%.3f", plan.marginalValueOfBudget)) USD of expected loss avoided a year per extra USD"
                : "the budget does not bind: holding costs or purchase limits stop every stock first")
        }
        return lines.joined(separator: "\n")
    }

    public var footer: String {
        var lines = ["days = stock ÷ consumption × 365, beside JOGMEC's rule of about 60 days (up to 180 for high-risk rare metals)."]
        if !plan.frontier.isEmpty {
            lines.append("frontier (budget → expected loss avoided a year): " + plan.frontier.map {
                "\(ReportRenderer.format($0.budgetUSD, .usd)) → \(ReportRenderer.format($0.expectedLossAvoidedUSD, .usd))"
            }.joined(separator: "; "))
        }
        if let pooling {
            lines.append("pooling \(pooling.members.joined(separator: "+")): joint \(ReportRenderer.format(pooling.jointCostUSDPerYear, .usd)) USD/yr "
                         + "against separate \(ReportRenderer.format(pooling.separateCostUSDPerYear, .usd)) (holding + expected loss left): "
                         + "saves \(ReportRenderer.format(pooling.savingUSDPerYear, .usd)) USD/yr")
        }
        return lines.joined(separator: "\n")
    }

    public var notAssessed: [NotAssessedItem] {
        plan.notAssessed.map { NotAssessedItem(commodity: $0.commodity.rawValue, name: nil, reason: $0.reason) }
    }
}

extension Engine {
    /// Sizes strategic stocks with the LP solver `solver` (default: CBC, loaded at run time; a
    /// machine without it gets an `unavailable` error saying how to install it).
    public func planStockpile(_ request: StockpileRequest, solver: (any LinearProgramSolver)? = nil,
                              cancellation: CancellationFlag? = nil) throws(EngineError) -> StockpileReport {
        try checkYear(request.year)
        guard request.draws >= 1, request.draws <= limits.maxDraws else {
            throw EngineError(.usage, "draws \(request.draws) must be between 1 and \(limits.maxDraws)")
        }
        if let budget = request.budgetUSD, !(budget.isFinite && budget >= 0) {
            throw EngineError(.usage, "budget \(budget) must be a finite amount of USD ≥ 0, e.g. 1e9")
        }
        guard request.timeLimitSeconds.isFinite, request.timeLimitSeconds > 0 else {
            throw EngineError(.usage, "time limit \(request.timeLimitSeconds) s must be > 0")
        }
        let buyer = try importer(request.importer)
        var selection: [CommodityID] = []
        for name in try names(request.commodities, what: "commodity") {
            let id = try commodity(name).id
            if !selection.contains(id) { selection.append(id) }
        }
        let year = try year(request.year)
        guard let model = riskModel else {
            throw EngineError(.failure, "the bundled restriction-probability model is missing — reinstall lodestone")
        }
        do throws(LodestoneError) {
            let chosen: any LinearProgramSolver
            if let solver { chosen = solver } else { chosen = try CBCSolver() }
            let history = try presets.map { definition throws(LodestoneError) in try definition.resolve(in: dataset) }
            func plan(_ importer: Importer, budget: Double?, stages: [CommodityID]?, share: Double = 1) throws(LodestoneError) -> StockpilePlan {
                try dataset.planStockpile(
                    for: importer, options: StockpileOptions(year: year, draws: request.draws, seed: request.seed, budgetUSD: budget,
                                                              holdingCostRate: request.holdingCostRate, purchaseShare: request.purchaseShare * share,
                                                              timeLimitSeconds: request.timeLimitSeconds),
                    model: model, parameters: parameters, history: history, commodities: stages, solver: chosen, cancellation: cancellation)
            }
            let joint = try plan(buyer, budget: request.budgetUSD, stages: selection.isEmpty ? nil : selection)
            var pooling: StockpileReport.Pooling?
            if buyer.members.count > 1 {
                // Each member on the joint plan's stages, with the budget split by consumption value.
                let stages = joint.items.map(\.commodity)
                var separate = 0.0
                let values = buyer.members.map { member in
                    joint.items.reduce(0.0) { total, item in
                        total + (dataset.consumptionTonnes(of: item.commodity, country: member, year: year) ?? 0) * item.priceUSDPerTonne
                    }
                }
                let totalValue = values.reduce(0, +)
                for (member, value) in zip(buyer.members, values) where value > 0 {
                    guard let country = dataset.country(member) else { continue }
                    let single = Importer(country)
                    // The budget and what the market can supply without moving its price are shared.
                    let share = value / max(totalValue, 1e-300)
                    let budget = request.budgetUSD.map { $0 * share }
                    do throws(LodestoneError) {
                        let own = try plan(single, budget: budget, stages: stages, share: share)
                        separate += own.holdingCostUSDPerYear + own.expectedLossAfterUSD
                    } catch {
                        guard case .invalidParameter = error else { throw error }
                        continue   // the member never falls short on these stages
                    }
                }
                let jointCost = joint.holdingCostUSDPerYear + joint.expectedLossAfterUSD
                pooling = .init(members: buyer.members.compactMap { dataset.country($0)?.iso3 }, jointCostUSDPerYear: jointCost,
                                separateCostUSDPerYear: separate, savingUSDPerYear: separate - jointCost)
            }
            return StockpileReport(importer: ImporterRef(buyer, in: dataset), plan: joint, rows: joint.items, pooling: pooling)
        } catch {
            throw EngineError(error)
        }
    }
}
