import LodestoneCore

/// Who really supplies an importer: where its supply was shipped from (direct) and where it was
/// produced (traced through re-exports).
public struct TraceReport: TabularReport, Hashable {
    public var importer: ImporterRef
    public var commodity: CommodityRef
    public var year: Int
    public var supplyTonnes: Double
    public var domesticProductionTonnes: Double
    /// Exports that recorded production and imports cannot explain, counted as the exporter's own.
    public var unrecordedOwnSupplyTonnes: Double
    public var unrecordedWorldSupplyTonnes: Double
    /// The importer's supply that cannot be followed to a producer, and its share.
    public var unrecordedOriginTonnes: Double
    public var unrecordedOriginShare: Double
    /// Nomenclature, source, content basis and allocation of the trade used.
    public var tradeBasis: Dataset.TradeBasis
    /// Core's origins, largest traced first, countries shown by `countryNames`.
    public var rows: [OriginTrace.Origin]
    @NotEncoded public var countryNames: CountryNames? = nil
    public var columns: [Column] = [
        Column("rank", "rank", .count), Column("country", "origin", .country), Column("directTonnes", "direct (t)", .tonnes),
        Column("directShare", "direct", .share), Column("tracedTonnes", "traced (t)", .tonnes), Column("tracedShare", "traced", .share),
        Column("unrecordedTonnes", "unrecorded (t)", .tonnes), Column("conduit", "conduit", .flag),
    ]

    public var heading: String {
        """
        \(commodity.name) supply of \(importer.name) (\(importer.id)), \(year): \(ReportRenderer.format(supplyTonnes, .tonnes)) t \
        (own production \(ReportRenderer.format(domesticProductionTonnes, .tonnes)) t)
        direct = shipped from; traced = where it was produced, following re-exports. conduit: ships >5 points more than it originates
        unrecorded origin: \(ReportRenderer.format(unrecordedOriginTonnes, .tonnes)) t (\(ReportRenderer.format(unrecordedOriginShare, .share))), \
        exports beyond the shipper's production and imports that cannot be followed to a producer (unrecorded (t): where they entered)
        """ + "\n" + TradeBasisNote.lines(tradeBasis).joined(separator: "\n")
    }
}
