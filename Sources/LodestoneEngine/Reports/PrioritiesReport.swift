import LodestoneCore

/// Priority minerals for an importer: every assessed stage ranked by expected annual loss share,
/// each Monte Carlo estimate with its standard error, tier with its confidence, tail figures
/// (P95, CVaR95) and the exporters that drive the loss. See `RestrictionRisk` for the formulas.
public struct PrioritiesReport: TabularReport, Hashable {
    /// Core's estimate for one stage as it is, with its rank, names, GeoPolRisk score and top driver.
    @dynamicMemberLookup
    public struct Row: Sendable, Hashable, Encodable {
        public var estimate: RestrictionRisk.Commodity
        public var rank: Int
        public var name: String
        public var family: String
        public var stage: String
        /// The stage's GeoPolRisk score for the importer that year; nil when not assessable, with
        /// the reason in `geoPolRiskNotAssessed`.
        public var geoPolRiskScore: Double?
        public var geoPolRiskNotAssessed: String?
        /// The exporter with the largest share of the expected loss (nil when nothing is lost).
        public var topDriver: CountryRef?
        public var topDriverLossShare: Double?

        public subscript<T>(dynamicMember field: KeyPath<RestrictionRisk.Commodity, T>) -> T { estimate[keyPath: field] }

        private enum Keys: String, CodingKey { case rank, name, family, stage, geoPolRiskScore, geoPolRiskNotAssessed, topDriver, topDriverLossShare }

        /// Core's fields, then the report's own.
        public func encode(to encoder: any Encoder) throws {
            try estimate.encode(to: encoder)
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(rank, forKey: .rank)
            try container.encode(name, forKey: .name)
            try container.encode(family, forKey: .family)
            try container.encode(stage, forKey: .stage)
            try container.encodeIfPresent(geoPolRiskScore, forKey: .geoPolRiskScore)
            try container.encodeIfPresent(geoPolRiskNotAssessed, forKey: .geoPolRiskNotAssessed)
            try container.encodeIfPresent(topDriver, forKey: .topDriver)
            try container.encodeIfPresent(topDriverLossShare, forKey: .topDriverLossShare)
        }
    }

    public struct Threshold: Sendable, Hashable, Codable {
        public var tier: PriorityTier
        public var minimumExpectedLossShare: Double
    }

    public var importer: ImporterRef
    public var year: Int
    public var draws: Int
    public var seed: UInt64
    /// Batch replicates behind `tierConfidence`.
    public var blocks: Int
    public var rankedBy = "expectedLossShare"
    public var tierThresholds: [Threshold]
    public var riskModelVersion: String
    public var parametersVersion: String
    public var estimatedMemoryBytes: Int
    public var rows: [Row]
    @NotEncoded public var countryNames: CountryNames? = nil
    public var notAssessed: [NotAssessedItem]
    public var columns: [Column] = [
        Column("rank", "#", .count), Column("commodity", "commodity", .text), Column("name", "name", .text),
        Column("tier", "tier", .text), Column("tierConfidence", "tier confidence", .share),
        Column("expectedLossShare", "loss share", .share), Column("expectedLossShareStandardError", "loss share se", .share),
        Column("expectedShortfallShare", "shortfall share", .share), Column("expectedShortfallShareStandardError", "shortfall share se", .share),
        Column("expectedLossUSD", "loss (USD/yr)", .usd), Column("expectedLossUSDStandardError", "loss se (USD/yr)", .usd),
        Column("p95LossUSD", "p95 loss (USD)", .usd), Column("cvar95LossUSD", "cvar95 loss (USD)", .usd),
        Column("expectedShortfallTonnes", "shortfall (t/yr)", .tonnes), Column("expectedShortfallTonnesStandardError", "shortfall se (t/yr)", .tonnes),
        Column("p95ShortfallTonnes", "p95 shortfall (t)", .tonnes), Column("cvar95ShortfallTonnes", "cvar95 shortfall (t)", .tonnes),
        Column("expectedCostUSD", "extra cost (USD/yr)", .usd), Column("expectedCostUSDStandardError", "extra cost se (USD/yr)", .usd),
        Column("p95CostUSD", "p95 extra cost (USD)", .usd), Column("cvar95CostUSD", "cvar95 extra cost (USD)", .usd),
        Column("annualProbability", "p(restriction)/yr", .share), Column("consumptionTonnes", "consumption (t)", .tonnes),
        Column("unitValueUSDPerKg", "unit value (USD/kg)", .price), Column("consumptionValueUSD", "consumption (USD)", .usd),
        Column("geoPolRiskScore", "GeoPolRisk", .score), Column("geoPolRiskNotAssessed", "GeoPolRisk not assessed", .text),
        Column("topDriver", "top driver", .country), Column("topDriverLossShare", "top driver's loss share", .share),
        Column("tradeBasis.nomenclature", "trade", .text), Column("consumedStages", "consumed stages", .text),
        Column("zeroLossReason", "why no loss", .text),
    ]

