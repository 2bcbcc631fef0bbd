import Foundation
import LodestoneStore

/// What an exported file says about itself: the question as asked, the data it was answered
/// from, and where those data come from. CSV carries it as `#` lines above the header (with
/// `--metadata`, or `metadata=true` on the API); a workbook always carries it on its About sheet.
public struct ExportContext: Sendable, Hashable {
    /// The question as the user asked it: a command line or an API path with its query.
    public var question: String
    public var dataVersion: String
    /// One line per source release: "trade: BACI HS17 V202501 (Licence Ouverte / Etalab 2.0)".
    public var sources: [String]

    public init(question: String, dataVersion: String, sources: [String]) {
        self.question = question
        self.dataVersion = dataVersion
        self.sources = sources
    }
}

extension Engine {
    /// The context an export of an answer to `question` carries.
    public func exportContext(question: String) -> ExportContext {
        ExportContext(question: question, dataVersion: dataVersion, sources: dataset.provenance.map { p in
            "\(p.dataset): \(p.source) \(p.version)" + (p.licence.isEmpty ? "" : " (\(p.licence))")
        })
    }
}

extension Column.Unit {
    /// What a number in a column of this unit is, for an export's column list.
    var exportDescription: String {
        switch self {
        case .tonnes: "metric tonnes"
        case .share: "fraction 0–1 (0.25 = 25 %)"
        case .change: "relative change (0.35 = +35 %, −0.2 = −20 %)"
        case .usd: "US dollars"
        case .kusd: "thousands of US dollars"
        case .score: "dimensionless score or index"
        case .price: "US dollars per kg"
        case .days: "days"
        case .years: "years"
        case .count: "whole number"
        case .year: "calendar year"
        case .flag: "true or false"
        case .country: "country: ISO3 code (…_code) and name"
        case .text: "text"
        }
    }
}

extension ReportRenderer {
    /// One exported cell: CSV writes its text, a workbook a typed cell; both come from here, so
    /// the two files always hold the same values.
    enum Field: Sendable, Hashable {
        case empty
        case text(String)
        /// A whole-number unit (count, year) is written without decimals; the rest in the
        /// shortest text that reads back as the same Double.
        case number(Double, whole: Bool)
        case flag(Bool)

        /// A cell a report hands over directly (the grid's), in its column's unit.
        init(_ cell: Cell, unit: Column.Unit) {
            switch cell {
            case .number(let x): self = .number(x, whole: [.count, .year].contains(unit))
            case .text(let t): self = .text(t)
            case .missing: self = .empty
            }
        }

        var csvText: String {
            switch self {
            case .empty: ""
            case .text(let text): text
            case .number(let x, let whole): whole && abs(x) < 9.0e15 ? String(Int(x)) : String(describing: x)
            case .flag(let flag): flag ? "true" : "false"
            }
        }
    }

    /// The export's header (a country column is two: `key_code`, `key`) and its rows of fields.
    static func exportTable(_ report: some TabularReport, localizer: Localizer? = nil) throws(EngineError) -> (header: [String], rows: [[Field]]) {
        let header = exportHeader(report.columns)
        if let cells = report.cells() {
            return (header, cells.map { row in zip(report.columns, row).map { Field($1, unit: $0.unit) } })
        }
        return (header, try rows(of: report, localizer: localizer).map { fields($0, report.columns) })
    }

    static func exportHeader(_ columns: [Column]) -> [String] { exportColumns(columns).map(\.key) }

    static func fields(_ row: [String: Any], _ columns: [Column]) -> [Field] {
        var out: [Field] = []
        for column in columns {
            let value = value(row, column.key)
            if column.unit == .country {
                let object = value as? [String: Any]
                out.append(textField(object?["iso3"] ?? object?["id"]))
                out.append(textField(object?["name"]))
                continue
            }
            switch value {
            case nil, is NSNull: out.append(.empty)
            case let flag as Bool where column.unit == .flag: out.append(.flag(flag))
            case let number as NSNumber:
                if column.unit == .flag { out.append(.flag(number.boolValue)) }
                else if [.count, .year].contains(column.unit) { out.append(.number(Double(number.intValue), whole: true)) }
                else { out.append(.number(number.doubleValue, whole: false)) }
            default: out.append(textField(value))
            }
        }
        return out
    }

