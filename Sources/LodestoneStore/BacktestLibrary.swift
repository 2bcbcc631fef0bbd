import Foundation
import LodestoneCore

/// The bundled observations of real events (Resources/Backtest), or a user's files in the same
/// format: CSV with a header row, one observation per line, every row with its source.
public enum BacktestLibrary {
    private static var folder: URL? { Bundle.module.url(forResource: "Backtest", withExtension: nil) }

    static let priceColumns = ["event", "commodity", "market", "role", "change_pct", "source"]
    static let dropColumns = ["event", "commodity", "change_pct", "source"]

    public static func priceObservations(at path: String? = nil) throws -> [PriceObservation] {
        try priceObservations(try table(path, bundled: "price-observations.csv", columns: priceColumns))
    }

    /// The observations in one file's bytes (`file` names it in messages).
    public static func priceObservations(data: Data, file: String) throws -> [PriceObservation] {
        try priceObservations(try table(data: data, file: file, columns: priceColumns))
    }

    private static func priceObservations(_ table: ([Row], String)) throws -> [PriceObservation] {
        let (rows, file) = table
        return try rows.map { row in
            guard let market = PriceObservation.Market(rawValue: row["market"]) else {
                throw row.error("market '\(row["market"])' must be outside, inside or model", file: file)
            }
            guard let role = PriceObservation.Role(rawValue: row["role"]) else {
                throw row.error("role '\(row["role"])' must be fit, test or reference", file: file)
            }
            return PriceObservation(
                event: try row.required("event", file: file), commodity: try row.required("commodity", file: file), market: market,
                role: role, horizonMonths: Double(row["horizon_months"]) ?? .nan, dateBefore: row["date_before"],
                dateAfter: row["date_after"], priceBasis: row["price_basis"], change: try row.percent("change_pct", file: file),
                source: try row.required("source", file: file), url: row["url"], reliability: row["reliability"], note: row["note"])
        }
    }

    public static func exportDrops(at path: String? = nil) throws -> [ExportDrop] {
        try exportDrops(try table(path, bundled: "export-drops.csv", columns: dropColumns))
    }

    /// The export drops in one file's bytes (`file` names it in messages).
    public static func exportDrops(data: Data, file: String) throws -> [ExportDrop] {
        try exportDrops(try table(data: data, file: file, columns: dropColumns))
    }

    private static func exportDrops(_ table: ([Row], String)) throws -> [ExportDrop] {
        let (rows, file) = table
        return try rows.map { row in
            ExportDrop(event: try row.required("event", file: file), commodity: try row.required("commodity", file: file),
                       periodBefore: row["period_before"], periodAfter: row["period_after"],
                       change: try row.percent("change_pct", file: file, allowingZero: true), source: try row.required("source", file: file),
                       url: row["url"], reliability: row["reliability"], note: row["note"])
        }
    }

    struct Row {
        let fields: [String: String]
        let line: Int
        subscript(_ column: String) -> String { fields[column] ?? "" }

        func error(_ message: String, file: String) -> StoreError {
            .io(path: "\(file):\(line)", reason: message)
        }
        func required(_ column: String, file: String) throws -> String {
            guard !self[column].isEmpty else { throw error("'\(column)' is empty", file: file) }
            return self[column]
        }
        /// A percentage as a fraction; finite, above −100 % (a price), or from −100 % (a volume, which can fall to zero).
        func percent(_ column: String, file: String, allowingZero: Bool = false) throws -> Double {
            guard let value = Double(self[column]), value.isFinite, allowingZero ? value >= -100 : value > -100, value < 100_000 else {
                let bound = allowingZero ? "from −100" : "above −100"
                throw error("'\(column)' must be a percentage \(bound) (e.g. 43.4 or -9), not '\(self[column])'", file: file)
            }
            return value / 100
        }
    }

    private static func table(_ path: String?, bundled: String, columns: [String]) throws -> ([Row], String) {
        guard let path = path ?? folder?.appendingPathComponent(bundled).path else {
            throw StoreError.io(path: bundled, reason: "the bundled observations are missing — pass the file explicitly")
        }
        return try table(path, columns: columns)
    }

    /// A CSV file's rows by column name, after checking that the header has `columns`.
    static func table(_ path: String, columns: [String]) throws -> ([Row], String) {
        guard let data = FileManager.default.contents(atPath: path) else { throw StoreError.io(path: path, reason: "cannot read the file") }
        return try table(data: data, file: path, columns: columns)
    }

    static func table(data: Data, file path: String, columns: [String]) throws -> ([Row], String) {
        let name = (path as NSString).lastPathComponent
        let rows = try CSVTable.parse(data, file: name).filter { !($0.count == 1 && $0[0].isEmpty) }
        guard let header = rows.first else { throw StoreError.io(path: path, reason: "the file is empty: expected a header row") }
        for column in columns where !header.contains(column) {
            throw StoreError.io(path: path, reason: "missing column '\(column)' (expected \(columns.joined(separator: ", ")) and more)")
        }
        return (rows.dropFirst().enumerated().map { index, fields in
            Row(fields: Dictionary(zip(header, fields), uniquingKeysWith: { first, _ in first }), line: index + 2)
        }, name)
    }
}
