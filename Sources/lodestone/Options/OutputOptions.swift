import ArgumentParser
import Foundation
import LodestoneEngine

extension ReportFormat: ExpressibleByArgument {}

/// `-o FILE [--force] [--metadata]`: where an answer goes and what it carries with it.
struct FileOptions: ParsableArguments {
    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file instead of stdout (a regular file is written whole or not at all and a link is never followed; a device, FIFO or a link to one, such as /dev/stdout, is written into, never replaced; - is stdout).", valueName: "file"))
    var output: String?

    @Flag(help: "Replace an existing file (or link) at -o.")
    var force = false

    @Flag(help: "CSV: start with '#' lines giving the command, the data version, the sources and each column's unit.")
    var metadata = false

    var toFile: Bool { output != nil && output != "-" }

    func check(_ format: ReportFormat) throws {
        if format == .xlsx, !toFile { throw ValidationError("--format xlsx writes a spreadsheet file: give it a name with -o FILE.xlsx") }
    }

    /// The command line as typed, for an export's metadata.
    func context(_ engine: Engine) -> ExportContext {
        let words = ["lodestone"] + CommandLine.arguments.dropFirst().map { $0.contains(where: { " \"'".contains($0) }) ? "'\($0)'" : $0 }
        return engine.exportContext(question: words.joined(separator: " "))
    }

    /// Sends an answer to -o or stdout.
    func deliver(_ answer: RenderedAnswer, note: String? = nil) throws {
        if let output, toFile {
            try Engine.write(answer, to: output, force: force)
            Console.note(note ?? "wrote \(answer.bytes.count) bytes (\(answer.format.rawValue)) to \(output)")
        } else {
            Console.out(String(decoding: answer.bytes, as: UTF8.self))
        }
    }
}

struct OutputOptions: ParsableArguments {
    @Option(name: .long, help: "Output format: table (aligned, for people), csv, json (the JSON the HTTP API returns, documented in the README) or xlsx (a spreadsheet: the table, what was not assessed, and an About sheet; needs -o).")
    var format: ReportFormat = .table

    @OptionGroup var file: FileOptions

    @Option(name: .long, help: "Names in English (en), Japanese (ja) or Arabic (ar): tables and CSV show them, JSON adds localName beside the codes.")
    var lang: String = "en"

    func validate() throws {
        if !Localizer.languages.contains(lang) { throw ValidationError("--lang must be one of \(Localizer.languages.joined(separator: ", "))") }
        try file.check(format)
    }

    private var localizer: Localizer? {
        get throws {
            guard lang != "en", let engine = OpenedEngine.current else { return nil }
            return try engine.localizer(lang)
        }
    }

    /// Prints a report in the chosen format; a table's reader is told on stderr what was left out.
    func emit(_ report: some TabularReport) throws {
        if let engine = OpenedEngine.current, format.isFile || file.toFile {
            try file.deliver(try ReportRenderer.export(report, as: format, localizer: try localizer, context: file.context(engine), metadata: file.metadata))
        } else {
            Console.out(try ReportRenderer.render(report, as: format, localizer: try localizer))
        }
        noteGaps(report.notAssessed)
    }

    /// Prints one report per year as a time series; the years without data are named.
    func emit<Report: TabularReport>(series reports: [Report], years: [Int], missing: [ReportRenderer.MissingYear] = []) throws {
        if let engine = OpenedEngine.current, format.isFile || file.toFile {
            try file.deliver(try ReportRenderer.export(series: reports, years: years, missing: missing, as: format, localizer: try localizer,
                                                       context: file.context(engine), metadata: file.metadata))
        } else {
            Console.out(try ReportRenderer.render(series: reports, years: years, missing: missing, as: format, localizer: try localizer))
        }
        noteGaps(reports.flatMap(\.notAssessed))
        if format != .table, format != .xlsx, !missing.isEmpty {
            Console.note("no answer for " + missing.map { "\($0.year)" }.joined(separator: ", ") + " — use --format json for the reasons")
        }
    }

    /// One report for `--year` (or the default year), or one per year for `--years` (the years
    /// with data; the others named).
    func emit<Report: TabularReport>(_ years: YearOptions, _ report: (Int?) throws -> Report) throws {
        if let list = try years.series() {
            let series = try ReportRenderer.series(list) { try report($0) }
            try emit(series: series.reports, years: series.years, missing: series.missing)
        } else {
            try emit(try report(years.year))
        }
    }

    private func noteGaps(_ gaps: [NotAssessedItem]) {
        guard format == .table, !gaps.isEmpty else { return }
        var seen = Set<String>()
        let names = gaps.compactMap { $0.commodity ?? $0.name }.filter { seen.insert($0).inserted }
        Console.note("not assessed (\(gaps.count)): " + (names.isEmpty ? gaps.map(\.reason).joined(separator: "; ") : names.joined(separator: ", "))
                     + " — use --format json for the reasons")
    }
}

/// `--top N`: how many rows to keep, best first.
struct TopOption: ParsableArguments {
    @Option(help: "Keep only the N largest rows.")
    var top: Int?

    func validate() throws {
        if let top, top < 1 { throw ValidationError("--top must be at least 1") }
    }
}

/// `--year Y` or `--years 2018-2024` (or a list, 2018,2020,2022) for a time series.
struct YearOptions: ParsableArguments {
    @Option(help: "Year (default: the latest year with the data the question needs).")
    var year: Int?

    @Option(help: ArgumentHelp("Several years at once, as a range or a list (2018-2024, or 2018,2020,2022): one answer per year.", valueName: "years"))
    var years: String?

    func validate() throws {
        if year != nil, years != nil { throw ValidationError("give --year or --years, not both") }
    }

    /// The years asked for; nil when a single (possibly default) year is meant.
    func series() throws -> [Int]? {
        try years.map { text throws(EngineError) in try Engine.parseYears(text) }
    }
}
