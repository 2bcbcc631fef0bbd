import ArgumentParser
import Foundation
import LodestoneEngine

struct GridCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "grid",
        abstract: "GeoPolRisk for every importer (all countries and groups) × commodity stage × year (CSV unless --format says otherwise).")

    @OptionGroup var storeOptions: StoreOptions

    @Option(help: "Output format: csv (default), json, table or xlsx (needs -o).")
    var format: ReportFormat = .csv

    @Option(help: "lodestone (default) or geopolrisk-py-2.0.1.")
    var method: GeoPolRiskMethod = .lodestone

    @Option(help: ArgumentHelp("Only these years, as a range or a list (2018-2024, or 2018,2020).", valueName: "years"))
    var years: String?

    @OptionGroup var file: FileOptions

    func validate() throws { try file.check(format) }

    func run() throws {
        try runReportingErrors {
            let engine = try storeOptions.openEngine()
            let report = engine.grid(GridRequest(method: method, years: try years.map { text throws(EngineError) in try Engine.parseYears(text) }))
            let answer = try ReportRenderer.export(report, as: format, localizer: nil, context: file.context(engine), metadata: file.metadata)
            try file.deliver(answer, note: file.output.map { "wrote \(report.rows.count) rows to \($0)" })
        }
    }
}
