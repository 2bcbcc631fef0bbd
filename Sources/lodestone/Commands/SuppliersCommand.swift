import ArgumentParser
import LodestoneEngine

struct SuppliersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "suppliers",
        abstract: "Who supplies an importer: shares by quantity and value, governance of each supplier, import HHI.")

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var importerOption: ImporterOption

    @Option(help: "Commodity id or name (gallium, tungsten:metal).")
    var commodity: String

    @OptionGroup var yearOptions: YearOptions
    @OptionGroup var partnersOption: PartnersOption
    @OptionGroup var topOption: TopOption

    func run() throws {
        try runReportingErrors {
            let engine = try storeOptions.openEngine()
            try output.emit(yearOptions) { year in
                try engine.suppliers(SuppliersRequest(importer: importerOption.importer, commodity: commodity, year: year,
                                                      partners: partnersOption.partners, top: topOption.top))
            }
        }
    }
}

/// `--partners`: a group whose members are flagged (and whose share is reported) on every command.
struct PartnersOption: ParsableArguments {
    @Option(name: [.customLong("partners"), .customLong("allies", withSingleDash: false)],
            help: "A partner group whose members are flagged and whose share is reported (G7, MSP, USA+AUS).")
    var partners: String?
}
