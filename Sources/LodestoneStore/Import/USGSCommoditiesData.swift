import Foundation
import LodestoneCore

/// Reads the USGS Mineral Commodity Summaries commodities data (MCS2026_Commodities_Data.csv of
/// the MCS 2026 data release, doi:10.5066/P1WKQ63T, CC0 1.0): one figure per row, in
/// Windows-1252, with the columns `MCS chapter, Section, Commodity, Country, Statistics,
/// Statistics_detail, Unit, Year, Value, Notes, Is critical mineral 2025, Other notes`.
///
/// Kept: world production by country — rows whose Section starts with "World" and whose
/// Statistics is "Production" — in tonnes by (Commodity, Statistics_detail) → country → year.
/// Each Statistics_detail is one series: "Mine production", "Refinery production", "Smelter
/// production", "Primary production" (low-purity gallium), "Silicon metal"…
///
/// Also kept: the US salient statistics (Section "Salient Statistics—United States": production,
/// imports, exports, consumption and net import reliance, `salient`) with each figure as
/// published, and the US import sources by country (Section "Import Sources", `importSources`).
///
/// Left out: "World total" and "Other countries" rows, capacity, reserves, prices, stocks. Values are read by `MCSValue`: gaps ("W", "NA", "s", "XX")
/// and zeros ("—") make no record; a bound (">75") or range is skipped with a warning. A unit
/// without a mass conversion (carats, cubic metres, litres), a country the store does not know
/// and a malformed row are warnings with their file:line; a file without this header is refused.
public struct USGSCommoditiesData: Sendable {
    public struct Key: Hashable, Sendable {
        public var commodity: String
        public var statistic: String
        public init(commodity: String, statistic: String) {
            self.commodity = commodity.trimmingCharacters(in: .whitespaces)
            self.statistic = statistic.trimmingCharacters(in: .whitespaces)
        }
    }

    /// What the reader met, for import summaries and tests.
    public struct Counts: Sendable, Hashable {
        /// Data rows with the header's number of fields.
        public var rows = 0
        /// World-production rows by country ("World total" and "Other countries" left out).
        public var productionRows = 0
        /// Figures kept as tonnes.
        public var amounts = 0
        /// "—" (zero): no record.
        public var zeros = 0
        /// Gaps by the release's symbol ("W", "NA", "s", "XX", "E", "" for an empty cell).
        public var gaps: [String: Int] = [:]
    }

    /// The columns the reader needs, as the release names them.
    public static let requiredColumns = ["Section", "Commodity", "Country", "Statistics", "Statistics_detail", "Unit", "Year", "Value"]

    /// One US salient figure: tonnes for a mass unit, a share 0...1 for a percentage; nil
    /// amount for a gap, a bound or a symbol ("W", ">50", "E"), which `published` keeps.
    public struct SalientFigure: Hashable, Sendable {
        public var amount: Double?
        public var published: String
        public var isShare: Bool
    }

    /// One US import source as published: the partner's share of imports over a period.
    public struct ImportSource: Hashable, Sendable {
        /// The partner as the release names it ("China", "Other countries").
        public var partner: String
        /// The store's code for the partner; nil for "Other countries" or an unknown name.
        public var country: CountryCode?
        public var share: Double
        /// "2021–24".
        public var period: String
    }

    /// US salient statistics by (commodity, Statistics_detail) → year.
    public private(set) var salient: [Key: [Int: SalientFigure]] = [:]
    /// US import sources by (commodity, Statistics_detail: the form, "Metal", "Combined total").
    public private(set) var importSources: [Key: [ImportSource]] = [:]

    /// Tonnes by (commodity, statistic) → country → year.
    public private(set) var series: [Key: [CountryCode: [Int: Double]]] = [:]
    public private(set) var warnings: [ImportWarning] = []
    public private(set) var counts = Counts()
    public let sha256: String
    /// How the bytes were decoded: Windows-1252 as published, or UTF-8 for a re-saved copy.
    public let encoding: String

    /// Years with world production, ascending.
    public var years: [Int] { Set(series.values.flatMap { $0.values.flatMap(\.keys) }).sorted() }

    /// The MCS edition: each one estimates the year before it (MCS 2026 reports 2025).
    public var edition: Int? { years.last.map { $0 + 1 } }

    public init(path: String, countries: [Country]) throws {
        try self.init(data: try SourceFile.read(path, what: "the USGS MCS commodities data (MCS2026_Commodities_Data.csv)"),
                      file: (path as NSString).lastPathComponent, countries: countries)
    }

    public init(data: Data, file: String, countries: [Country]) throws {
        sha256 = SHA256.hex(of: data)
        let decoded = SourceText.utf8(fromWindows1252OrUTF8: data)
        encoding = decoded.encoding.rawValue
        let records: [(line: Int, fields: [String])]
        do { records = try CSVTable.parseRecords(decoded.bytes, file: file) } catch {
            throw StoreError.malformedSource(location: file, reason: "not a CSV file that can be read (\(error)) — give MCS2026_Commodities_Data.csv as downloaded")
        }
        guard let header = records.first?.fields else { throw StoreError.malformedSource(location: file, reason: "empty file — \(Self.expectation)") }
        let columns = try Self.columns(in: header, file: file)
        var reader = RowReader(file: file, lookup: CountryLookup(countries), width: header.count, columns: columns)
        for record in records.dropFirst() { reader.read(record) }
        reader.finish()
        series = reader.series
        salient = reader.salient
        importSources = reader.importSources
        warnings = reader.warnings
        counts = reader.counts
        guard counts.productionRows > 0 else {
            throw StoreError.malformedSource(location: file, reason: "no world production rows (Section 'World …', Statistics 'Production') — is this the whole release file? \(Self.expectation)")
        }
    }

    public func tonnes(commodity: String, statistic: String) -> [CountryCode: [Int: Double]] {
        series[Key(commodity: commodity, statistic: statistic)] ?? [:]
    }

    /// True when a header row is this layout's (it names every required column).
    static func isThisLayout(header: [String]) -> Bool {
        let names = Set(header.map(Self.columnKey))
        return requiredColumns.allSatisfy { names.contains(columnKey($0)) }
    }

    static let expectation = "expected the header of MCS2026_Commodities_Data.csv (MCS chapter,Section,Commodity,Country,Statistics,"
        + "Statistics_detail,Unit,Year,Value,…) from the USGS MCS 2026 data release, doi:10.5066/P1WKQ63T"

    private static func columnKey(_ name: String) -> String {
        name.replacingOccurrences(of: "\u{FEFF}", with: "").trimmingCharacters(in: .whitespaces).lowercased()
    }

    /// Index of each required column; throws naming the missing ones.
    private static func columns(in header: [String], file: String) throws -> [String: Int] {
        var index: [String: Int] = [:]
        for (position, name) in header.enumerated() where index[columnKey(name)] == nil { index[columnKey(name)] = position }
        let missing = requiredColumns.filter { index[columnKey($0)] == nil }
        guard missing.isEmpty else {
            throw StoreError.malformedSource(location: "\(file):1", reason: "not the USGS MCS commodities data: no column \(missing.joined(separator: ", ")) — \(expectation)")
        }
        return Dictionary(uniqueKeysWithValues: requiredColumns.compactMap { name in index[columnKey(name)].map { (name, $0) } })
    }
}
