import ArgumentParser
import Foundation
import LodestoneCore
import LodestoneStore

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
            let dataset = try storeOptions.loadDataset()
            let events = try ScenarioLibrary.presets()
            let seen = try BacktestLibrary.priceObservations(at: observations)
            let exportDrops = try BacktestLibrary.exportDrops(at: drops)
            let parameterSet = try ScenarioLibrary.marketParameters(at: parameters)
            if fit {
                let result = try dataset.fitMarketModel(events: events, observations: seen, drops: exportDrops, parameters: parameterSet)
                if output.format == .json { return Console.out(try JSONOutput.render(result)) }
                var table = TextTable([("parameter", false), ("value", true), ("rows", true), ("rms_log_error_before", true), ("rms_log_error_after", true)])
                for c in result.choices {
                    table.add([c.parameter, Fmt.exact(c.value), String(c.rows), Fmt.fixed(c.rmsLogErrorBefore, 3), Fmt.fixed(c.rmsLogErrorAfter, 3)])
                }
                return Console.out(output.format == .csv ? table.renderCSV() : table.renderAligned())
            }
            let report = try dataset.backtest(events: events, observations: seen, drops: exportDrops, parameters: parameterSet)
            if output.format == .json { return Console.out(try JSONOutput.render(report)) }
            for gap in report.notAssessed { Console.note("not assessed: \(gap)") }
            let full = output.format == .csv
            var table = TextTable([("event", false), ("commodity", false), ("market", false), ("role", false), ("year", true),
                                   ("severity", true), ("model", true), ("observed", true), ("log_error", true), ("observed_basis", false)])
            for row in report.rows {
                table.add([row.event, row.commodity.rawValue, row.market.rawValue, row.role.rawValue,
                           row.tradeYear == row.baseYear ? String(row.baseYear) : "\(row.tradeYear)*",
                           full ? Fmt.exact(row.severity) : Fmt.fixed(row.severity, 2),
                           full ? Fmt.exact(row.modelChange) : Fmt.signedPercent(row.modelChange),
                           full ? Fmt.exact(row.observedChange) : Fmt.signedPercent(row.observedChange),
                           full ? Fmt.exact(row.logError) : Fmt.fixed(row.logError, 2),
                           "\(row.observation.priceBasis), \(row.observation.dateBefore)–\(row.observation.dateAfter)"])
            }
            if full { return Console.out(table.renderCSV()) }
            Console.out(table.renderAligned())
            Console.out("\n* trade of a later or earlier year: the base year has no assessable trade for that stage (see --format json).\n")
            Console.out("log_error = ln(1 + model) − ln(1 + observed); severity from observed export drops where on record.\n")
            for s in report.summaries {
                Console.out("\(s.role.rawValue): \(s.rows) rows, RMS log error \(Fmt.fixed(s.rmsLogError, 2)), same direction \(s.sameDirection)/\(s.rows), "
                            + "within a factor of two \(s.withinFactorTwo)/\(s.rows)\n")
            }
        }
    }
}
