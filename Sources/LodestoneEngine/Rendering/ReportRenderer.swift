import Foundation

/// Output formats every report supports.
public enum ReportFormat: String, Sendable, Hashable, Codable, CaseIterable {
    case table, csv, json
    /// A spreadsheet file (Office Open XML): bytes, not text, so written to a file or sent as a download.
    case xlsx

    /// The media type a server sends it with.
    public var contentType: String {
        switch self {
        case .table: "text/plain; charset=utf-8"
        case .csv: "text/csv; charset=utf-8"
        case .json: "application/json; charset=utf-8"
        case .xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        }
    }

    /// Saved rather than read in place: a download gets a file name.
    public var isFile: Bool { self == .csv || self == .xlsx }
}

/// A rendered answer: text for table, CSV and JSON; the workbook's bytes for xlsx.
public struct RenderedAnswer: Sendable {
    public var bytes: Data
    public var format: ReportFormat
}

/// The one renderer: JSON is the report encoded with sorted keys; a table and CSV are read off
/// the same JSON through the report's columns, so the three never disagree and no front end
/// formats a number by hand.
public enum ReportRenderer {
    /// With a `localizer` for another language, JSON adds each country's and commodity's
    /// `localName` (codes and English names stay), and tables and CSV show the local names.
    public static func render(_ report: some TabularReport, as format: ReportFormat, localizer: Localizer?) throws(EngineError) -> String {
        guard let localizer, localizer.language != "en" else { return try render(report, as: format) }
        switch format {
        case .json:
            return try localizer.json(jsonData(report))
        case .csv:
            return csv(rows: try rows(of: report, localizer: localizer), columns: report.columns)
        case .table:
            return page(report, table(rows: try rows(of: report, localizer: localizer), columns: report.tableColumns))
        case .xlsx:
            throw binary
        }
    }

    static let binary = EngineError(.usage, "xlsx is a spreadsheet file, not text: write it to a file (-o FILE)")

    /// An answer in any format, with its context: CSV starts with the `#` metadata lines when
    /// `metadata` is set; a workbook always has its About sheet.
    public static func export(_ report: some TabularReport, as format: ReportFormat, localizer: Localizer?, context: ExportContext,
                              metadata: Bool) throws(EngineError) -> RenderedAnswer {
        switch format {
        case .xlsx:
            return RenderedAnswer(bytes: try workbook(report, localizer: localizer, context: context), format: format)
        case .csv where metadata:
            let text = csvMetadata(context, columns: report.columns) + (try render(report, as: .csv, localizer: localizer))
            return RenderedAnswer(bytes: Data(text.utf8), format: format)
        default:
            return RenderedAnswer(bytes: Data(try render(report, as: format, localizer: localizer).utf8), format: format)
        }
    }

    /// A year series in any format, as `export` does for one report.
    public static func export<Report: TabularReport>(series reports: [Report], years: [Int], missing: [MissingYear], as format: ReportFormat,
                                                     localizer: Localizer?, context: ExportContext, metadata: Bool) throws(EngineError) -> RenderedAnswer {
        switch format {
        case .xlsx:
            return RenderedAnswer(bytes: try workbook(series: reports, years: years, missing: missing, localizer: localizer, context: context), format: format)
        default:
            var text = try render(series: reports, years: years, missing: missing, as: format, localizer: localizer)
            if format == .csv, metadata { text = csvMetadata(context, columns: [Column("year", "year", .year)] + (reports.first?.columns ?? []), missing: missing) + text }
            return RenderedAnswer(bytes: Data(text.utf8), format: format)
        }
    }

    public static func render(_ report: some TabularReport, as format: ReportFormat) throws(EngineError) -> String {
        switch format {
        case .json: return try json(report)
        case .csv:
            if let cells = report.cells() { return csv(cells: cells, columns: report.columns) }
            return csv(rows: try rows(of: report), columns: report.columns)
        case .table:
            let body = if let cells = report.cells() { table(cells: cells, columns: report.columns) }
                       else { table(rows: try rows(of: report), columns: report.tableColumns) }
            return page(report, body)
        case .xlsx:
            throw binary
        }
    }

    /// A table between its report's heading and footer.
    private static func page(_ report: some TabularReport, _ body: String) -> String {
        report.heading + "\n\n" + body + (report.footer.isEmpty ? "" : "\n" + report.footer + "\n")
    }

