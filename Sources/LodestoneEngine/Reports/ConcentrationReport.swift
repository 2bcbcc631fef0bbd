/// Who produces a commodity, with HHI and top shares, and the shares of the same countries in
/// the family's other stages (mining beside refining) where those have a series of their own.
public struct ConcentrationReport: TabularReport, Hashable {
    public struct Row: Sendable, Hashable, Codable {
        public var rank: Int
        public var country: CountryRef
        public var tonnes: Double
        public var share: Double
        public var cumulativeShare: Double
        /// Shares in the other stages, by stage id (absent: not a producer there).
        public var stageShares: [String: Double]
    }

    /// Another stage of the same family, with its own production series, in the same year.
    public struct StageSummary: Sendable, Hashable, Codable {
        public var commodity: CommodityRef
        public var productionSeries: String
        public var totalTonnes: Double
        public var hhi: Double
        public var top1Share: Double
        public var top3Share: Double
        public var producerCount: Int
    }

    public var commodity: CommodityRef
    public var year: Int
    public var productionSeries: String
    public var totalTonnes: Double
    public var hhi: Double
    public var top1Share: Double
    public var top3Share: Double
    public var producerCount: Int
    public var otherStages: [StageSummary]
    /// This stage's producers, best first, then countries that produce only in another stage.
    public var rows: [Row]
    public var columns: [Column]

    init(commodity: CommodityRef, year: Int, productionSeries: String, totalTonnes: Double, hhi: Double, top1Share: Double, top3Share: Double,
         producerCount: Int, otherStages: [StageSummary], rows: [Row]) {
        self.commodity = commodity
        self.year = year
        self.productionSeries = productionSeries
        self.totalTonnes = totalTonnes
        self.hhi = hhi
        self.top1Share = top1Share
        self.top3Share = top3Share
        self.producerCount = producerCount
        self.otherStages = otherStages
        self.rows = rows
        columns = [
            Column("rank", "rank", .count), Column("country", "producer", .country), Column("tonnes", "tonnes", .tonnes),
            Column("share", "share", .share), Column("cumulativeShare", "cumulative", .share),
        ] + otherStages.map { Column("stageShares.\($0.commodity.id)", "\($0.commodity.stage) share", .share) }
    }

    public var heading: String {
        func summary(_ total: Double, _ count: Int, _ hhi: Double, _ top1: Double, _ top3: Double) -> String {
            "total \(ReportRenderer.format(total, .tonnes)) t · \(count) producers · HHI \(ReportRenderer.format(hhi, .score)) · "
                + "top-1 \(ReportRenderer.format(top1, .share)) · top-3 \(ReportRenderer.format(top3, .share))"
        }
        var lines = ["\(commodity.name) production \(year) (\(productionSeries), tonnes)",
                     summary(totalTonnes, producerCount, hhi, top1Share, top3Share)]
        for s in otherStages {
            let series = s.productionSeries.count > 60 ? String(s.productionSeries.prefix { $0 != ":" }) : s.productionSeries
            lines.append("\(s.commodity.stage) stage (\(s.commodity.id), \(series)): "
                         + summary(s.totalTonnes, s.producerCount, s.hhi, s.top1Share, s.top3Share))
        }
        return lines.joined(separator: "\n")
    }
}
