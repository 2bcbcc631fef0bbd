import Foundation
import LodestoneCore

/// Reads the US salient statistics of the USGS Mineral Commodity Summaries 2025 data release
/// (doi:10.5066/P13XCP3R, public domain): one file per commodity, `salient_commodity/mcs2025-*_salient.csv`,
/// in a wide layout — `DataSource,Commodity,Year,` then one column per series named
/// `<Statistic>_<detail>_<unit>` ("Imports_Metal_kg", "NIR_pct"), one row per year (2020–2024).
///
/// Kept: the columns whose unit is a mass (`t`, `kt`, `kg`, `g`, `mmt`) as tonnes, and net import
/// reliance (`NIR_…`) as a share of 0...1 whatever its suffix says. Left out: prices, employment,
/// stocks' units of other kinds. Values are read by `MCSValue`: a gap, a bound (">50") or a
/// symbol ("E", "W") is kept as published with no amount, never a zero; "—" is a zero.
public struct USGSSalientTables: Sendable {
    public struct Key: Hashable, Sendable {
        public var commodity: String
        public var column: String
        public init(commodity: String, column: String) {
            self.commodity = commodity.trimmingCharacters(in: .whitespaces)
            self.column = column.trimmingCharacters(in: .whitespaces)
        }
    }

    public private(set) var figures: [Key: [Int: USGSCommoditiesData.SalientFigure]] = [:]
    public private(set) var warnings: [ImportWarning] = []
    public private(set) var files: [String] = []
    /// SHA-256 of every file read, in the order read.
    public private(set) var sha256: [String] = []

    public init() {}

    /// True when a header row is this layout's.
    static func isThisLayout(header: [String]) -> Bool {
        let names = header.prefix(3).map { $0.replacingOccurrences(of: "\u{FEFF}", with: "").trimmingCharacters(in: .whitespaces).lowercased() }
        return names.count == 3 && ["datasource", "source"].contains(names[0]) && names[1] == "commodity" && names[2] == "year"  // bauxite's says "Source"
    }

    /// Tonnes per published unit, or a share for percentages; nil for what is not a quantity.
    static func scale(of column: String) -> (factor: Double, isShare: Bool)? {
        if column.uppercased().hasPrefix("NIR") { return (0.01, true) }
        switch column.split(separator: "_").last.map(String.init) ?? "" {
        case "t": return (1, false)
        case "kt": return (1_000, false)
        case "mmt": return (1_000_000, false)
        case "kg": return (0.001, false)
        case "g": return (0.000_001, false)
        case "pct": return (0.01, true)
        default: return nil
        }
    }

    /// Adds one file's figures; a file of another layout is refused with the header it expected.
    public mutating func add(data: Data, file: String) throws {
        let decoded = SourceText.utf8(fromWindows1252OrUTF8: data)
        let records: [(line: Int, fields: [String])]
        do { records = try CSVTable.parseRecords(decoded.bytes, file: file) } catch {
            throw StoreError.malformedSource(location: file, reason: "not a CSV file that can be read (\(error)) — give mcs2025-*_salient.csv as downloaded")
        }
        guard let header = records.first?.fields, Self.isThisLayout(header: header) else {
            throw StoreError.malformedSource(location: "\(file):1", reason: "not a USGS MCS 2025 salient-statistics table: expected DataSource,Commodity,Year,… "
                + "(salient_commodity/mcs2025-*_salient.csv of doi:10.5066/P13XCP3R)")
        }
        sha256.append(SHA256.hex(of: data))
        files.append(file)
        for (line, row) in records.dropFirst() where row != [""] {
            guard row.count == header.count else {
                warnings.append(ImportWarning(location: "\(file):\(line)", message: "expected \(header.count) fields, found \(row.count); row skipped"))
                continue
            }
            guard let year = Int(row[2].trimmingCharacters(in: .whitespaces)), (1900...2100).contains(year) else {
                warnings.append(ImportWarning(location: "\(file):\(line)", message: "year '\(ImportWarning.excerpt(row[2], 40))' is not a year; row skipped"))
                continue
            }
            for (index, column) in header.enumerated().dropFirst(3) {
                guard let scale = Self.scale(of: column) else { continue }
                let text = row[index].trimmingCharacters(in: .whitespaces)
                var amount: Double?
                switch MCSValue(text) {
                case .amount(let value): amount = value * scale.factor
                case .zero: amount = 0
                case .gap, .bound: amount = nil
                case .invalid(let bad):
                    warnings.append(ImportWarning(location: "\(file):\(line)", message: "\(column) '\(ImportWarning.excerpt(bad, 40))' is not a figure; left out"))
                    continue
                }
                if let value = amount, scale.isShare, value > 1 { amount = nil }
                figures[Key(commodity: row[1], column: column), default: [:]][year] =
                    USGSCommoditiesData.SalientFigure(amount: amount, published: "\(text) (\(column))", isShare: scale.isShare)
            }
        }
    }
}
