import ArgumentParser
import Foundation
import LodestoneCore
import LodestoneStore

struct PrioritiesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "priorities",
        abstract: "Priority minerals for an importer, ranked by probability-weighted economic loss from export restrictions.",
        discussion: """
            Monte Carlo over simulated years of restriction events (see the README). Ranked by expected annual loss (the \
            value of the shortfall at the post-disruption price) as a share of the importer's consumption value; tiers: high ≥ 6 %, elevated ≥ 3 %, moderate ≥ 1 %, limited below. \
            Every expected value has a standard error; tier confidence is the share of 32 independent batches that give \
            the same tier. Requests needing more than \(RestrictionRisk.memoryLimitBytes >> 20) MB are refused. \
            Same --seed, same output byte for byte.
            """)

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var output: OutputOptions

    @Option(name: .customLong("for"), help: "Country, group or union (USA, JPN, US-Japan, EU).") var importer: String
    @Option(help: "Base year (default: the latest with production and trade).") var year: Int?
    @Option(name: .long, parsing: .upToNextOption, help: "Commodities or stages, e.g. gallium tungsten:metal (default: every family's default stage).")
    var commodity: [String] = []
    @Option(help: "Simulated years (bounded by the memory limit, about 12 million for every default stage).") var draws: Int = 100_000
    @Option(help: "Random seed.") var seed: UInt64 = 2025
    @Option(help: ArgumentHelp("Restriction-probability model file (default: bundled).", valueName: "file")) var riskModel: String?
    @Option(help: ArgumentHelp("Market parameter file (default: bundled).", valueName: "file")) var parameters: String?

    func validate() throws {
        if draws < 1 { throw ValidationError("--draws must be at least 1") }
        // Even one commodity must fit; the full check, with the number of commodities, runs before the simulation.
        let most = RestrictionRisk.maxDraws(commodities: 1)
        if draws > most { throw ValidationError(Self.memoryMessage(draws: draws, commodities: 1)) }
    }

    /// What a request over the memory limit needs and what fits instead.
    static func memoryMessage(draws: Int, commodities: Int) -> String {
        let needed = RestrictionRisk.estimatedMemoryBytes(draws: draws, commodities: commodities)
        let most = RestrictionRisk.maxDraws(commodities: commodities)
        let size = needed == .max ? "more memory than this machine can address" : "about \(needed >> 20) MB of memory"
        return "--draws \(draws) for \(commodities) commodit\(commodities == 1 ? "y" : "ies") would need \(size), "
            + "over the \(RestrictionRisk.memoryLimitBytes >> 20) MB limit: use --draws \(most) or fewer"
            + (commodities > 1 ? ", or name fewer commodities with --commodity" : "")
    }

    func run() throws {
        try runReportingErrors {
            let dataset = try storeOptions.loadDataset()
            let buyer = try dataset.resolveImporter(importer)
            guard let year = self.year ?? dataset.latestAssessableYear else {
                throw CLIError.failure("the data have no year with both production and trade")
            }
            let selection = try selectedCommodities(commodity, in: dataset, default: dataset.defaultStages)
            // Refuse before any work; stages that turn out not assessable only lower the need.
            let candidates = selection.filter(\.isTraded).count
            if RestrictionRisk.estimatedMemoryBytes(draws: draws, commodities: candidates) > RestrictionRisk.memoryLimitBytes {
                throw CLIError.usage(Self.memoryMessage(draws: draws, commodities: candidates))
            }
            let risk = try dataset.simulateRestrictionRisk(
                for: buyer, year: year, draws: draws, seed: seed, model: try ScenarioLibrary.riskModel(at: riskModel),
                parameters: try ScenarioLibrary.marketParameters(at: parameters), history: try ScenarioLibrary.history(in: dataset),
                commodities: selection.map(\.id))
            if risk.commodities.isEmpty {
                let reason = risk.notAssessed.first.map { ": \($0.commodity): \($0.reason)" } ?? ""
                throw CLIError.failure("nothing to assess for \(buyer.name) in \(year)\(reason)")
            }
            let report = PrioritiesReport(risk, importer: buyer, dataset: dataset)
            switch output.format {
            case .json: Console.out(try JSONOutput.render(report))
            case .csv: Console.out(report.csv())
            case .table:
                Console.out(report.table())
                if !report.notAssessed.isEmpty {
                    Console.note("not assessed (\(report.notAssessed.count)): " + report.notAssessed.map(\.commodity.rawValue).joined(separator: ", ")
                                 + " — use --format json or csv for reasons")
                }
            }
        }
    }
}
