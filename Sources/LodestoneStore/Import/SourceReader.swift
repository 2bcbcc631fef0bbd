import Foundation
import LodestoneCore

/// A reader of one kind of outside file: a public release (BACI, USGS, BGS, Natural Earth) or a
/// user's file in a documented format (price observations, export drops, candidate projects).
/// What every reader provides: whether a file is its kind (by name and header), and its rows
/// with a warning for every row skipped or repaired and the file's fingerprint for provenance.
/// `SourceReaders.all` lists them; `data import` tells files apart with it, and each has a fuzz
/// target generated from the same list (`Fuzzing.read`, `scripts/fuzz.sh`).
public protocol SourceReader: SendableMetatype {
    associatedtype Rows
    /// Its name: the fuzz target's and its corpus folder's (`Fuzz/Corpus/FuzzReader-<name>`).
    static var name: String { get }
    /// What it reads, for messages ("the USGS MCS 2025 world data (MCS2025_World_Data.csv)").
    static var describes: String { get }
    /// Whether a file of this name whose first line is `header` is this reader's.
    static func recognises(fileName: String, header: [String]) -> Bool
    /// The file's rows. Throws `StoreError` when the file as a whole is not of this kind.
    static func read(_ data: Data, file: String, context: SourceContext) throws -> SourceReading<Rows>
}

/// What a reader needs besides its file.
public struct SourceContext: Sendable {
    /// The store's countries, which a file's rows are matched to.
    public var countries: [Country]
    /// HS6 codes kept from trade files, by nomenclature (a release has 5,000 products).
    public var tradeCodes: [Nomenclature: Set<Int>]
    /// ISO2 → ISO3, for sources that name countries by ISO2 (BGS), from the BACI release beside them.
    public var iso2ToISO3: [String: String]

    public init(countries: [Country], tradeCodes: [Nomenclature: Set<Int>] = [:], iso2ToISO3: [String: String] = [:]) {
        self.countries = countries
        self.tradeCodes = tradeCodes
        self.iso2ToISO3 = iso2ToISO3
    }
}

/// A reader's answer: the rows, how many, the warnings, and the file's SHA-256.
public struct SourceReading<Rows> {
    public var rows: Rows
    public var rowCount: Int
    public var warnings: [ImportWarning]
    public var sha256: String
}

public enum SourceReaders {
    public static let all: [any SourceReader.Type] = [
        BACIReader.self, USGSWorldDataReader.self, USGSCommoditiesReader.self, USGSSalientReader.self, RefinedSharesReader.self,
        NaturalEarthReader.self, PriceObservationsReader.self, ExportDropsReader.self, ProjectsReader.self,
    ]

    public static func named(_ name: String) -> (any SourceReader.Type)? {
        all.first { $0.name == name }
    }

    /// A header's names as compared: no byte-order mark, no spaces, lower case.
    static func normalised(_ header: [String]) -> [String] {
        header.map { $0.replacingOccurrences(of: "\u{FEFF}", with: "").trimmingCharacters(in: .whitespaces).lowercased() }
    }
}

public enum BACIReader: SourceReader {
    public static let name = "baci"
    public static let describes = "a CEPII BACI release file (BACI_HSxx_Yyyyy_Vyyyymm.csv)"
    public static func recognises(fileName: String, header: [String]) -> Bool {
        BACIRelease.nomenclature(ofFile: fileName) != nil && SourceReaders.normalised(header).prefix(6) == ["t", "i", "j", "k", "v", "q"]
    }
    public static func read(_ data: Data, file: String, context: SourceContext) throws -> SourceReading<BACIRelease.Result> {
        guard let nomenclature = BACIRelease.nomenclature(ofFile: file) else {
            throw StoreError.malformedSource(location: file, reason: "cannot tell the HS version from the file name (expected BACI_HS17_…)")
        }
        let result = try BACIRelease.read(data: data, file: file, codes: context.tradeCodes[nomenclature] ?? [], known: Set(context.countries.map(\.code)),
                                          successors: BACIRelease.successors(in: context.countries), nomenclature: nomenclature)
        return SourceReading(rows: result, rowCount: result.flows.count, warnings: result.warnings, sha256: result.sha256.first ?? SHA256.hex(of: data))
    }
}

public enum USGSWorldDataReader: SourceReader {
    public static let name = "usgs-world-data"
    public static let describes = "the USGS MCS 2025 world data (MCS2025_World_Data.csv)"
    public static func recognises(fileName: String, header: [String]) -> Bool { USGSWorldData.isThisLayout(header: header) }
    public static func read(_ data: Data, file: String, context: SourceContext) throws -> SourceReading<USGSWorldData> {
        let table = try USGSWorldData(data: data, file: file, countries: context.countries)
        return SourceReading(rows: table, rowCount: table.series.values.reduce(0) { $0 + $1.values.reduce(0) { $0 + $1.count } },
                             warnings: table.warnings, sha256: table.sha256)
    }
}