    /// Several years of one question: JSON `{"years": [...], "reports": [...]}`; CSV one header
    /// with a leading `year` column; a table per year, one after another.
    public static func render<Report: TabularReport>(series reports: [Report], years: [Int], missing: [MissingYear] = [],
                                                     as format: ReportFormat, localizer: Localizer? = nil) throws(EngineError) -> String {
        let localizer = localizer?.language == "en" ? nil : localizer
        switch format {
        case .json:
            let text = try json(YearSeries(years: years, reports: reports, missingYears: missing))
            return try localizer.map { l throws(EngineError) in try l.json(Data(text.utf8)) } ?? text
        case .csv:
            var text = ""
            for (index, (year, report)) in zip(years, reports).enumerated() {
                let columns = [Column("year", "year", .year)] + report.columns
                var rows = try rows(of: report, localizer: localizer)
                for i in rows.indices { rows[i]["year"] = year }
                let block = csv(rows: rows, columns: columns)
                text += index == 0 ? block : String(block.drop { $0 != "\n" }.dropFirst())
            }
            return text
        case .table:
            var blocks: [String] = []
            for report in reports { blocks.append(try render(report, as: .table, localizer: localizer)) }
            if !missing.isEmpty {
                blocks.append("no answer for " + missing.map { "\($0.year) (\($0.reason))" }.joined(separator: "; ") + "\n")
            }
            return blocks.joined(separator: "\n")
        case .xlsx:
            throw binary
        }
    }

    /// A year of a series the data cannot answer, and why.
    public struct MissingYear: Sendable, Hashable, Codable {
        public var year: Int
        public var reason: String
    }

    struct YearSeries<Report: TabularReport>: Encodable, CarriesCountryNames {
        var years: [Int]
        var reports: [Report]
        var missingYears: [MissingYear]

        var countryNames: CountryNames? { reports.first?.countryNames }
    }

    /// One report per year that has data; the years without (a no-data answer) are listed with
    /// their reason instead of failing the series. Any other error, or no year at all, throws.
    public static func series<Report>(_ years: [Int], _ make: (Int) throws -> Report) throws -> (years: [Int], reports: [Report], missing: [MissingYear]) {
        var answered: [Int] = [], reports: [Report] = [], missing: [MissingYear] = [], firstGap: EngineError?
        for year in years {
            do {
                reports.append(try make(year))
                answered.append(year)
            } catch let error as EngineError where error.kind == .noData {
                missing.append(MissingYear(year: year, reason: error.message))
                firstGap = firstGap ?? error
            }
        }
        if answered.isEmpty, let firstGap {
            throw EngineError(.noData, "no year of \(years.first!)–\(years.last!) has an answer: \(firstGap.message)")
        }
        return (answered, reports, missing)
    }

    public static func json(_ value: some Encodable) throws(EngineError) -> String {
        String(decoding: try jsonData(value), as: UTF8.self) + "\n"
    }

