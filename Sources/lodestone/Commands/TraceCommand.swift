import ArgumentParser
import LodestoneEngine

struct TraceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trace",
        abstract: "Who really supplies an importer: direct and origin-traced shares, through third countries.",
        discussion: "Re-exports are followed through the whole trade network (proportional mixing); see the README.")

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var importerOption: ImporterOption

    @Option(help: "Commodity id or name.")
    var commodity: String

    @OptionGroup var yearOptions: YearOptions
    @OptionGroup var topOption: TopOption

    func run() throws {
        try runReportingErrors {
            let engine = try storeOptions.openEngine()
            try output.emit(yearOptions) { year in
                try engine.trace(TraceRequest(importer: importerOption.importer, commodity: commodity, year: year, top: topOption.top))
            }
        }
    }
}
