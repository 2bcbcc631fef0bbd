/// Who produces a commodity, with HHI and top shares.
public struct ConcentrationReport: TabularReport, Hashable {
    public struct Row: Sendable, Hashable, Codable {
        public var rank: Int
        public var country: CountryRef
        public var tonnes: Double
        public var share: Double
        public var cumulativeShare: Double
    }

    public var commodity: CommodityRef
    public var year: Int
    public var productionSeries: String
    public var totalTonnes: Double
    public var hhi: Double
    public var top1Share: Double
    public var top3Share: Double
    public var producerCount: Int
    public var rows: [Row]
    public var columns: [Column] = [
        Column("rank", "rank", .count), Column("country", "producer", .country), Column("tonnes", "tonnes", .tonnes),
        Column("share", "share", .share), Column("cumulativeShare", "cumulative", .share),
    ]

    public var heading: String { "\(commodity.name) production \(year) (\(productionSeries), tonnes)" }
}