    /// Pretty, sorted keys, slashes as they are; infinities and NaN as strings.
    public static func jsonData(_ value: some Encodable) throws(EngineError) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        if let names = (value as? any CarriesCountryNames)?.countryNames { encoder.userInfo[.countryNames] = names }
        do {
            return try encoder.encode(value)
        } catch {
            throw EngineError(.failure, "the report could not be encoded: \(error)")
        }
    }

    /// The report's rows as Foundation values, read exactly off its JSON; with a localizer for
    /// another language, countries and commodities carry their local `name`.
    static func rows(of report: some TabularReport, localizer: Localizer? = nil) throws(EngineError) -> [[String: Any]] {
        let data = try jsonData(report)
        guard case .array(let rows)? = JSONValue.decode(data)?["rows"] else { return [] }
        let names = localizer?.language == "en" ? nil : localizer
        return rows.compactMap { (names?.replacingNames($0) ?? $0).foundation as? [String: Any] }
    }

    // MARK: CSV (RFC 4180, full precision)

    /// A field of a row by its column key, following dots into nested objects.
    static func value(_ row: [String: Any], _ key: String) -> Any? {
        if let direct = row[key] { return direct }
        guard let dot = key.firstIndex(of: "."), let inner = row[String(key[..<dot])] as? [String: Any] else { return nil }
        return value(inner, String(key[key.index(after: dot)...]))
    }

    static func csvHeader(_ columns: [Column]) -> String {
        exportHeader(columns).map(quoted).joined(separator: ",")
    }

    static func csv(cells: [[Cell]], columns: [Column]) -> String {
        var text = csvHeader(columns) + "\n"
        text.reserveCapacity(cells.count * 16 * max(columns.count, 1))
        for row in cells {
            for (index, cell) in row.enumerated() {
                if index > 0 { text += "," }
                text += quoted(Field(cell, unit: columns[index].unit).csvText)
            }
            text += "\n"
        }
        return text
    }

    static func table(cells: [[Cell]], columns: [Column]) -> String {
        table(rows: cells.map { row in
            Dictionary(uniqueKeysWithValues: zip(columns, row).map { column, cell -> (String, Any) in
                switch cell {
                case .number(let x): (column.key, NSNumber(value: x))
                case .text(let t): (column.key, t)
                case .missing: (column.key, NSNull())
                }
            })
        }, columns: columns)
    }

    static func csv(rows: [[String: Any]], columns: [Column]) -> String {
        var lines = [csvHeader(columns)]
        for row in rows { lines.append(fields(row, columns).map { quoted($0.csvText) }.joined(separator: ",")) }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func quoted(_ cell: String) -> String {
        guard cell.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return cell }
        return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    static func text(_ value: Any?) -> String {
        switch value {
        case nil, is NSNull: ""
        case let string as String: string
        case let list as [Any]: list.map { text($0) }.joined(separator: ";")
        case let number as NSNumber: number.stringValue
        default: "\(value!)"
        }
    }

    // MARK: Table (for people)

    static func table(rows: [[String: Any]], columns: [Column]) -> String {
        let cells = rows.map { row in columns.map { display(value(row, $0.key), $0.unit) } }
        let headings = columns.map(\.title)
        var widths = headings.map(displayWidth)
        for line in cells { for (index, cell) in line.enumerated() { widths[index] = max(widths[index], displayWidth(cell)) } }
        let rightAligned = columns.map { ![.text, .country, .flag].contains($0.unit) }
        func line(_ values: [String]) -> String {
            let joined = values.enumerated().map { index, value in
                let pad = String(repeating: " ", count: max(0, widths[index] - displayWidth(value)))
                return rightAligned[index] ? pad + value : value + pad
            }.joined(separator: "  ")
            // Trailing padding dropped by hand: a regular expression backtracks quadratically
            // over a long run of padding before text.
            return String(joined[..<(joined.lastIndex { $0 != " " }.map { joined.index(after: $0) } ?? joined.startIndex)])
        }
        return ([line(headings)] + cells.map(line)).joined(separator: "\n") + "\n"
    }

    /// Terminal columns a text takes: East Asian wide characters (kana, kanji, hangul, full-width
    /// forms) take two, so Japanese names line up.
    static func displayWidth(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { width, scalar in
            let v = scalar.value
            let wide = (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
                || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v) || (0xFFE0...0xFFE6).contains(v)
            let zero = scalar.properties.generalCategory == .nonspacingMark || scalar.properties.generalCategory == .enclosingMark
            return width + (zero ? 0 : wide ? 2 : 1)
        }
    }

    /// A parameter in prose (a tolerance, a number of years): up to four significant digits,
    /// trailing zeros dropped: 1.5, 2, 0.125.
    public static func plain(_ x: Double) -> String { abs(x) >= 1000 ? grouped(x) : significant(x, 4, trimmed: true) }

    /// A number as a table shows it (for headings and footers).
    public static func format(_ x: Double, _ unit: Column.Unit) -> String { display(NSNumber(value: x), unit) }

    /// How a value of a unit kind reads in a table; the dashboard's formatter follows the same rules.
    public static func display(_ value: Any?, _ unit: Column.Unit) -> String {
        switch value {
        case nil, is NSNull: return "—"
        case let string as String: return string
        case let object as [String: Any]:
            let code = text(object["iso3"] ?? object["id"])
            let name = text(object["name"])
            return code.isEmpty || code == name ? name : "\(name) (\(code))"
        case let list as [Any]: return list.map { text($0) }.joined(separator: " ")
        case let number as NSNumber:
            let x = number.doubleValue
            switch unit {
            case .flag: return number.boolValue ? "yes" : ""
            case .count, .year: return String(number.intValue)
            case .tonnes, .usd, .kusd: return grouped(x)
            case .share: return String(format: "%.1f%%", x * 100)
            case .change: return x > 0 ? String(format: "+%.1f%%", x * 100) : x < 0 ? String(format: "−%.1f%%", -x * 100) : "0.0%"
            case .score, .price: return abs(x) >= 1000 ? grouped(x) : significant(x, 4, trimmed: false)
            case .days: return abs(x) >= 9.95 || x == 0 ? grouped(x.rounded()) : String(format: "%.1f", x)
            case .years: return significant(x, 3, trimmed: true)
            case .country, .text: return number.stringValue
            }
        default: return text(value)
        }
    }

    /// Thousands separators, no decimals from 10 up; below 10, three significant digits with
    /// trailing zeros dropped ("2", "6.5", "0.163"), so a small tonnage never reads as thousands.
    static func grouped(_ value: Double) -> String {
        guard value.isFinite else { return String(describing: value) }
        if value != 0, abs(value) < 10 { return significant(value, 3, trimmed: true) }
        let whole = String(format: "%.0f", value)
        var result = ""
        for (index, character) in whole.reversed().enumerated() {
            if index > 0, index % 3 == 0, character != "-" { result.append(",") }
            result.append(character)
        }
        return String(result.reversed())
    }

    /// `digits` significant digits in fixed notation, never scientific: 0.5150, 57.17, 0.0001234.
    /// Trimmed, trailing zeros (and a bare point) go: 2.000 → 2.
    static func significant(_ value: Double, _ digits: Int, trimmed: Bool) -> String {
        guard value.isFinite else { return String(describing: value) }
        if value == 0 { return "0" }
        let decimals = min(12, max(0, digits - 1 - Int(log10(abs(value)).rounded(.down))))
        var text = String(format: "%.\(decimals)f", value)
        if trimmed, text.contains(".") {
            while text.last == "0" { text.removeLast() }
            if text.last == "." { text.removeLast() }
        }
        return text == "-0" ? "0" : text
    }
}
