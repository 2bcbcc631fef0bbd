import Foundation
import LodestoneCore

/// Reads the USGS Mineral Commodity Summaries world-data table (MCS2025_World_Data.csv of the
/// MCS 2025 data release, doi:10.5066/P13XCP3R): production and capacity by country for two
/// years, with units per row ("metric tons", "thousand metric tons", "kilograms").
///
/// Values such as "W" (withheld), "NA", "—" or "" are missing, never zero; "Other countries" and
/// "World total" rows are left out; a country name the store does not know is a warning.
public struct USGSWorldData: Sendable {
    public struct Key: Hashable, Sendable {
        public var commodity: String
        public var type: String
    }

    /// Tonnes by (commodity, type) → country → year.
    public private(set) var series: [Key: [CountryCode: [Int: Double]]] = [:]
    public private(set) var warnings: [ImportWarning] = []
    public let sha256: String

    /// Years with production, ascending.
    public var years: [Int] { Set(series.values.flatMap { $0.values.flatMap(\.keys) }).sorted() }

    /// The MCS edition: each one estimates the year before it (MCS 2025 reports 2024).
    public var edition: Int? { years.last.map { $0 + 1 } }

    public init(path: String, countries: [Country]) throws {
        try self.init(data: try SourceFile.read(path, what: "the USGS MCS 2025 world data (MCS2025_World_Data.csv)"),
                      file: (path as NSString).lastPathComponent, countries: countries)
    }

    public init(data: Data, file: String, countries: [Country]) throws {
        sha256 = SHA256.hex(of: data)
        let rows: [[String]]
        do { rows = try CSVTable.parse(SourceText.utf8(fromWindows1252OrUTF8: data).bytes, file: file) } catch {
            throw StoreError.malformedSource(location: file, reason: "not a CSV file that can be read (\(error)) — give MCS2025_World_Data.csv as downloaded")
        }
        guard let header = rows.first else { throw StoreError.malformedSource(location: file, reason: "empty file") }
        func column(_ prefix: String) -> Int? {
            header.firstIndex { $0.replacingOccurrences(of: " ", with: "").uppercased().hasPrefix(prefix) }
        }
        guard let commodityColumn = column("COMMODITY"), let countryColumn = column("COUNTRY"), let typeColumn = column("TYPE"),
              let unitColumn = column("UNIT") else {
            throw StoreError.malformedSource(location: "\(file):1", reason: "expected the columns COMMODITY, COUNTRY, TYPE, UNIT_MEAS of MCS world data")
        }
        // Production columns: PROD_2023, PROD_EST_2024 (spaces vary between releases).
        let yearColumns: [(year: Int, index: Int)] = header.enumerated().compactMap { index, name in
            let compact = name.replacingOccurrences(of: " ", with: "").uppercased()
            guard compact.hasPrefix("PROD_"), let year = Int(compact.suffix(4)) else { return nil }
            return (year, index)
        }
        guard !yearColumns.isEmpty else { throw StoreError.malformedSource(location: "\(file):1", reason: "no PROD_yyyy column") }
        let lookup = CountryLookup(countries)
        var unknown: [String: Int] = [:]
        for (offset, row) in rows.dropFirst().enumerated() {
            let line = offset + 2
            guard row.count > max(commodityColumn, countryColumn, typeColumn, unitColumn) else {
                if row != [""] { warnings.append(ImportWarning(location: "\(file):\(line)", message: "expected \(header.count) fields, found \(row.count); row skipped")) }
                continue
            }
            let name = row[countryColumn].trimmingCharacters(in: .whitespaces)
            let lowered = name.lowercased()
            if lowered.hasPrefix("world") || lowered.hasPrefix("other") || lowered.contains(" and ") || name.isEmpty { continue }
            guard let perUnit = Self.tonnesPerUnit(row[unitColumn]) else {
                warnings.append(ImportWarning(location: "\(file):\(line)", message: "unit '\(BACIRelease.excerpt(row[unitColumn]))' has no mass conversion; row skipped"))
                continue
            }
            guard let country = lookup.code(for: name) else {
                unknown[name, default: 0] += 1
                continue
            }
            let key = Key(commodity: row[commodityColumn].trimmingCharacters(in: .whitespaces), type: row[typeColumn].trimmingCharacters(in: .whitespaces))
            for (year, index) in yearColumns where index < row.count {
                guard let value = Self.number(row[index]) else { continue }
                series[key, default: [:]][country, default: [:]][year] = value * perUnit
            }
        }
        for (name, count) in unknown.sorted(by: { $0.key < $1.key }) {
            warnings.append(ImportWarning(location: file, message: "country '\(BACIRelease.excerpt(name))' is not in the store's country list; \(count) rows skipped"))
        }
    }

