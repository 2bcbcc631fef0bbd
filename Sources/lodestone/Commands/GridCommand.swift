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

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file instead of stdout (a regular file is written whole or not at all and a link is never followed; a device, FIFO or a link to one, such as /dev/stdout, is written into, never replaced; - is stdout).", valueName: "file"))
    var output: String?

    @Flag(help: "Replace an existing file (or link) at -o.")
    var force = false

    @Flag(help: "CSV: start with '#' lines giving the command, the data version, the sources and each column's unit.")
    var metadata = false

    func validate() throws {
        if format == .xlsx, output == nil || output == "-" { throw ValidationError("--format xlsx writes a spreadsheet file: give it a name with -o FILE.xlsx") }
    }

    func run() throws {
        try runReportingErrors {
            let engine = try storeOptions.openEngine()
            let report = engine.grid(GridRequest(method: method, years: try years.map { text throws(EngineError) in try Engine.parseYears(text) }))
            let context = engine.exportContext(question: (["lodestone"] + CommandLine.arguments.dropFirst()).joined(separator: " "))
            let answer = try ReportRenderer.export(report, as: format, localizer: nil, context: context, metadata: metadata)
            if let output, output != "-" {
                try Engine.write(answer, to: output, force: force)
                Console.note("wrote \(report.rows.count) rows to \(output)")
            } else {
                Console.out(String(decoding: answer.bytes, as: UTF8.self))
            }
        }
    }
}
