import LodestoneCore

/// What a restriction does to each importer, with the markets behind it. Countries are named
/// `{code, iso3, name}`; commodities the data cannot assess are in `notAssessed`.
public struct ScenarioRunReport: TabularReport, Hashable {
    public struct Scenario: Sendable, Hashable, Codable {
        public var name: String
        public var title: String
        public var reference: String?
        public var url: String?
        public var restricting: [CountryRef]
        public var commodities: [CommodityRef]
        /// "everyone", "only" or "everyone-except".
        public var targetKind: ScenarioDefinition.TargetSpec.Kind
        public var targets: [CountryRef]
        public var severity: Double
        public var severities: [String: Double]
        public var extraterritorial: Bool
        public var durationYears: Double
    }

    /// Core's market as it is (its partners' countries shown by the report's `countryNames`), its
    /// commodity shown as `{id, name, stage}`, and in a run for every country how many have no
    /// apparent consumption of the commodity (production + imports ≤ exports; they have no row).
    @dynamicMemberLookup
    public struct Market: Sendable, Hashable, Encodable {
        public var outcome: ScenarioOutcome.Market
        public var commodity: CommodityRef
        public var nonConsumingCountries: Int?

        public subscript<T>(dynamicMember field: KeyPath<ScenarioOutcome.Market, T>) -> T { outcome[keyPath: field] }

        private enum Keys: String, CodingKey { case commodity, nonConsumingCountries }

        /// Core's fields, then the commodity's name over its id.
        public func encode(to encoder: any Encoder) throws {
            try outcome.encode(to: encoder)
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(commodity, forKey: .commodity)
            try container.encodeIfPresent(nonConsumingCountries, forKey: .nonConsumingCountries)
        }
    }

    /// One importer and commodity.
    public struct Row: Sendable, Hashable, Codable {
        public var importer: ImporterLabel
        public var commodity: String
        public var name: String
        public var consumptionTonnes: Double
        public var directLossTonnes: Double
        public var indirectLossTonnes: Double
        /// nil when the importer consumes none of it.
        @OrNull public var lossShare: Double?
        public var shortfallTonnes: Double
        /// nil when the importer consumes none of it.
        @OrNull public var shortfallShare: Double?
        public var stockDrawTonnes: Double
        /// The price change this importer pays (outside, inside, or a group's weighted mean).
        public var priceChange: Double
        /// The same from year 2 on, for a disruption longer than a year (absent otherwise).
        public var priceChangeLaterYears: Double?
        public var priceChangeOutside: Double
        public var priceChangeInside: Double
        public var extraCostUSD: Double
    }

    public struct ImporterLabel: Sendable, Hashable, Codable {
        public var id: String
        public var name: String
    }

    public var scenario: Scenario
    /// The base year asked for (or the default); a market's `tradeYear` says when it differs.
    public var year: Int
    public var yearFallback: Bool
    public var importers: [ImporterRef]
    public var markets: [Market]
    public var rows: [Row]
    public var notAssessed: [NotAssessedItem]
    /// How the partners' countries are shown.
    @NotEncoded public var countryNames: CountryNames? = nil
    public var columns: [Column] = [
        Column("importer", "importer", .country), Column("commodity", "commodity", .text),
        Column("consumptionTonnes", "consumption (t)", .tonnes), Column("directLossTonnes", "direct loss (t)", .tonnes),
        Column("indirectLossTonnes", "indirect loss (t)", .tonnes), Column("lossShare", "loss", .share),
        Column("shortfallTonnes", "shortfall (t)", .tonnes), Column("shortfallShare", "shortfall", .share),
        Column("stockDrawTonnes", "stock draw (t)", .tonnes), Column("priceChange", "price paid", .change),
        Column("priceChangeOutside", "price outside", .change), Column("priceChangeInside", "price inside", .change),
        Column("extraCostUSD", "extra cost (USD)", .usd),
    ]

    public var heading: String {
        func t(_ x: Double) -> String { ReportRenderer.format(x, .tonnes) }
        func c(_ x: Double) -> String { ReportRenderer.format(x, .change) }
        let asRun = scenario.severities.isEmpty ? "severity \(ReportRenderer.format(scenario.severity, .share))"
            : "severities " + markets.map { "\($0.commodity.id) \(ReportRenderer.format($0.severity, .share))" }.joined(separator: ", ")
        var lines = ["\(scenario.title) [\(scenario.name)], base year \(year), \(asRun)"
                     + (scenario.extraterritorial ? ", extraterritorial" : "")]
        if let reference = scenario.reference { lines.append("source: \(reference)\(scenario.url.map { ", " + $0 } ?? "")") }
        for m in markets {
            lines.append("\(m.commodity.id) (\(m.supplyClass.rawValue), trade \(m.tradeYear), severity \(ReportRenderer.format(m.severity, .share))): "
                         + "withheld \(t(m.withheldTonnes)) t of \(t(m.consumptionTonnes)) t"
                         + (m.divertedTonnes > 0 ? ", \(t(m.divertedTonnes)) t diverted to non-targets" : "")
                         + (m.precautionaryTonnes > 0 ? ", \(t(m.precautionaryTonnes)) t precautionary stock building outside" : ""))
            lines.append("  price outside \(c(m.priceChangeOutside))\(m.priceCapped ? " (capped)" : ""), "
                         + "inside \(c(m.priceChangeInside))\(m.insidePriceFloored ? " (floor)" : ""); "
                         + "other producers +\(t(m.supplyResponseTonnes)) t, demand −\(t(m.demandResponseTonnes)) t, "
                         + "stocks drawn \(t(m.stockDrawTonnes)) t, kept at home \(t(m.keptAtHomeTonnes)) t"
                         + (m.replacingOwnImportsTonnes > 0 ? "; a further \(t(m.replacingOwnImportsTonnes)) t replaces their own lost imports" : "")
                         + (m.heldInThirdCountriesTonnes > 0 ? "; \(t(m.heldInThirdCountriesTonnes)) t held in third countries that may not pass it on and no other buyer takes" : "")
                         + (m.insideOutputChangeTonnes != 0 ? ", own output \(m.insideOutputChangeTonnes < 0 ? "cut" : "raised") \(t(abs(m.insideOutputChangeTonnes))) t" : ""))
            if let outside = m.priceChangeOutsideLaterYears, let inside = m.priceChangeInsideLaterYears {
                lines.append("  those are the first year's; from year 2 on (no precautionary buying, licences decided): "
                             + "price outside \(c(outside))\(m.priceCappedLaterYears == true ? " (capped)" : ""), "
                             + "inside \(c(inside))\(m.insidePriceFlooredLaterYears == true ? " (floor)" : "")")
            }
            if let note = m.note { lines.append("  note: \(note)") }
            if let idle = m.nonConsumingCountries, idle > 0 {
                lines.append("  \(idle) countries have no apparent consumption of it in \(m.tradeYear) (production + imports ≤ exports): not listed")
            }
            let partners = m.partners.prefix(5).map { p in
                "\(countryNames?.iso3(p.country) ?? p.country.description) \(t(p.spareTonnes)) t" + (p.inPartnerGroup ? " (partner)" : "")
            }
            if !partners.isEmpty {
                lines.append("  best placed to fill the gap (spare capacity, weighted by stability): \(partners.joined(separator: ", "))")
            }
        }
        return lines.joined(separator: "\n")
    }
}
