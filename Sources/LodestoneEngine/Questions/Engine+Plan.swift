import LodestoneCore
import LodestoneSolver
import LodestoneStore

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
    /// Years a disruption lasts, drawing the stock down (default 1).
    public var disruptionYears: Double = 1

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
        Column("name", "stage", .text), Column("stockTonnes", "stock t", .tonnes), Column("daysOfCover", "days", .days),
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
                     + "(\(ReportRenderer.format(plan.holdingCostRate, .share)) a year); purchases ≤ \(ReportRenderer.format(plan.purchaseShare, .share)) of a year's world output; "
                     + (plan.disruptionYears == 1 ? "disruptions last a year" : "disruptions last \(ReportRenderer.plain(plan.disruptionYears)) years, drawing the stock down"))
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
        try checkDraws(request.draws)
        try request.validate()
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
            func plan(_ importer: Importer, stages: [CommodityID]?, share: Double = 1) throws(LodestoneError) -> StockpilePlan {
                try dataset.planStockpile(
                    for: importer, options: request.options(year: year, share: share),
                    model: model, parameters: parameters, history: history, commodities: stages, solver: chosen, cancellation: cancellation)
            }
            let joint = try plan(buyer, stages: selection.isEmpty ? nil : selection)
            var pooling: StockpileReport.Pooling?
            if buyer.members.count > 1 {
                // Each member on the joint plan's stages, with the budget split by consumption value.
                let stages = joint.items.map(\.commodity)
                var separate = 0.0
                var values = [Double](repeating: 0, count: buyer.members.count)
                for item in joint.items {
                    let tonnes = dataset.consumptionTonnes(of: item.commodity, countries: buyer.members, year: year)
                    for m in values.indices { values[m] += tonnes[m] * item.priceUSDPerTonne }
                }
                let totalValue = values.reduce(0, +)
                for (member, value) in zip(buyer.members, values) where value > 0 {
                    guard let country = dataset.country(member) else { continue }
                    let single = Importer(country)
                    // The budget and what the market can supply without moving its price are shared
                    // (`StockpileRequest.options(year:share:)`).
                    let share = value / max(totalValue, 1e-300)
                    do throws(LodestoneError) {
                        let own = try plan(single, stages: stages, share: share)
                        separate += own.holdingCostUSDPerYear + own.expectedLossAfterUSD
                    } catch {
                        guard case .nothingFallsShort = error else { throw error }
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

/// `plan invest`: which allied projects to finance, and what faster permitting is worth.
public struct InvestmentRequest: Sendable, Hashable, Codable {
    public var importer: String
    public var year: Int?
    public var horizon: Int
    public var budgetUSD: Double
    public var permittingSpeedupYears: Int
    public var draws: Int
    public var seed: UInt64
    public var timeLimitSeconds: Double
    /// A projects file in the bundled format (default: the bundled one).
    public var projectsFile: String?
    /// A group or union whose members' projects may be financed (default: any country's).
    public var partners: String?

    public init(importer: String, year: Int? = nil, horizon: Int = 2035, budgetUSD: Double, permittingSpeedupYears: Int = 1,
                draws: Int = StockpileRequest.defaultDraws, seed: UInt64 = PrioritiesRequest.defaultSeed, timeLimitSeconds: Double = 60,
                projectsFile: String? = nil) {
        self.importer = importer
        self.year = year
        self.horizon = horizon
        self.budgetUSD = budgetUSD
        self.permittingSpeedupYears = permittingSpeedupYears
        self.draws = draws
        self.seed = seed
        self.timeLimitSeconds = timeLimitSeconds
        self.projectsFile = projectsFile
    }
}

public struct InvestmentReport: TabularReport, Hashable {
    public struct Row: Sendable, Hashable, Codable {
        public var id: String
        public var name: String
        public var country: String
        public var stage: String
        public var status: String
        public var capacityTonnes: Double
        public var capacityBasis: String
        public var capexUSD: Double?
        public var financed: Bool
        public var onlineYear: Int
        public var lossAvoidedAloneUSD: Double
        public var source: String
        public var url: String
    }

    public var importer: ImporterRef
    public var plan: InvestmentPlan
    public var rows: [Row]
    public var columns: [Column] = [
        Column("name", "project", .text), Column("country", "country", .text), Column("stage", "stage", .text), Column("status", "status", .text),
        Column("capacityTonnes", "capacity t/yr", .tonnes), Column("capexUSD", "capex USD", .usd), Column("financed", "financed", .flag),
        Column("onlineYear", "online", .year), Column("lossAvoidedAloneUSD", "loss avoided alone USD", .usd),
        Column("capacityBasis", "capacity basis", .text), Column("id", "id", .text), Column("source", "source", .text), Column("url", "url", .text),
    ]
    public var tableColumns: [Column] { Array(columns.prefix(10)) }

    public var heading: String {
        let f = { (x: Double) in ReportRenderer.format(x, .usd) }
        return [
            "Investment plan for \(importer.name), \(plan.baseYear + 1)–\(plan.horizon): \(plan.draws) simulated years (seed \(plan.seed)), "
                + "\(plan.solver), \(plan.status.rawValue)\(plan.relativeGap.map { String(format: ", gap %.2g", $0) } ?? "") in "
                + "\(String(format: "%.2f", plan.solveSeconds)) s (\(plan.variables) variables, \(plan.integers) binary, \(plan.constraints) constraints)",
            "budget \(f(plan.budgetUSD)) USD, financed \(f(plan.capexUSD)) USD in \(plan.projects.filter(\.financed).count) projects",
            "expected loss over the horizon \(f(plan.expectedLossBeforeUSD)) → \(f(plan.expectedLossAfterUSD)) USD; on other years (seed \(plan.seed &+ 1)): "
                + "\(f(plan.freshExpectedLossBeforeUSD)) → \(f(plan.freshExpectedLossAfterUSD))",
            "fund-by-ratio heuristic: \(f(plan.heuristicCapexUSD)) USD in \(plan.heuristicProjects.count) projects leaves \(f(plan.heuristicExpectedLossAfterUSD)) "
                + "(the optimum avoids \(f(plan.heuristicExpectedLossAfterUSD - plan.expectedLossAfterUSD)) more)",
            "permitting \(plan.permittingSpeedupYears) year\(plan.permittingSpeedupYears == 1 ? "" : "s") faster: loss left \(f(plan.speedupExpectedLossAfterUSD)), "
                + "worth \(f(plan.valueOfFasterPermittingUSD)) USD over the horizon",
        ].joined(separator: "\n")
    }

    public var footer: String {
        var lines = ["gap closed = the first year capacity reaching the importer covers a typical disruption year's shortfall:"]
        for stage in plan.stages {
            lines.append("  \(stage.commodity): before \(stage.gapClosedYearBefore.map(String.init) ?? "not by \(plan.horizon)"), "
                         + "with the plan \(stage.gapClosedYearAfter.map(String.init) ?? "not by \(plan.horizon)"); "
                         + "consumption \(stage.growthRate == 0 ? "held at the base year" : String(format: "+%.1f %% a year", stage.growthRate * 100)) (\(stage.growthSource))")
        }
        lines.append("\(plan.notModelled.count) projects not in the program (operating, stage not in the data, or no shortfall to close): --format json lists them with reasons")
        return lines.joined(separator: "\n")
    }

    public var notAssessed: [NotAssessedItem] { [] }
}

extension Engine {
    public func planInvestment(_ request: InvestmentRequest, solver: (any LinearProgramSolver)? = nil,
                               cancellation: CancellationFlag? = nil) throws(EngineError) -> InvestmentReport {
        try checkYear(request.year)
        try checkDraws(request.draws)
        let year = try year(request.year)
        var options = request.options(year: year)
        do throws(LodestoneError) { try options.validate() } catch { throw EngineError(error) }
        let buyer = try importer(request.importer)
        guard let model = riskModel else { throw EngineError(.failure, "the bundled restriction-probability model is missing — reinstall lodestone") }
        var partnerCodes: Set<String>?
        if let group = request.partners { partnerCodes = Set(try importer(group).members.compactMap { dataset.country($0)?.iso3 }) }
        options.partners = partnerCodes
        let projects: [Project], planning: PlanningParameters
        do {
            projects = try ProjectLibrary.projects(at: request.projectsFile)
            planning = try ProjectLibrary.planningParameters()
        } catch let error as StoreError {
            throw EngineError(.usage, error.description)
        } catch {
            throw EngineError(.failure, "\(error)")
        }
        do throws(LodestoneError) {
            let chosen: any LinearProgramSolver
            if let solver { chosen = solver } else { chosen = try CBCSolver() }
            let history = try presets.map { definition throws(LodestoneError) in try definition.resolve(in: dataset) }
            let plan = try dataset.planInvestment(
                for: buyer, options: options,
                projects: projects, planning: planning, model: model, parameters: parameters, history: history, solver: chosen,
                cancellation: cancellation)
            let rows = plan.projects.map { c in
                InvestmentReport.Row(id: c.project.id, name: c.project.name, country: c.project.country, stage: c.project.stage,
                                     status: c.project.status.rawValue, capacityTonnes: c.project.capacityTonnes,
                                     capacityBasis: c.project.capacityBasis, capexUSD: c.project.capexUSD, financed: c.financed,
                                     onlineYear: c.financed ? c.financedYear : c.unfinancedYear, lossAvoidedAloneUSD: c.lossAvoidedAloneUSD,
                                     source: c.project.source, url: c.project.url)
            }
            return InvestmentReport(importer: ImporterRef(buyer, in: dataset), plan: plan, rows: rows)
        } catch {
            throw EngineError(error)
        }
    }
}

/// `plan projects`: the candidate projects the investment plan chooses from, and with an NRCan
/// inventory release the Canadian projects it lists that the file does not carry yet.
public struct ProjectsRequest: Sendable, Hashable, Codable {
    public var projectsFile: String?
    public var nrcanFile: String?

    public init(projectsFile: String? = nil, nrcanFile: String? = nil) {
        self.projectsFile = projectsFile
        self.nrcanFile = nrcanFile
    }
}

public struct ProjectsReport: TabularReport, Hashable {
    public struct Row: Sendable, Hashable, Codable {
        public var id: String
        public var name: String
        public var owner: String
        public var country: String
        /// The stage its output supplies; for an NRCan listing, the family's mine or processing stage.
        public var stage: String
        public var status: String
        /// Nil: not published (NRCan lists no capacities).
        public var capacityTonnes: Double?
        public var capacityBasis: String
        public var capexUSD: Double?
        public var startYear: Int?
        /// "projects file" or "NRCan inventory (not in the projects file)".
        public var origin: String
        public var source: String
        public var url: String
    }

    public var rows: [Row]
    /// NRCan listings that match a row of the projects file (by name or operator and family), and all listings read.
    public var nrcanMatched: Int?
    public var nrcanListed: Int?
    public var columns: [Column] = [
        Column("name", "project", .text), Column("country", "country", .text), Column("stage", "stage", .text), Column("status", "status", .text),
        Column("capacityTonnes", "capacity t/yr", .tonnes), Column("capexUSD", "capex USD", .usd), Column("startYear", "start", .year),
        Column("origin", "origin", .text), Column("owner", "owner", .text), Column("capacityBasis", "capacity basis", .text),
        Column("id", "id", .text), Column("source", "source", .text), Column("url", "url", .text),
    ]
    public var tableColumns: [Column] { Array(columns.prefix(8)) }

    public var heading: String {
        let file = rows.filter { $0.origin == "projects file" }
        var text = "Candidate projects: \(file.count) in the projects file (\(file.filter { $0.capexUSD == nil }.count) without a published capex)"
        if let listed = nrcanListed, let matched = nrcanMatched {
            text += "; NRCan inventory: \(listed) Canadian projects, \(matched) matched to the file, "
                + "\(rows.count - file.count) critical-mineral ones listed below without capacity (NRCan publishes none)"
        }
        return text
    }
}

extension Engine {
    public func projects(_ request: ProjectsRequest) throws(EngineError) -> ProjectsReport {
        let projects: [Project], listings: [NRCanListing]?
        do {
            projects = try ProjectLibrary.projects(at: request.projectsFile)
            listings = try request.nrcanFile.map { try ProjectLibrary.nrcanListings(at: $0) }
        } catch let error as StoreError {
            throw EngineError(.usage, error.description)
        } catch {
            throw EngineError(.failure, "\(error)")
        }
        var rows = projects.map { p in
            ProjectsReport.Row(id: p.id, name: p.name, owner: p.owner, country: p.country, stage: p.stage, status: p.status.rawValue,
                               capacityTonnes: p.capacityTonnes, capacityBasis: p.capacityBasis, capexUSD: p.capexUSD, startYear: p.startYear,
                               origin: "projects file", source: p.source, url: p.url)
        }
        var matched: Int?
        if let listings {
            func key(_ text: String) -> String { text.lowercased().filter { $0.isLetter || $0.isNumber } }
            func family(_ mineral: String) -> Commodity? { try? dataset.resolveCommodity(mineral) }
            let canadian = projects.filter { $0.country == "CAN" }
            var count = 0
            for listing in listings {
                guard let info = family(listing.primaryMineral) else { continue }
                let name = key(listing.name), owner = key(listing.operatorName)
                let isMatched = canadian.contains { p in
                    let pname = key(p.name), powner = key(p.owner)
                    let sameFamily = p.stage.hasPrefix(info.family + ":")
                    return (!name.isEmpty && (pname.contains(name) || name.contains(pname)))
                        || (sameFamily && !owner.isEmpty && !powner.isEmpty && (owner.contains(powner) || powner.contains(owner)))
                }
                if isMatched { count += 1; continue }
                let stages = dataset.commodities.filter { $0.family == info.family && !$0.isReference }
                let stage = listing.isProcessing ? (stages.first { $0.id.rawValue.hasSuffix(":refined") } ?? stages.first { !$0.id.rawValue.hasSuffix(":mine") } ?? info)
                    : (stages.first { $0.id.rawValue.hasSuffix(":mine") } ?? info)
                rows.append(.init(id: "nrcan-" + listing.id, name: listing.name, owner: listing.operatorName, country: "CAN", stage: stage.id.rawValue,
                                  status: listing.planningStatus.rawValue + (listing.status.isEmpty ? "" : " (NRCan: \(listing.stage), \(listing.status))"),
                                  capacityTonnes: nil, capacityBasis: "not published by NRCan", capexUSD: nil, startYear: nil,
                                  origin: "NRCan inventory (not in the projects file)", source: listing.source + ", Open Government Licence – Canada",
                                  url: "https://open.canada.ca/data/en/dataset/22b2db8a-dc12-47f2-9737-99d3da921751"))
            }
            matched = count
        }
        return ProjectsReport(rows: rows, nrcanMatched: matched, nrcanListed: listings?.count)
    }
}

extension StockpileRequest {
    /// The request's ranges (`StockpileOptions.validate()`, which reads no year): the CLI checks
    /// them before it opens a store, the engine before it looks anything up.
    public func validate() throws(EngineError) {
        try Engine.checkYear(year)
        do throws(LodestoneError) { try options(year: year ?? 0).validate() } catch { throw EngineError(error) }
    }

    /// The solver's options for `year`; a group member planning alone gets `share` of the budget
    /// and of what the market can supply without moving its price.
    func options(year: Int, share: Double = 1) -> StockpileOptions {
        var options = StockpileOptions(year: year, draws: draws, seed: seed, budgetUSD: budgetUSD.map { $0 * share },
                                       holdingCostRate: holdingCostRate, purchaseShare: purchaseShare * share,
                                       timeLimitSeconds: timeLimitSeconds)
        options.disruptionYears = disruptionYears
        return options
    }
}

extension Engine {
    /// The engine's own limit on a plan's draws (the memory a request may take); the plans'
    /// other ranges are the options' `validate()`.
    private func checkDraws(_ draws: Int) throws(EngineError) {
        guard draws <= limits.maxPlanDraws else {
            throw EngineError(.usage, "draws \(draws) must be between 1 and \(limits.maxPlanDraws)")
        }
    }
}

extension InvestmentRequest {
    /// The request's ranges (`InvestmentOptions.validate()`), checkable before a store is opened;
    /// without a base year the horizon waits for the store's default year (the engine checks it).
    public func validate() throws(EngineError) {
        try Engine.checkYear(year)
        // Without a base year the horizon waits for the store's default; a year before it stands in.
        if year == nil, !(1900...2200).contains(horizon) {
            throw EngineError(.usage, "horizon \(horizon) is not a plausible year; give one like 2035")
        }
        do throws(LodestoneError) { try options(year: year ?? horizon - 1).validate() } catch { throw EngineError(error) }
    }

    /// The solver's options for the base year `year` (partners are resolved by the engine).
    func options(year: Int) -> InvestmentOptions {
        InvestmentOptions(year: year, horizon: horizon, budgetUSD: budgetUSD, permittingSpeedupYears: permittingSpeedupYears,
                          draws: draws, seed: seed, timeLimitSeconds: timeLimitSeconds)
    }
}
