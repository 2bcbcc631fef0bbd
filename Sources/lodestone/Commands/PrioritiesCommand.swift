import ArgumentParser
import Foundation
import LodestoneCore
import LodestoneStore

struct PrioritiesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "priorities",
        abstract: "Priority minerals for an importer: commodities ranked by probability-weighted loss from export restrictions.",
        discussion: "Monte Carlo over many years of restriction events (see the README); same --seed, same output byte for byte.")

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var output: OutputOptions

    @Option(name: .customLong("for"), help: "Country, group or union (USA, JPN, US-Japan, EU).") var importer: String
    @Option(help: "Base year (default: the latest with production and trade).") var year: Int?
    @Option(help: "Simulated years.") var draws: Int = 20_000
    @Option(help: "Random seed.") var seed: UInt64 = 2025
    @Option(help: ArgumentHelp("Restriction-probability model file (default: bundled).", valueName: "file")) var riskModel: String?
    @Option(help: ArgumentHelp("Market parameter file (default: bundled).", valueName: "file")) var parameters: String?

    struct Row: Encodable {
        var rank: Int
        var commodity: String
        var name: String
        var tier: PriorityTier
        var expectedShortfallShare: Double
        var risk: RestrictionRisk.Commodity
        var geoPolRiskScore: Double?
        var topDriver: String?
    }

    struct Report: Encodable {
        var importer: ImporterJSON
        var year: Int
        var draws: Int
        var seed: UInt64
        var priorities: [Row]
    }

    func validate() throws {
        if draws < 1 || draws > 10_000_000 { throw ValidationError("--draws must be between 1 and 10,000,000") }
    }

    func run() throws {
        try runReportingErrors {
            let dataset = try storeOptions.loadDataset()
            let buyer = try dataset.resolveImporter(importer)
            guard let year = self.year ?? dataset.productionYears.last(where: dataset.tradeYears.contains) else {
                throw CLIError.failure("the data have no year with both production and trade")
            }
            let risk = try dataset.simulateRestrictionRisk(
                for: buyer, year: year, draws: draws, seed: seed, model: try ScenarioLibrary.riskModel(at: riskModel),
                parameters: try ScenarioLibrary.marketParameters(at: parameters), history: try ScenarioLibrary.history(in: dataset))
            let ranked = risk.commodities.sorted {
                ($0.expectedShortfallShare, $1.commodity) > ($1.expectedShortfallShare, $0.commodity)
            }
            let rows = ranked.enumerated().map { index, c in
                let driver = c.drivers.first.map { d in
                    "\(countryLabel(d.exporter, dataset).iso3) \(Fmt.percent(d.shareOfExpectedShortfall))"
                        + (d.viaThirdCountries > 0.2 ? " (\(Fmt.percent(d.viaThirdCountries)) via third countries)" : "")
                }
                return Row(rank: index + 1, commodity: c.commodity.rawValue, name: dataset.commodity(c.commodity)?.name ?? "",
                           tier: c.tier, expectedShortfallShare: c.expectedShortfallShare,
                           risk: c, geoPolRiskScore: try? dataset.geoPolRisk(for: buyer, commodity: c.commodity, year: year).score, topDriver: driver)
            }
            let report = Report(importer: ImporterJSON(buyer, dataset), year: year, draws: draws, seed: seed, priorities: rows)
            if output.format == .json { return Console.out(try JSONOutput.render(report)) }
            let full = output.format == .csv
            var table = TextTable([("rank", true), ("commodity", false), ("tier", false), ("p_year", true), ("exp_shortfall", true),
                                   ("exp_shortfall_t", true), ("p95_t", true), ("cvar95_t", true), ("exp_cost_usd", true),
                                   ("geopolrisk", true), ("top_driver", false)])
            for r in rows {
                let c = r.risk
                table.add([String(r.rank), full ? r.commodity : r.name, r.tier.rawValue,
                           full ? Fmt.exact(c.annualProbability) : Fmt.percent(c.annualProbability),
                           full ? Fmt.exact(r.expectedShortfallShare) : Fmt.percent(r.expectedShortfallShare),
                           full ? Fmt.exact(c.expectedShortfallTonnes) : Fmt.tonnes(c.expectedShortfallTonnes),
                           full ? Fmt.exact(c.p95ShortfallTonnes) : Fmt.tonnes(c.p95ShortfallTonnes),
                           full ? Fmt.exact(c.cvar95ShortfallTonnes) : Fmt.tonnes(c.cvar95ShortfallTonnes),
                           full ? Fmt.exact(c.expectedCostUSD) : Fmt.tonnes(c.expectedCostUSD),
                           r.geoPolRiskScore.map { full ? Fmt.exact($0) : Fmt.fixed($0, 3) } ?? "", r.topDriver ?? ""])
            }
            if full { return Console.out(table.renderCSV()) }
            Console.out("Priority minerals for \(buyer.name) (\(buyer.id)), base year \(year), \(draws) simulated years, seed \(seed)\n")
            Console.out("ranked by expected annual shortfall as a share of consumption; p_year = chance of any restriction a year\n\n")
            Console.out(table.renderAligned())
        }
    }
}