public enum USGSCommoditiesReader: SourceReader {
    public static let name = "usgs-commodities"
    public static let describes = "the USGS MCS commodities data (MCS2026_Commodities_Data.csv)"
    public static func recognises(fileName: String, header: [String]) -> Bool {
        SourceReaders.normalised(header).contains { ["statistics_detail", "mcs chapter", "statistics"].contains($0) }
    }
    public static func read(_ data: Data, file: String, context: SourceContext) throws -> SourceReading<USGSCommoditiesData> {
        let table = try USGSCommoditiesData(data: data, file: file, countries: context.countries)
        return SourceReading(rows: table, rowCount: table.counts.amounts, warnings: table.warnings, sha256: table.sha256)
    }
}

public enum USGSSalientReader: SourceReader {
    public static let name = "usgs-salient"
    public static let describes = "a USGS MCS 2025 salient-statistics table (salient_commodity/mcs2025-*_salient.csv)"
    public static func recognises(fileName: String, header: [String]) -> Bool { USGSSalientTables.isThisLayout(header: header) }
    public static func read(_ data: Data, file: String, context: SourceContext) throws -> SourceReading<USGSSalientTables> {
        var tables = USGSSalientTables()
        try tables.add(data: data, file: file)
        return SourceReading(rows: tables, rowCount: tables.figures.values.reduce(0) { $0 + $1.count }, warnings: tables.warnings,
                             sha256: tables.sha256.first ?? SHA256.hex(of: data))
    }
}

public enum RefinedSharesReader: SourceReader {
    public static let name = "bgs-refined-shares"
    public static let describes = "BGS refined shares (bgs_refined_shares_2000_2024.json)"
    public static func recognises(fileName: String, header: [String]) -> Bool {
        fileName.lowercased().hasPrefix("bgs_refined_shares") && fileName.lowercased().hasSuffix(".json")
    }
    public static func read(_ data: Data, file: String, context: SourceContext) throws -> SourceReading<RefinedShares> {
        let shares = try RefinedShares(data: data, file: file, iso2ToISO3: context.iso2ToISO3)
        return SourceReading(rows: shares, rowCount: shares.shares.count, warnings: [], sha256: shares.sha256)
    }
}

public enum NaturalEarthReader: SourceReader {
    public static let name = "naturalearth-names"
    public static let describes = "Natural Earth Admin 0 countries (ne_110m_admin_0_countries.geojson)"
    public static func recognises(fileName: String, header: [String]) -> Bool {
        fileName.lowercased().hasSuffix(".geojson") && fileName.lowercased().contains("admin_0")
    }
    public static func read(_ data: Data, file: String, context: SourceContext) throws -> SourceReading<[CountryName]> {
        let read = try NaturalEarthNames.read(data: data, file: file, countries: context.countries)
        let warnings = read.unmatched.isEmpty ? [] : [ImportWarning(location: file, message: "\(read.unmatched.count) Natural Earth countries are not in the trade data: "
            + read.unmatched.prefix(12).joined(separator: ", ") + (read.unmatched.count > 12 ? ", …" : ""))]
        return SourceReading(rows: read.names, rowCount: read.names.count, warnings: warnings, sha256: read.sha256)
    }
}

public enum PriceObservationsReader: SourceReader {
    public static let name = "price-observations"
    public static let describes = "observed price changes after real events (the format of Resources/Backtest/price-observations.csv)"
    public static func recognises(fileName: String, header: [String]) -> Bool {
        Set(SourceReaders.normalised(header)).isSuperset(of: BacktestLibrary.priceColumns + ["horizon_months"])
    }
    public static func read(_ data: Data, file: String, context: SourceContext) throws -> SourceReading<[PriceObservation]> {
        let rows = try BacktestLibrary.priceObservations(data: data, file: file)
        return SourceReading(rows: rows, rowCount: rows.count, warnings: [], sha256: SHA256.hex(of: data))
    }
}

public enum ExportDropsReader: SourceReader {
    public static let name = "export-drops"
    public static let describes = "observed export drops after real events (the format of Resources/Backtest/export-drops.csv)"
    public static func recognises(fileName: String, header: [String]) -> Bool {
        let names = Set(SourceReaders.normalised(header))
        return names.isSuperset(of: BacktestLibrary.dropColumns + ["period_before"]) && !names.contains("market")
    }
    public static func read(_ data: Data, file: String, context: SourceContext) throws -> SourceReading<[ExportDrop]> {
        let rows = try BacktestLibrary.exportDrops(data: data, file: file)
        return SourceReading(rows: rows, rowCount: rows.count, warnings: [], sha256: SHA256.hex(of: data))
    }
}

public enum ProjectsReader: SourceReader {
    public static let name = "projects"
    public static let describes = "candidate projects (the format of Resources/Planning/projects.csv)"
    public static func recognises(fileName: String, header: [String]) -> Bool {
        Set(SourceReaders.normalised(header)).isSuperset(of: ["id", "stage", "capacity_tonnes", "status", "start_year", "source"])
    }
    public static func read(_ data: Data, file: String, context: SourceContext) throws -> SourceReading<[Project]> {
        let rows = try ProjectLibrary.projects(data: data, file: file)
        return SourceReading(rows: rows, rowCount: rows.count, warnings: [], sha256: SHA256.hex(of: data))
    }
}
