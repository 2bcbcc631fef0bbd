import LodestoneCore

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
        public var productionBasis: Commodity.ProductionBasis
        public var totalTonnes: Double
        public var hhi: Double
        public var top1Share: Double
        public var top3Share: Double
        public var producerCount: Int
    }

    public var commodity: CommodityRef
    public var year: Int
    public var productionSeries: String
    /// What the series measures: `stage-output`, `mine-output` (mine output standing in for this
    /// stage, which has no country-level series) or `cited-shares`.
    public var productionBasis: Commodity.ProductionBasis
    /// World output the cited source attributes to no country (counted in the total), tonnes.
    public var unattributedTonnes: Double
    public var totalTonnes: Double
    public var hhi: Double
    public var top1Share: Double
    public var top3Share: Double
    public var producerCount: Int
    public var otherStages: [StageSummary]
    /// This stage's producers, best first, then countries that produce only in another stage.
    public var rows: [Row]
    public var columns: [Column]

    init(commodity: CommodityRef, year: Int, productionSeries: String, productionBasis: Commodity.ProductionBasis,
         unattributedTonnes: Double, totalTonnes: Double, hhi: Double, top1Share: Double, top3Share: Double,
         producerCount: Int, otherStages: [StageSummary], rows: [Row]) {
        self.commodity = commodity
        self.year = year
        self.productionSeries = productionSeries
        self.productionBasis = productionBasis
        self.unattributedTonnes = unattributedTonnes
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
        var lines: [String] = switch productionBasis {
        case .stageOutput: ["\(commodity.name) production \(year) (\(productionSeries), tonnes)"]
        case .mineOutput: ["\(commodity.name), \(year): MINE OUTPUT STANDS IN — no country-level \(commodity.stage) data "
                           + "(\(productionSeries), tonnes)"]
        case .citedShares: ["\(commodity.name) production \(year): cited shares of a cited world total, tonnes",
                            "source: \(productionSeries)"]
        }
        lines.append(summary(totalTonnes, producerCount, hhi, top1Share, top3Share))
        if unattributedTonnes > 0 {
            lines.append("not attributed to a country by the source: \(ReportRenderer.format(unattributedTonnes, .tonnes)) t "
                         + "(\(ReportRenderer.format(unattributedTonnes / totalTonnes, .share))), counted as many small producers")
        }
        for s in otherStages {
            let series = s.productionSeries.count > 60 ? String(s.productionSeries.prefix { $0 != ":" }) : s.productionSeries
            lines.append("\(s.commodity.stage) stage (\(s.commodity.id), \(series)): "
                         + summary(s.totalTonnes, s.producerCount, s.hhi, s.top1Share, s.top3Share))
        }
        return lines.joined(separator: "\n")
    }
}
