import LodestoneCore

/// Where one exporter's exports of a commodity go in one year, and each importer's dependence on them.
public struct ExposureReport: TabularReport, Hashable {
    public var exporter: ImporterRef
    public var commodity: CommodityRef
    public var year: Int
    public var totalTonnes: Double
    public var totalValueKUSD: Double
    public var importerCount: Int
    public var tradeBasis: Dataset.TradeBasis
    /// Core's importers, most tonnes first, countries shown by `countryNames`.
    public var rows: [ExportExposure.Importer]
    @NotEncoded public var countryNames: CountryNames? = nil
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