    /// Within 100 columns: the ranking measure with its standard error, tier and confidence, the
    /// mean loss in USD, the physical shortfall, the top driver (P95 and CVaR95 are in CSV and JSON).
    public var tableColumns: [Column] {
        [Column("rank", "#", .count), Column("commodity", "commodity", .text), Column("tier", "tier", .text),
         Column("tierConfidence", "conf", .share), Column("expectedLossShare", "loss", .share),
         Column("expectedLossShareStandardError", "±se", .share), Column("expectedLossUSD", "loss USD/yr", .usd),
         Column("expectedShortfallShare", "short", .share),
         Column("topDriver.iso3", "driver", .text), Column("topDriverLossShare", "share", .share)]
    }

    public var heading: String {
        let cuts = tierThresholds.map { "\($0.tier.rawValue) ≥ \(Int(($0.minimumExpectedLossShare * 100).rounded())) %" }.joined(separator: ", ")
        return """
            Priority minerals for \(importer.name) (\(importer.id)), base year \(year)
            \(draws) simulated years, seed \(seed), \(blocks) batches (conf = share of batches giving the same tier)
            loss = expected annual loss as a share of consumption value, ±se its standard error
            loss USD/yr = its mean in USD (P95 and CVaR95 in --format csv or json)
            short = expected physical shortfall as a share of consumption
            driver = exporter with the largest share of the loss
            tiers: \(cuts), limited below
            """
    }

    public var footer: String {
        let zero = rows.compactMap { row in row.zeroLossReason.map { "\(row.commodity): \($0)" } }
        let stages = rows.filter { $0.consumedStages.count > 1 }.map { "\($0.family): \($0.consumedStages.map(\.rawValue).joined(separator: ", "))" }
        var lines = TradeBasisNote.lines(rows.map { ($0.commodity.rawValue, $0.tradeBasis) })
        if !stages.isEmpty { lines += TradeBasisNote.wrap("ranked at the most exposed consumed stage of: " + stages.joined(separator: "; ")) }
        if !zero.isEmpty { lines += ["no loss, and why:"] + zero.flatMap(TradeBasisNote.wrap) }
        return lines.joined(separator: "\n")
    }

    init(_ risk: RestrictionRisk, importer buyer: Importer, model: RestrictionRiskModel, parameters: MarketParameters, in dataset: Dataset,
         countryNames: CountryNames) {
        importer = ImporterRef(buyer, in: dataset)
        self.countryNames = countryNames
        year = risk.year
        draws = risk.draws
        seed = risk.seed
        blocks = risk.blocks
        tierThresholds = PriorityTier.thresholds.map { Threshold(tier: $0.tier, minimumExpectedLossShare: $0.minimumShare) }
        riskModelVersion = model.version
        parametersVersion = parameters.version
        estimatedMemoryBytes = RestrictionRisk.estimatedMemoryBytes(draws: risk.draws, commodities: risk.commodities.count)
        rows = risk.ranked.enumerated().map { index, c in Self.row(rank: index + 1, c, importer: buyer, year: risk.year, in: dataset) }
        notAssessed = risk.notAssessed.map { NotAssessedItem(commodity: $0.commodity.rawValue, name: dataset.commodity($0.commodity)?.name, reason: $0.reason) }
    }

    private static func row(rank: Int, _ c: RestrictionRisk.Commodity, importer: Importer, year: Int, in dataset: Dataset) -> Row {
        let info = dataset.commodity(c.commodity)
        let drivers = c.drivers
        var score: Double?, gap: String?
        do { score = try dataset.geoPolRisk(for: importer, commodity: c.commodity, year: year).score } catch { gap = error.description }
        return Row(estimate: c, rank: rank, name: info?.name ?? c.commodity.rawValue, family: info?.family ?? c.commodity.rawValue,
                   stage: info?.stage.rawValue ?? "", geoPolRiskScore: score, geoPolRiskNotAssessed: gap,
                   topDriver: drivers.first.map { CountryRef($0.exporter, in: dataset) }, topDriverLossShare: drivers.first?.shareOfExpectedLoss)
    }
}
