import LodestoneStore

/// The commodity stages the data know.
public struct CommoditiesReport: TabularReport, Hashable {
    public struct Row: Sendable, Hashable, Codable {
        public var id: String
        public var name: String
        public var family: String
        public var stage: String
        public var isDefaultStage: Bool
        public var productionSeries: String
        public var hs6: [Int]
        public var productionUnit: String
        public var recyclingRate: Double?
        public var supplyClass: Commodity.SupplyClass
        public var traded: Bool
        public var productionYears: [Int]
        public var firstYear: Int?
        public var lastYear: Int?
    }

    public var rows: [Row]
    public var columns: [Column] = [
        Column("id", "id", .text), Column("name", "name", .text), Column("stage", "stage", .text),
        Column("productionSeries", "production series", .text), Column("hs6", "hs6", .text), Column("productionUnit", "unit", .text),
        Column("firstYear", "from", .year), Column("lastYear", "to", .year),
    ]

    public var heading: String { "\(rows.count) commodity stages" }
}

/// Countries and customs territories with their codes.
public struct CountriesReport: TabularReport, Hashable {
    public struct Row: Sendable, Hashable, Codable {
        public var code: Int
        public var m49: Int
        public var iso3: String
        public var name: String
        public var formerUntil: Int?
    }

    public var rows: [Row]
    public var columns: [Column] = [
        Column("code", "code", .count), Column("m49", "m49", .count), Column("iso3", "iso3", .text), Column("name", "name", .text),
        Column("formerUntil", "former until", .year),
    ]

    public var heading: String { "\(rows.count) countries" }
}

/// Built-in country groups.
public struct GroupsReport: TabularReport, Hashable {
    public struct Row: Sendable, Hashable, Codable {
        public var id: String
        public var name: String
        public var members: [CountryRef]
        public var memberCodes: [String]
        public var source: String
    }

    public var rows: [Row]
    public var columns: [Column] = [
        Column("id", "id", .text), Column("name", "name", .text), Column("memberCodes", "members", .text), Column("source", "source", .text),
    ]

    public var heading: String { "\(rows.count) country groups" }
}

/// Where the data came from.
public struct DataInfoReport: TabularReport, Hashable {
    public struct Row: Sendable, Hashable, Codable {
        public var dataset: String
        public var source: String
        public var version: String
        public var licence: String
        public var url: String
        public var sha256: String
        public var importedAt: String
        public var rows: Int
    }

    public struct Table: Sendable, Hashable, Codable {
        public var dataset: String
        public var rows: Int
        public var years: String?
    }

    public var dataVersion: String
    public var storePath: String?
    public var schemaVersion: String?
    public var tradeYears: [Int]
    public var productionYears: [Int]
    public var countries: Int
    public var commodities: Int
    public var tradeFlows: Int
    public var productionRecords: Int
    public var tables: [Table]
    public var warningCount: Int
    /// The first import warnings (all of them when asked), each located.
    public var warnings: [ImportWarning]
    public var rows: [Row]
    public var columns: [Column] = [
        Column("dataset", "dataset", .text), Column("source", "source", .text), Column("version", "version", .text),
        Column("licence", "licence", .text), Column("rows", "rows", .count), Column("importedAt", "imported", .text),
    ]

    public var heading: String {
        var lines = ["Data version \(dataVersion)" + (storePath.map { ", store \($0)" } ?? ", bundled snapshot in memory")
                     + (schemaVersion.map { " (schema \($0))" } ?? "")]
        lines.append("trade \(span(tradeYears)), production \(span(productionYears)); \(countries) countries, \(commodities) commodity stages, "
                     + "\(ReportRenderer.format(Double(tradeFlows), .count)) trade flows, \(ReportRenderer.format(Double(productionRecords), .count)) production records")
        for t in tables { lines.append("  \(t.dataset): \(t.rows) rows" + (t.years.map { ", \($0)" } ?? "")) }
        return lines.joined(separator: "\n")
    }

    public var footer: String {
        let shown = warnings.count < warningCount ? "; first \(warnings.count) (--warnings lists them all)" : ""
        return (["\(warningCount) import warnings (rows skipped or repaired)\(shown)"] + warnings.map { "  \($0)" }).joined(separator: "\n")
    }

    private func span(_ years: [Int]) -> String {
        guard let first = years.first, let last = years.last else { return "none" }
        return first == last ? "\(first)" : "\(first)–\(last)"
    }
}
