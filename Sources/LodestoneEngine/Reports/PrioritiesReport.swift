import LodestoneCore

/// Priority minerals for an importer: every assessed stage ranked by expected annual loss share,
/// each Monte Carlo estimate with its standard error, tier with its confidence, tail figures
/// (P95, CVaR95) and the exporters that drive the loss. See `RestrictionRisk` for the formulas.
public struct PrioritiesReport: TabularReport, Hashable {
    public struct Row: Sendable, Hashable, Codable {
        public var rank: Int
        public var commodity: String
        public var name: String
        public var family: String
        public var stage: String
        /// high, elevated, moderate or limited (`PriorityTier`).
        public var tier: PriorityTier
        /// Share of the 32 batch replicates whose own estimate gives the same tier, 0...1.
        public var tierConfidence: Double
        /// Expected annual loss / consumption value, 0...1: the ranking measure.
        public var expectedLossShare: Double
        public var expectedLossShareStandardError: Double
        /// Expected annual shortfall / consumption, 0...1.
        public var expectedShortfallShare: Double
        public var expectedShortfallShareStandardError: Double
        /// USD per year.
        public var expectedLossUSD: Double
        public var expectedLossUSDStandardError: Double
        public var p95LossUSD: Double
        public var cvar95LossUSD: Double
        /// Tonnes per year.
        public var expectedShortfallTonnes: Double
        public var expectedShortfallTonnesStandardError: Double
        public var p95ShortfallTonnes: Double
        public var cvar95ShortfallTonnes: Double
        /// Extra spending on what is still bought, USD per year (not part of the loss).
        public var expectedCostUSD: Double
        public var expectedCostUSDStandardError: Double
        public var p95CostUSD: Double
        public var cvar95CostUSD: Double
        /// Probability that at least one restriction hits the stage in a year, 0...1.
        public var annualProbability: Double
        public var consumptionTonnes: Double
        public var unitValueUSDPerKg: Double
        public var consumptionValueUSD: Double
        /// The stage's GeoPolRisk score for the importer that year; nil when not assessable, with
        /// the reason in `geoPolRiskNotAssessed`.
        public var geoPolRiskScore: Double?
        public var geoPolRiskNotAssessed: String?
        /// The exporter with the largest share of the expected loss (nil when nothing is lost).
        public var topDriver: CountryRef?
        public var topDriverLossShare: Double?
        /// Up to three exporters, by share of expected loss.
        /// Core's drivers, largest share of the loss first, exporters shown by the report's `countryNames`.
        public var drivers: [RestrictionRisk.Driver]
        /// Nomenclature, source, content basis and allocation of the trade used.
        public var tradeBasis: Dataset.TradeBasis
        /// Why the expected loss is exactly 0, when it is.
        public var zeroLossReason: String?
        /// Ranked by family: every consumed stage of the family that was assessed, this one first.
        public var consumedStages: [String]
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
        let stages = rows.filter { $0.consumedStages.count > 1 }.map { "\($0.family): \($0.consumedStages.joined(separator: ", "))" }
        var lines = TradeBasisNote.lines(rows.map { ($0.commodity, $0.tradeBasis) })
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
        return Row(
            rank: rank, commodity: c.commodity.rawValue, name: info?.name ?? c.commodity.rawValue, family: info?.family ?? c.commodity.rawValue,
            stage: info?.stage.rawValue ?? "", tier: c.tier, tierConfidence: c.tierConfidence,
            expectedLossShare: c.expectedLossShare, expectedLossShareStandardError: c.expectedLossShareStandardError,
            expectedShortfallShare: c.expectedShortfallShare, expectedShortfallShareStandardError: c.expectedShortfallShareStandardError,
            expectedLossUSD: c.expectedLossUSD, expectedLossUSDStandardError: c.expectedLossUSDStandardError,
            p95LossUSD: c.p95LossUSD, cvar95LossUSD: c.cvar95LossUSD,
            expectedShortfallTonnes: c.expectedShortfallTonnes, expectedShortfallTonnesStandardError: c.expectedShortfallTonnesStandardError,
            p95ShortfallTonnes: c.p95ShortfallTonnes, cvar95ShortfallTonnes: c.cvar95ShortfallTonnes,
            expectedCostUSD: c.expectedCostUSD, expectedCostUSDStandardError: c.expectedCostUSDStandardError,
            p95CostUSD: c.p95CostUSD, cvar95CostUSD: c.cvar95CostUSD, annualProbability: c.annualProbability,
            consumptionTonnes: c.consumptionTonnes, unitValueUSDPerKg: c.unitValueUSDPerKg, consumptionValueUSD: c.consumptionValueUSD,
            geoPolRiskScore: score, geoPolRiskNotAssessed: gap, topDriver: drivers.first.map { CountryRef($0.exporter, in: dataset) },
            topDriverLossShare: drivers.first?.shareOfExpectedLoss, drivers: drivers, tradeBasis: c.tradeBasis,
            zeroLossReason: c.zeroLossReason, consumedStages: c.consumedStages.map(\.rawValue))
    }
}
