import LodestoneCore

/// `lodestone priorities` as JSON, CSV and a table: `RestrictionRisk` ranked by expected loss
/// share, with countries as {code, iso3, name} and the not-assessed stages with their reasons.
struct PrioritiesReport: Encodable {
    struct Country: Encodable {
        var code: Int
        var iso3: String
        var name: String
    }

    struct Driver: Encodable {
        var exporter: Country
        var annualProbability: Double
        var shareOfExpectedLoss: Double
        var shareOfExpectedShortfall: Double
        var viaThirdCountries: Double
    }

    struct Row: Encodable {
        var rank: Int
        var commodity: String
        var family: String
        var stage: String
        var name: String
        /// The full Monte Carlo result: expected values with standard errors, P95, CVaR95, tier.
        var risk: RestrictionRisk.Commodity
        var drivers: [Driver]
        var geoPolRiskScore: Double?
    }

    struct Threshold: Encodable {
        var tier: PriorityTier
        var minimumExpectedLossShare: Double
    }

    var importer: ImporterJSON
    var year: Int
    var draws: Int
    var seed: UInt64
    var blocks: Int
    var rankedBy = "expectedLossShare"
    var tierThresholds: [Threshold]
    var estimatedMemoryBytes: Int
    var priorities: [Row]
    var notAssessed: [RestrictionRisk.NotAssessed]

    init(_ risk: RestrictionRisk, importer buyer: Importer, dataset: Dataset) {
        importer = ImporterJSON(buyer, dataset)
        year = risk.year
        draws = risk.draws
        seed = risk.seed
        blocks = risk.blocks
        tierThresholds = PriorityTier.thresholds.map { Threshold(tier: $0.tier, minimumExpectedLossShare: $0.minimumShare) }
        estimatedMemoryBytes = RestrictionRisk.estimatedMemoryBytes(draws: risk.draws, commodities: risk.commodities.count)
        priorities = risk.ranked.enumerated().map { index, c in
            let info = dataset.commodity(c.commodity)
            return Row(rank: index + 1, commodity: c.commodity.rawValue, family: info?.family ?? c.commodity.rawValue,
                       stage: info?.stage.rawValue ?? "", name: info?.name ?? "", risk: c,
                       drivers: c.drivers.map { d in
                           let country = dataset.country(d.exporter)
                           return Driver(exporter: Country(code: d.exporter.rawValue, iso3: country?.iso3 ?? "?", name: country?.name ?? ""),
                                         annualProbability: d.annualProbability, shareOfExpectedLoss: d.shareOfExpectedLoss,
                                         shareOfExpectedShortfall: d.shareOfExpectedShortfall, viaThirdCountries: d.viaThirdCountries)
                       },
                       geoPolRiskScore: try? dataset.geoPolRisk(for: buyer, commodity: c.commodity, year: risk.year).score)
        }
        notAssessed = risk.notAssessed
    }

    /// Every column at full precision; not-assessed stages last, with their reason.
    func csv() -> String {
        var table = TextTable([
            ("rank", true), ("commodity", false), ("tier", false), ("tier_confidence", true),
            ("expected_loss_share", true), ("expected_loss_share_se", true), ("expected_loss_usd", true), ("expected_loss_usd_se", true),
            ("p95_loss_usd", true), ("cvar95_loss_usd", true),
            ("expected_shortfall_share", true), ("expected_shortfall_share_se", true), ("expected_shortfall_t", true),
            ("expected_shortfall_t_se", true), ("p95_shortfall_t", true), ("cvar95_shortfall_t", true),
            ("expected_cost_usd", true), ("expected_cost_usd_se", true), ("p95_cost_usd", true), ("cvar95_cost_usd", true),
            ("p_year", true), ("consumption_t", true), ("consumption_value_usd", true), ("geopolrisk", true),
            ("top_driver", false), ("top_driver_loss_share", true), ("top_driver_via_third_countries", true), ("not_assessed_reason", false),
        ])
        for row in priorities {
            let c = row.risk, driver = row.drivers.first
            table.add([String(row.rank), row.commodity, c.tier.rawValue] + [
                c.tierConfidence, c.expectedLossShare, c.expectedLossShareStandardError, c.expectedLossUSD, c.expectedLossUSDStandardError,
                c.p95LossUSD, c.cvar95LossUSD, c.expectedShortfallShare, c.expectedShortfallShareStandardError, c.expectedShortfallTonnes,
                c.expectedShortfallTonnesStandardError, c.p95ShortfallTonnes, c.cvar95ShortfallTonnes,
                c.expectedCostUSD, c.expectedCostUSDStandardError, c.p95CostUSD, c.cvar95CostUSD,
                c.annualProbability, c.consumptionTonnes, c.consumptionValueUSD,
            ].map(Fmt.exact) + [
                row.geoPolRiskScore.map(Fmt.exact) ?? "", driver?.exporter.iso3 ?? "",
                driver.map { Fmt.exact($0.shareOfExpectedLoss) } ?? "", driver.map { Fmt.exact($0.viaThirdCountries) } ?? "", "",
            ])
        }
        for gap in notAssessed {
            table.add(["", gap.commodity.rawValue, "not-assessed"] + [String](repeating: "", count: 24) + [gap.reason])
        }
        return table.renderCSV()
    }

    /// For people, within 100 columns: the ranking measure with its standard error, the loss in
    /// USD (mean, P95, CVaR95), the physical shortfall share, tier and confidence, top driver.
    func table() -> String {
        var table = TextTable([("#", true), ("commodity", false), ("tier", false), ("conf", true), ("loss%", true), ("±se", true),
                               ("loss/yr", true), ("p95", true), ("cvar95", true), ("short%", true), ("driver", false)])
        for row in priorities {
            let c = row.risk
            table.add([
                String(row.rank), row.commodity, c.tier.rawValue, Fmt.fixed(c.tierConfidence * 100, 0) + "%",
                Fmt.fixed(c.expectedLossShare * 100, 2), Fmt.fixed(c.expectedLossShareStandardError * 100, 2),
                Fmt.money(c.expectedLossUSD), Fmt.money(c.p95LossUSD), Fmt.money(c.cvar95LossUSD),
                Fmt.fixed(c.expectedShortfallShare * 100, 2),
                row.drivers.first.map { "\($0.exporter.iso3) \(Fmt.fixed($0.shareOfExpectedLoss * 100, 0))%" } ?? "",
            ])
        }
        let cuts = PriorityTier.thresholds.map { "\($0.tier.rawValue) ≥ \(Fmt.fixed($0.minimumShare * 100, 0)) %" }.joined(separator: ", ")
        return """
            Priority minerals for \(importer.name) (\(importer.id)), base year \(year)
            \(draws) simulated years, seed \(seed), \(blocks) batches (conf = share of batches giving the same tier)
            ranked by loss% = expected annual loss as % of consumption value, ±se its standard error
            loss/yr, p95, cvar95 = annual loss in USD: mean, 95th percentile, mean of the worst 5 % of years
            short% = expected physical shortfall, % of consumption; driver = top exporter by share of loss
            tiers: \(cuts), limited below


            """ + table.renderAligned()
    }
}