    /// True when a header row is this layout's: COMMODITY, COUNTRY, TYPE, UNIT_… and PROD_… columns.
    static func isThisLayout(header: [String]) -> Bool {
        let names = header.map { $0.replacingOccurrences(of: " ", with: "").replacingOccurrences(of: "\u{FEFF}", with: "").uppercased() }
        return ["COMMODITY", "COUNTRY", "TYPE", "UNIT"].allSatisfy { prefix in names.contains { $0.hasPrefix(prefix) } }
            && names.contains { $0.hasPrefix("PROD_") }
    }

    /// Tonnes per unit of a USGS unit; nil for volumes and carats.
    static func tonnesPerUnit(_ unit: String) -> Double? {
        switch unit.lowercased().trimmingCharacters(in: .whitespaces) {
        case "metric tons", "metric dry tons": 1
        case "thousand metric tons", "thousand metric dry tons": 1_000
        case "million metric tons": 1_000_000
        case "kilograms": 0.001
        default: nil
        }
    }

    /// A published figure: "4,780", "1200" → Double; "W", "NA", "—", "", ">75" → nil (not a value).
    static func number(_ text: String) -> Double? {
        let cleaned = text.replacingOccurrences(of: ",", with: "").trimmingCharacters(in: .whitespaces)
        guard let value = Double(cleaned), value.isFinite, value >= 0 else { return nil }
        return value
    }

    public func tonnes(commodity: String, type: String) -> [CountryCode: [Int: Double]] {
        let wanted = Key(commodity: commodity.trimmingCharacters(in: .whitespaces), type: type.trimmingCharacters(in: .whitespaces))
        return series[wanted] ?? [:]
    }
}

/// Country names as USGS, BGS and other sources write them, matched to the store's countries.
struct CountryLookup {
    private var byKey: [String: CountryCode] = [:]
    private var byISO2: [String: CountryCode] = [:]
    private var byISO3: [String: CountryCode] = [:]

    static let sourceAliases: [String: String] = [
        "burma": "MMR", "congokinshasa": "COD", "congobrazzaville": "COG", "laos": "LAO", "iran": "IRN", "bolivia": "BOL",
        "tanzania": "TZA", "kyrgyzstan": "KGZ", "czechia": "CZE", "moldova": "MDA", "syria": "SYR", "venezuela": "VEN",
        "macedonia": "MKD", "northmacedonia": "MKD", "cotedivoire": "CIV", "ivorycoast": "CIV", "unitedkingdom": "GBR",
        "korearepublicof": "KOR", "koreanorth": "PRK", "southafrica": "ZAF", "newcaledonia": "NCL", "eswatini": "SWZ",
    ]

    init(_ countries: [Country]) {
        for country in countries where country.formerUntil == nil {
            byKey[NameKey.of(country.name)] = country.code
            byISO3[country.iso3.uppercased()] = country.code
            for alias in CountryAliases.byISO3[country.iso3] ?? [] { byKey[NameKey.of(alias)] = country.code }
        }
        for (alias, iso3) in Self.sourceAliases { if let code = byISO3[iso3] { byKey[alias] = code } }
    }

    /// The whole name first — "Congo (Kinshasa)" is not "Congo" (Brazzaville) — then without a
    /// trailing remark in parentheses ("(includes Puerto Rico)") or footnote digits.
    func code(for name: String) -> CountryCode? {
        if let code = byKey[NameKey.of(name)] { return code }
        let cleaned = name.replacingOccurrences(of: #"\s*\(.*\)\s*$"#, with: "", options: .regularExpression)
            .replacingOccurrences(of: #"\s*\d+$"#, with: "", options: .regularExpression)
        return byKey[NameKey.of(cleaned)] ?? byISO3[cleaned.uppercased()]
    }

    func code(iso3: String) -> CountryCode? { byISO3[iso3.uppercased()] }
}
