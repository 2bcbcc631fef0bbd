import ArgumentParser
import LodestoneEngine

struct BacktestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backtest",
        abstract: "Run every real-event preset and compare the model's prices with the observed ones.",
        discussion: """
        Each observation (Resources/Backtest/price-observations.csv, every row with its source) is set
        beside the model's price change outside or inside the restricting countries, for the event's
        preset at its base year and at the effective severity measured from observed export drops
        (Resources/Backtest/export-drops.csv). Rows marked 'fit' calibrate the model; 'test' rows only
        check it. --fit reruns the calibration and prints the fitted values.
        """)

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var output: OutputOptions
    @Option(help: ArgumentHelp("Market parameter file (default: the bundled one).", valueName: "file")) var parameters: String?
    @Option(help: ArgumentHelp("Price observations (CSV, as the bundled file).", valueName: "file")) var observations: String?
    @Option(help: ArgumentHelp("Export drops (CSV, as the bundled file).", valueName: "file")) var drops: String?
    @Flag(help: "Refit the demand elasticities and the inside stockpiling share on the 'fit' rows.") var fit = false

    func run() throws {
        try runReportingErrors {
            let engine = try storeOptions.openEngine().replacing(parametersFile: parameters, observationsFile: observations, exportDropsFile: drops)
            if fit { try output.emit(try engine.backtestFit()) } else { try output.emit(try ProgressLine.run { flag in try engine.backtest(cancellation: flag) }) }
        }
    }
}
