import ArgumentParser
import LodestoneEngine

struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Plan the response: strategic stockpiles, optimised over simulated disruption years with a real solver.",
        subcommands: [PlanStockpileCommand.self, PlanInvestCommand.self, PlanProjectsCommand.self])
}

struct PlanStockpileCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stockpile",
        abstract: "How many tonnes of each exposed stage to hold, within a budget.",
        discussion: """
            A two-stage stochastic program over the simulated years 'priorities' uses (same risk model, seed and draws): \
            choose tonnes to hold per stage, release them against each year's shortfall, and minimise holding cost plus the \
            expected loss left, within the budget, buying at most --purchase-share of a year's world output per stage. \
            Solved by CBC (coinor-libcbc3), loaded at run time. Reports tonnes, days of consumption covered (JOGMEC: about \
            60 days, up to 180), cost, expected loss before and after, the marginal value of the budget, the frontier of loss \
            avoided against budget, the plan on an independent sample of years, and for a group what pooling saves. \
            --format json prints what GET /api/v1/plan/stockpile returns.
            """)

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var output: OutputOptions

    @OptionGroup var importerOption: ImporterOption
    @Option(help: "Budget in USD for buying the stock, e.g. 1e9 (default: none; holding costs stop each stock).") var budget: Double?
    @Option(help: "Base year (default: the latest with production and trade).") var year: Int?
    @Option(name: .long, parsing: .upToNextOption, help: "Stages or families (default: each family at its most exposed consumed stage).")
    var commodity: [String] = []
    @Option(help: "Simulated years the plan is built on.") var draws: Int = StockpileRequest.defaultDraws
    @Option(help: "Random seed (the plan is checked on seed + 1).") var seed: UInt64 = PrioritiesRequest.defaultSeed
    @Option(help: "Annual holding cost as a share of the stock's value (capital, storage, insurance).")
    var holdingRate: Double = StockpileOptions.defaultHoldingCostRate
    @Option(help: "Largest share of a year's world output of a stage the plan may buy.")
    var purchaseShare: Double = StockpileOptions.defaultPurchaseShare
    @Option(help: "Solver time limit per solve, seconds.") var timeLimit: Double = 60
    @Option(help: "Years a disruption lasts, drawing the stock down (1–10, as long as a scenario may last; events start that many times less often; consumers' own stocks are drawn once, the first year's precautionary buying and licensing delay happen once).")
    var disruptionYears: Double = 1

    func run() throws {
        try runReportingErrors {
            var request = StockpileRequest(importer: importerOption.importer, year: year, commodities: commodity, budgetUSD: budget, draws: draws,
                                           seed: seed, holdingCostRate: holdingRate, purchaseShare: purchaseShare, timeLimitSeconds: timeLimit)
            request.disruptionYears = disruptionYears
            try request.validate()   // before a store is opened or created
            let engine = try storeOptions.openEngine()
            try output.emit(try ProgressLine.run { flag in try engine.planStockpile(request, cancellation: flag) })
        }
    }
}

struct PlanInvestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "invest",
        abstract: "Which allied projects to finance, when their capacity arrives, and what faster permitting is worth.",
        discussion: """
            A mixed-integer program over the candidate projects (Resources/Planning/projects.csv, every row cited): choose \
            projects within the budget so that the importer's expected loss from restrictions, summed over the years to the \
            horizon, is smallest. A financed project delivers after its status's lead time (Resources/Planning/planning-parameters.json, \
            cited) and serves the importer; one left alone still comes online, later and with a probability by status, and \
            serves the world market. Consumption grows at the IEA's stated-policies rate where one is published. Solved by CBC; \
            reports the portfolio, the gap by year before and after, the plan on an independent sample of years, the \
            fund-by-ratio heuristic beside it, and the plan re-solved with permitting --permitting-speedup years faster. \
            --format json prints what GET /api/v1/plan/invest returns.
            """)

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var output: OutputOptions

    @OptionGroup var importerOption: ImporterOption
    @Option(help: "Budget in USD for capital spending, e.g. 5e9.") var budget: Double
    @Option(help: "Last year of the plan.") var horizon: Int = 2035
    @Option(help: "Years by which faster permitting shortens projects still to be permitted.") var permittingSpeedup: Int = 1
    @Option(help: "Base year (default: the latest with production and trade).") var year: Int?
    @Option(help: "Simulated years the plan is built on.") var draws: Int = StockpileRequest.defaultDraws
    @Option(help: "Random seed (the plan is checked on seed + 1).") var seed: UInt64 = PrioritiesRequest.defaultSeed
    @Option(help: "Solver time limit per solve, seconds.") var timeLimit: Double = 60
    @Option(help: ArgumentHelp("Candidate projects file (CSV, as the bundled one).", valueName: "file")) var projects: String?
    @Option(help: "Only projects in this group's countries may be financed, e.g. MSP or Quad (default: any country's).") var partners: String?

    func run() throws {
        try runReportingErrors {
            var request = InvestmentRequest(importer: importerOption.importer, year: year, horizon: horizon, budgetUSD: budget,
                                            permittingSpeedupYears: permittingSpeedup, draws: draws, seed: seed, timeLimitSeconds: timeLimit,
                                            projectsFile: projects)
            request.partners = partners
            try request.validate()   // before a store is opened or created
            let engine = try storeOptions.openEngine()
            try output.emit(try ProgressLine.run { flag in try engine.planInvestment(request, cancellation: flag) })
        }
    }
}

struct PlanProjectsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "projects",
        abstract: "The candidate projects the investment plan chooses from, each with its source.",
        discussion: """
            --nrcan reads Natural Resources Canada's critical-minerals inventory (the JSON release, e.g. \
            ../shared/data/projects-nrcan/nrcan_sync_2026-06-24.json): its Canadian projects that match no row of the \
            projects file are listed after them, without capacity (NRCan publishes none), so they can be sourced and added.
            """)

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var output: OutputOptions
    @Option(help: ArgumentHelp("Candidate projects file (CSV, as the bundled one).", valueName: "file")) var projects: String?
    @Option(help: ArgumentHelp("NRCan critical-minerals inventory release (JSON).", valueName: "file")) var nrcan: String?

    func run() throws {
        try runReportingErrors {
            try output.emit(try storeOptions.openEngine().projects(ProjectsRequest(projectsFile: projects, nrcanFile: nrcan)))
        }
    }
}
