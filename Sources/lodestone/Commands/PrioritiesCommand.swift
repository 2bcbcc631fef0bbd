import ArgumentParser
import LodestoneEngine

struct PrioritiesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "priorities",
        abstract: "Priority minerals for an importer, ranked by probability-weighted economic loss from export restrictions.",
        discussion: """
            Monte Carlo over simulated years of restriction events (see the README). Ranked by expected annual loss (the \
            value of the shortfall at the post-disruption price) as a share of the importer's consumption value; tiers: high ≥ 6 %, elevated ≥ 3 %, moderate ≥ 1 %, limited below. \
            Every expected value has a standard error; tier confidence is the share of 32 independent batches that give \
            the same tier. Requests needing more than \(RestrictionRisk.memoryLimitBytes >> 20) MB are refused. \
            Same --seed, same output byte for byte. --format json prints what GET /api/v1/priorities returns.
            """)

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var output: OutputOptions

    @OptionGroup var importerOption: ImporterOption
    @Option(help: "Base year (default: the latest with production and trade).") var year: Int?
    @Option(name: .long, parsing: .upToNextOption, help: "Commodities or stages, e.g. gallium tungsten:metal (default: every family's default stage).")
    var commodity: [String] = []
    @Option(help: "Simulated years (bounded by the memory limit, about 12 million for every default stage).")
    var draws: Int = PrioritiesRequest.defaultDraws
    @Option(help: "Random seed.") var seed: UInt64 = PrioritiesRequest.defaultSeed
    @Option(help: ArgumentHelp("Restriction-probability model file (default: bundled).", valueName: "file")) var riskModel: String?
    @Option(help: ArgumentHelp("Market parameter file (default: bundled).", valueName: "file")) var parameters: String?

    func validate() throws {
        if draws < 1 { throw ValidationError("--draws must be at least 1") }
        // Even one commodity must fit; the engine checks again with the number of commodities.
        let most = RestrictionRisk.maxDraws(commodities: 1)
        if draws > most { throw ValidationError("--draws \(draws) is over the \(RestrictionRisk.memoryLimitBytes >> 20) MB limit even for one commodity: use --draws \(most) or fewer") }
    }

    func run() throws {
        try runReportingErrors {
            var request = PrioritiesRequest(importer: importerOption.importer, year: year, commodities: commodity, draws: draws, seed: seed)
            request.riskModel = try riskModel.map { path throws(EngineError) in try Engine.riskModel(at: path) }
            request.parameters = try parameters.map { path throws(EngineError) in try Engine.marketParameters(at: path) }
            let engine = try storeOptions.openEngine()
            try output.emit(try ProgressLine.run { flag in try engine.priorities(request, cancellation: flag) })
        }
    }
}
