/// Stages the trade data do not hold but an official agency publishes for one importer: its
/// imports by source country (the USGS MCS "Import Sources", each partner's share of imports
/// over a period, recorded for every year of it) and its import and export totals.
///
/// Such a stage (one without trade codes of its own) gets one flow per named source into that
/// importer, tonnes = share × net imports N, with N = official imports − official exports (the
/// exports taken as re-exports of the same mix), valued at the stage's cited unit value. The share
/// no partner is named for ("Other countries") is spread over the other producers in the stage's
/// production series, in proportion to their output; with none, it stays unattributed and out of
/// the flows. The importer's own supply is the official consumption less N where one is
/// published, else its official production (0 where that is withheld: consumption is then N, a
/// lower bound). Other countries have no trade of the stage beyond these flows: what they ship
/// the importer comes out of their production, so supply routed through a third country (China's
/// tungsten through Germany) is not traced to its producer.
extension Dataset {
    struct SourcedFlow: Sendable, Hashable {
        var exporter: Int32
        var importer: Int32
        var tonnes: Double
    }

    /// One sourced stage-year: its flows and the releases their totals come from.
    struct SourcedTrade: Sendable, Hashable {
        var flows: [SourcedFlow] = []
        /// The releases of the importers' official imports ("USGS MCS 2026 data release").
        var releases: Set<String> = []
    }

    /// A stage's flows from official import sources in `year`; nil for a stage with trade codes or without sources that year.
    func sourcedTrade(of info: Commodity, year: Int) -> SourcedTrade? {
        guard !info.isTraded, let index = commodityIndex[info.id] else { return nil }
        return sourced[AnchorKey(commodity: index, year: year)]
    }

    /// Whether the stage has trade to assess: trade codes of its own, or flows from official
    /// import sources in some year.
    public func hasTrade(_ info: Commodity) -> Bool {
        info.isTraded || !sourcedYears(of: info).isEmpty
    }

    /// Years with flows from official import sources for a stage without trade codes, ascending.
    public func sourcedYears(of info: Commodity) -> [Int] {
        guard !info.isTraded, let index = commodityIndex[info.id] else { return [] }
        return Set(sourced.keys.filter { $0.commodity == index }.map(\.year)).sorted()
    }

    /// `checkTrade` for one importer: a sourced stage's flows exist only for the importers whose
    /// statistics publish them, and any other importer's imports are not in the data (not zero).
    public func checkTrade(of info: Commodity, year: Int, importer: Importer) throws(LodestoneError) -> TradeBasis {
        let basis = try checkTrade(of: info, year: year)
        guard let trade = sourcedTrade(of: info, year: year) else { return basis }
        let covered = Set(trade.flows.map(\.importer))
        let missing = importer.members.compactMap { countryIndex[$0] }.filter { !covered.contains($0) }
        guard !missing.isEmpty else { return basis }
        let held = covered.sorted().map { countries[Int($0)].displayName }.joined(separator: ", ")
        let absent = missing.prefix(3).map { countries[Int($0)].displayName }.joined(separator: ", ") + (missing.count > 3 ? " and others" : "")
        throw .noData("the data hold imports of \(info.name) only for \(held), from its official import sources (the trade data have no code "
            + "for this stage); \(absent)'s are not in the data, so nothing about \(importer.name) can be said")
    }

    /// What the answers say of a sourced stage's trade.
    func sourcedTradeBasis(of info: Commodity, year: Int) -> TradeBasis? {
        guard let trade = sourcedTrade(of: info, year: year) else { return nil }
        let release = trade.releases.isEmpty ? "official statistics" : trade.releases.sorted().joined(separator: "; ")
        return TradeBasis(
            nomenclature: nil,
            source: "\(release): import sources by country times imports net of exports (no trade codes of this stage in the data)",
            contentBasis: info.contentBasis,
            allocation: "each named source's share of imports × (official imports − exports); the share of unnamed sources spread over "
                + "the other producers by their output; the importer's own supply from its official consumption (else production)")
    }

    /// The flows and the importers' own supply of every sourced stage-year (built once with the Dataset).
    func computeSourcedFlows() -> (trade: [AnchorKey: SourcedTrade], anchors: [AnchorKey: [Int32: Anchor]]) {
        var trade: [AnchorKey: SourcedTrade] = [:], anchors: [AnchorKey: [Int32: Anchor]] = [:]
        for (key, shares) in officialImportShares {
            // Flows are valued at the stage's cited price: a stage without one gets none.
            guard let index = commodityIndex[key.commodity], !commodities[index].isTraded, commodities[index].citedUnitValueUSDPerKg != nil,
                  let importer = countryIndex[key.country] else { continue }
            let measures = official[key] ?? [:]
            guard let importsFigure = measures[.imports], let imports = importsFigure.amount else { continue }
            let net = imports - (measures[.exports]?.amount ?? 0)
            guard net > 0 else { continue }
            let named = shares.filter { $0.key != importer && $0.value > 0 }.sorted { $0.key < $1.key }
            let rest = max(0, 1 - named.reduce(0) { $0 + $1.value })
            let anchorKey = AnchorKey(commodity: index, year: key.year)
            var list = named.map { SourcedFlow(exporter: $0.key, importer: importer, tonnes: $0.value * net) }
            if rest > 0, let slice = production[ProductionKey(commodity: index, year: key.year)] {
                let others = zip(slice.countries, slice.tonnes).filter { shares[$0.0] == nil && $0.0 != importer && $0.1 > 0 }
                let total = others.reduce(0) { $0 + $1.1 }
                if total > 0 { list += others.map { SourcedFlow(exporter: $0.0, importer: importer, tonnes: rest * net * $0.1 / total) } }
            }
            trade[anchorKey, default: SourcedTrade()].flows += list
            trade[anchorKey, default: SourcedTrade()].releases.insert(importsFigure.source)
            var anchor = Anchor()
            if let consumption = measures[.consumption], consumption.comparable, let amount = consumption.amount {
                anchor.production = max(0, amount - net)
                anchor.productionFromConsumption = true
            } else {
                anchor.production = measures[.production]?.amount ?? 0
            }
            anchors[anchorKey, default: [:]][importer] = anchor
        }
        return (trade, anchors)
    }
}
