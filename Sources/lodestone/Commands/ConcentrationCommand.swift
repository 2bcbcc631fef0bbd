import ArgumentParser
import LodestoneEngine

struct ConcentrationCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "concentration",
        abstract: "Producers of a commodity, their shares, HHI and top-1/top-3 shares.",
        discussion: "Where other stages of the same commodity (mine, refined, metal, component) have their own production series, their shares are shown side by side.")

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var output: OutputOptions

    @Option(help: "Commodity id or name (\"rare earths\", cobalt, tungsten:metal).")
    var commodity: String

    @OptionGroup var yearOptions: YearOptions
    @OptionGroup var topOption: TopOption

    func run() throws {
        try runReportingErrors {
            let engine = try storeOptions.openEngine()
            try output.emit(yearOptions) { year in
                try engine.concentration(ConcentrationRequest(commodity: commodity, year: year, top: topOption.top))
            }
        }
    }
}
