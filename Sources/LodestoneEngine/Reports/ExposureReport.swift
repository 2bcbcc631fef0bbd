import LodestoneCore

/// Where one exporter's exports of a commodity go in one year, and each importer's dependence on them.
public struct ExposureReport: TabularReport, Hashable {
    public struct Row: Sendable, Hashable, Codable {
        public var rank: Int
        public var country: CountryRef
        /// Null when none of the flows has a usable quantity (counted by value only).
        @OrNull public var tonnes: Double?
        public var valueKUSD: Double
        /// Share of the exporter's exports (tonnes).
        @OrNull public var shareOfExports: Double?
        /// Share of the importer's imports from every partner that come from the exporter (tonnes).
        @OrNull public var dependence: Double?
        /// The importer's imports from every partner, tonnes.
        public var importsTonnes: Double
    }

    public var exporter: ImporterRef
    public var commodity: CommodityRef
    public var year: Int
    public var totalTonnes: Double
    public var totalValueKUSD: Double
    public var importerCount: Int
    public var tradeBasis: Dataset.TradeBasis
    public var rows: [Row]
    public var columns: [Column] = [
        Column("rank", "rank", .count), Column("country", "importer", .country), Column("tonnes", "tonnes", .tonnes),
        Column("shareOfExports", "share of exports", .share), Column("valueKUSD", "value (kUSD)", .kusd),
        Column("dependence", "of its imports", .share), Column("importsTonnes", "its imports (t)", .tonnes),
    ]

    public var heading: String {
        var lines = ["\(commodity.name) exports of \(exporter.name) (\(exporter.id)), \(year)",
                     "\(ReportRenderer.format(totalTonnes, .tonnes)) t to \(importerCount) importers, \(ReportRenderer.format(totalValueKUSD, .kusd)) kUSD"]
        lines += TradeBasisNote.lines(tradeBasis)
        lines.append("of its imports: the share of each importer's imports of this stage (tonnes, every partner) that come from \(exporter.id)")
        return lines.joined(separator: "\n")
    }
}