    private static func textField(_ value: Any?) -> Field {
        let string = text(value)
        return string.isEmpty ? .empty : .text(string)
    }

    /// The `#` lines a CSV export starts with: what was asked, the data version, the sources and
    /// each column's unit. Readers skip them with `comment="#"` (pandas) or by their `#`.
    public static func csvMetadata(_ context: ExportContext, columns: [Column], missing: [MissingYear] = []) -> String {
        var lines = ["# Lodestone answer to: \(context.question)", "# data version: \(context.dataVersion)"]
        lines += context.sources.map { "# source: \($0)" }
        lines += columns.map { "# column \($0.key): \($0.title) — \($0.unit.exportDescription)" }
        lines += missing.map { "# no answer for \($0.year): \($0.reason)" }
        return lines.map { $0.replacingOccurrences(of: "\n", with: " ") }.joined(separator: "\n") + "\n"
    }

    /// A workbook (.xlsx): the answer's table on the first sheet (the CSV's header and values,
    /// numbers as numbers), what was not assessed on a second when anything was, and an About
    /// sheet with the question, data version, sources and column units.
    public static func workbook(_ report: some TabularReport, localizer: Localizer? = nil, context: ExportContext) throws(EngineError) -> Data {
        let table = try exportTable(report, localizer: localizer)
        return try Workbook.data(sheets: sheets(table, columns: report.columns, notAssessed: report.notAssessed, context: context, missing: []))
    }

    /// A year series as a workbook: one table with a leading `year` column, as its CSV.
    public static func workbook<Report: TabularReport>(series reports: [Report], years: [Int], missing: [MissingYear],
                                                       localizer: Localizer? = nil, context: ExportContext) throws(EngineError) -> Data {
        var rows: [[Field]] = []
        for (year, report) in zip(years, reports) {
            rows += try exportTable(report, localizer: localizer).rows.map { [.number(Double(year), whole: true)] + $0 }
        }
        let columns = [Column("year", "year", .year)] + (reports.first?.columns ?? [])
        return try Workbook.data(sheets: sheets((exportHeader(columns), rows), columns: columns, notAssessed: reports.flatMap(\.notAssessed),
                                               context: context, missing: missing))
    }

    private static func sheets(_ table: (header: [String], rows: [[Field]]), columns: [Column], notAssessed: [NotAssessedItem],
                               context: ExportContext, missing: [MissingYear]) -> [Workbook.Sheet] {
        var sheets = [Workbook.Sheet(name: "Answer", header: table.header, rows: table.rows,
                                     percent: Set(exportColumns(columns).enumerated().filter { [.share, .change].contains($0.element.unit) }.map(\.offset)))]
        if !notAssessed.isEmpty {
            sheets.append(Workbook.Sheet(name: "Not assessed", header: ["commodity", "name", "reason"], rows: notAssessed.map { gap in
                [gap.commodity.map(Field.text) ?? .empty, gap.name.map(Field.text) ?? .empty, .text(gap.reason)]
            }))
        }
        var about: [[Field]] = [[.text("question"), .text(context.question)], [.text("data version"), .text(context.dataVersion)]]
        about += context.sources.map { [.text("source"), .text($0)] }
        about += missing.map { [.text("no answer for \($0.year)"), .text($0.reason)] }
        about += exportColumns(columns).map { [.text("column " + $0.key), .text("\($0.title) — \($0.unit.exportDescription)")] }
        sheets.append(Workbook.Sheet(name: "About", header: ["item", "value"], rows: about))
        return sheets
    }

    /// The columns as exported: a country column is its code and its name.
    static func exportColumns(_ columns: [Column]) -> [Column] {
        columns.flatMap { $0.unit == .country ? [Column($0.key + "_code", $0.title + " (code)", .text), Column($0.key, $0.title, .text)] : [$0] }
    }
}
