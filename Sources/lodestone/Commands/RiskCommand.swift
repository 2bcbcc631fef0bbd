import ArgumentParser
import LodestoneEngine

extension GeoPolRiskMethod: ExpressibleByArgument {}
extension RiskRequest.Sort: ExpressibleByArgument {}

struct RiskCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "risk",
        abstract: "GeoPolRisk score, import risk, price and characterisation factor for an importer.",
        discussion: "Sorted by score unless --sort says otherwise. Commodities that cannot be assessed are listed on stderr (table) or under notAssessed with their reasons (csv, json).")

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var importerOption: ImporterOption
    @OptionGroup var yearOptions: YearOptions

    @Option(name: .long, parsing: .upToNextOption, help: "Commodities (repeat, list, or comma-separate; default: all).")
    var commodity: [String] = []

    @Option(help: "lodestone (default) or geopolrisk-py-2.0.1 (reference behaviour, defects included).")
    var method: GeoPolRiskMethod = .lodestone

    @Option(help: "Sort by: score, cf, hhi, import-risk, price, commodity.")
    var sort: RiskRequest.Sort = .score

    func run() throws {
        try runReportingErrors {
            let engine = try storeOptions.openEngine()
            try output.emit(yearOptions) { year in
                try engine.risk(RiskRequest(importer: importerOption.importer, year: year, commodities: commodity, method: method, sort: sort))
            }
        }
    }
}

/// `--importer`: the one name for "whose supply" on every command.
struct ImporterOption: ParsableArguments {
    @Option(name: [.customLong("importer"), .customLong("for", withSingleDash: false)],
            help: "Country, group or union (JPN, US-Japan, USA+JPN, EU).")
    var importer: String
}
