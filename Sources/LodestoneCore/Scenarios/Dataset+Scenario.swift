/// The restriction engine, following the structure of the USGS 2025 critical-minerals
/// methodology (OFR 2025-1047: a yearlong trade disruption, a post-disruption equilibrium from
/// price elasticities and spare capacity) on the bilateral trade network, with the market split
/// between the restricting countries and everyone else:
///
/// 1. Withheld supply. d_k = s·Σ_r F_{r→k} for each targeted importer k (s = severity, r the
///    restricting countries). With `extraterritorial`, also s·F_{j→k}·ρ_j for non-targeted third
///    countries j, ρ_j the restricting countries' share of j's supply (origin tracing).
/// 2. Propagation. A country that loses supply passes the loss on to its customers in proportion
///    to what they take from its pool: ℓ = (I − A)⁻¹·d with Aₖⱼ = F_{j→k}/Sⱼ, and its own
///    consumption falls by Lₖ = ℓₖ·Cₖ/Sₖ (C apparent consumption). The restricting countries
///    absorb what reaches them through third countries (they replace it from what they withhold):
///    they neither lose it nor pass it on, so Σ Lₖ = Σ dₖ less ℓ at them (`PropagatedLoss`).
/// 3. Markets (`SplitMarket`). Outside: the whole loss L bids; what non-targeted buyers take over
///    offsets it (at once from third countries holding it under extraterritorial rules, after
///    the licensing delay from the restricting countries); the rest clears at the outside price
///    p ≥ 0 against other producers' output and consumers' demand. Inside: what the restricting
///    countries keep at home and do not stockpile clears at the inside price q.
/// 4. Shortfall. Each importer outside bears the share of its loss it cannot re-source within
///    the year, (1 − φ)·Lₖ; what is left of the consumption the outside market gives up,
///    G = |ε_d|·p·C_out + unmet, falls on the outside importers in proportion to their
///    consumption (`shortfalls`); at most Cₖ, less what its stocks cover (`stockMonths` of
///    consumption, once per disruption). Restricting countries have none. Extra cost: the price
///    change it pays × the pre-restriction unit value × what it still buys (negative inside: a
///    saving).
/// 5. Longer disruptions. The first year is the annual equilibrium above; the later years clear
///    again without the first year's precautionary buying and licensing delay
///    (`MarketParameters.Entry.afterFirstYear`), and a target bears at most its part of what the
///    market gives up (`annualShortfalls`). Tonnes and costs add the first year and
///    `durationYears` − 1 later ones; consumers' stocks are drawn once, first year first.
extension Dataset {
    /// Runs `scenario` on the trade of `year`. With `yearFallback`, a commodity without
    /// assessable trade that year is run on its nearest year that has some (earlier first), and
    /// its market says so; without it, such a commodity is not assessed. `severities` overrides
    /// the scenario's severity for some commodities (observed effective severities). Once
    /// `cancellation` is set, markets not yet started are skipped and the run throws `.cancelled`.
    public func run(
        _ scenario: RestrictionScenario, year: Int, for importers: [Importer], parameters: MarketParameters,
        partners: [CountryCode] = [], yearFallback: Bool = false, severities: [CommodityID: Double] = [:],
        cancellation: CancellationFlag? = nil
    ) throws(LodestoneError) -> ScenarioOutcome {
        // Overrides join the scenario's own per-commodity severities, checked by its validation.
        var merged = scenario
        merged.severityByCommodity.merge(severities) { _, override in override }
        try merged.validate(in: self)
        let scenario = merged
        try parameters.validate()
        guard tradeYears.contains(year) || yearFallback else { throw .noTrade(year: year, available: tradeYears) }
        // Each commodity's market is independent: run them on up to 4 threads, keep their order.
        cancellation.begin("clearing the market of each of \(scenario.commodities.count) commodities", total: scenario.commodities.count)
        let results = orderedConcurrentMap(scenario.commodities.count, lanes: 4) { c in
            Result { () throws(LodestoneError) in
                try cancellation.check()
                defer { cancellation.advance() }
                return try market(of: scenario.commodities[c], in: scenario, year: year, for: importers, parameters: parameters,
                           partners: partners, yearFallback: yearFallback)
            }
        }
        var markets: [ScenarioOutcome.Market] = []
        var impacts: [ScenarioOutcome.Impact] = []
        var notAssessed: [NotAssessed] = []
        try cancellation.check()
        for result in results {
            switch try result.get() {
            case .assessed(let market, let marketImpacts):
                markets.append(market)
                impacts += marketImpacts
            case .notAssessed(let gap):
                notAssessed.append(gap)
            }
        }
        return ScenarioOutcome(scenario: scenario, year: year, markets: markets, impacts: impacts, notAssessed: notAssessed)
    }

    private enum MarketResult: Sendable {
        case assessed(ScenarioOutcome.Market, [ScenarioOutcome.Impact])
        case notAssessed(NotAssessed)
    }

    /// One commodity's market and impacts, or why it cannot be assessed.
    private func market(
        of id: CommodityID, in scenario: RestrictionScenario, year: Int, for importers: [Importer], parameters: MarketParameters,
        partners: [CountryCode], yearFallback: Bool
    ) throws(LodestoneError) -> MarketResult {
        guard let info = commodity(id) else { throw .unknownCommodity(id.rawValue, suggestion: nil) }
        let basis: TradeBasis, tradeYear: Int
        var notes: [String] = []
        do {
            (basis, tradeYear) = try assessableTrade(of: info, year: year, fallback: yearFallback)
        } catch {
            return .notAssessed(NotAssessed(commodity: id, reason: error.description))
        }
        if tradeYear != year { notes.append("no assessable \(info.name) trade in \(year): trade of \(tradeYear) used") }
        guard let productionYear = productionYear(of: id, near: tradeYear) else {
            return .notAssessed(NotAssessed(commodity: id, reason: LodestoneError.noProduction(commodity: info.name, year: tradeYear,
                                                                                               available: productionYears(of: id)).description))
        }
        if productionYear != tradeYear { notes.append("no \(info.name) production on record for \(tradeYear): production of \(productionYear) used") }
        let network = TradeNetwork(self, commodity: info, year: tradeYear, productionYear: productionYear)
        guard network.worldConsumption > 0 else {
            return .notAssessed(NotAssessed(commodity: id, reason: "no \(info.name) consumption on record in \(tradeYear)"))
        }
        let entry = parameters.entry(for: info)
        var result = try simulate(scenario, network: network, entry: entry, severity: scenario.severity(of: id), importers: importers)
        // A stage listed at severity 0 is not controlled: no gap to fill.
        if result.market.severity > 0 {
            let group = Set(partners + importers.flatMap { $0.members.count > 1 ? $0.members : [] })
            result.market.partners = Array(producersBestPlacedToFillTheGap(
                network: network, sides: ScenarioSides(scenario, in: self, network: network), entry: entry,
                years: scenario.durationYears, partners: group).prefix(8))
        }
        result.market.tradeBasis = basis
        result.market.productionYear = productionYear
        result.market.note = notes.isEmpty ? nil : notes.joined(separator: "; ")
        return .assessed(result.market, result.impacts)
    }

    /// The production year a computation for `year` uses: `year` itself, else the latest on
    /// record before it, else the first; nil without any production.
    func productionYear(of id: CommodityID, near year: Int) -> Int? {
        let years = productionYears(of: id)
        return years.contains(year) ? year : (years.last { $0 < year } ?? years.first)
    }

    /// The commodity's trade basis in `year`, or with `fallback` in the nearest year that has one
    /// (earlier years first). Throws the reason for `year` when none is found.
    func assessableTrade(of info: Commodity, year: Int, fallback: Bool) throws(LodestoneError) -> (TradeBasis, Int) {
        do {
            return (try checkTrade(of: info, year: year), year)
        } catch {
            guard fallback else { throw error }
            // Nearest first; at equal distance the earlier year (before the event).
            func rank(_ candidate: Int) -> Int { 2 * abs(candidate - year) + (candidate > year ? 1 : 0) }
            let candidates = tradeYears(of: info).sorted { rank($0) < rank($1) }
            for candidate in candidates {
                if let basis = try? checkTrade(of: info, year: candidate) { return (basis, candidate) }
            }
            throw error
        }
    }

    func simulate(
        _ scenario: RestrictionScenario, network: TradeNetwork, entry: MarketParameters.Entry, severity: Double? = nil,
        importers: [Importer]
    ) throws(LodestoneError) -> (market: ScenarioOutcome.Market, impacts: [ScenarioOutcome.Impact]) {
        try simulate(scenario, network: network, entry: entry, severities: [severity ?? scenario.severity], importers: importers)[0]
    }

    /// The same scenario at several severities. Withheld supply and its propagation are linear in
    /// the severity, so they are computed once, at the highest severity, and scaled for the others.
    func simulate(
        _ scenario: RestrictionScenario, network: TradeNetwork, entry: MarketParameters.Entry, severities: [Double],
        importers: [Importer]
    ) throws(LodestoneError) -> [(market: ScenarioOutcome.Market, impacts: [ScenarioOutcome.Impact])] {
        let sides = ScenarioSides(scenario, in: self, network: network)
        let top = severities.max() ?? 0
        let withheld = try withheldSupply(scenario, sides: sides, severity: top, network: network)
        let propagated = try propagatedLoss(withheld, sides: sides, network: network)
        var runs: [(market: ScenarioOutcome.Market, impacts: [ScenarioOutcome.Impact])] = []
        for s in severities {
            // At the highest severity (and when all are 0) the computed supply is used as it is.
            let scaled = s != top && top > 0
            runs.append(simulate(scenario, network: network, entry: entry, severity: s, sides: sides,
                                 withheld: scaled ? withheld.scaled(by: s / top) : withheld,
                                 propagated: scaled ? propagated.scaled(by: s / top) : propagated,
                                 importers: importers))
        }
        return runs
    }

    private func simulate(
        _ scenario: RestrictionScenario, network: TradeNetwork, entry: MarketParameters.Entry, severity s: Double, sides: ScenarioSides,
        withheld: WithheldSupply, propagated: PropagatedLoss, importers: [Importer]
    ) -> (market: ScenarioOutcome.Market, impacts: [ScenarioOutcome.Impact]) {
        let outputChange = scenario.outputChangeByCommodity[network.commodity] ?? 0
        let years = scenario.durationYears
        func cleared(_ entry: MarketParameters.Entry) -> SplitMarket.Clearing {
            clearedMarkets(sides: sides, withheld: withheld, propagated: propagated, network: network, entry: entry,
                           outputChange: outputChange, severity: s)
        }
        // The first year (or a shorter disruption) at the annual equilibrium; later years without
        // the first year's frictions, so precautionary buying is counted once.
        var phases = [DisruptionPhase(market: cleared(entry), entry: entry, years: min(1, years))]
        if years > 1 {
            phases.append(DisruptionPhase(market: cleared(entry.afterFirstYear), entry: entry.afterFirstYear, years: years - 1, afterFirstYear: true))
        }
        let market = phases[0].market, later = phases.count > 1 ? phases[1].market : nil
        let steps = shortfalls(sides: sides, propagated: propagated, phases: phases, network: network)
        func total(_ tonnes: (SplitMarket.Clearing) -> Double) -> Double { phases.reduce(0) { $0 + tonnes($1.market) * $1.years } }
        let impacts = importers.map { impact(on: $0, network: network, sides: sides, propagated: propagated, phases: phases, steps: steps) }
        let withheldTonnes = withheld.total.reduce(0, +), unitValue = network.unitValueUSDPerKg
        let info = commodity(network.commodity)
        return (ScenarioOutcome.Market(
            commodity: network.commodity, supplyClass: info?.supplyClass ?? .mainProduct, tradeYear: network.year,
            productionYear: network.year, severity: s, consumptionTonnes: network.worldConsumption * years,
            withheldTonnes: withheldTonnes * years, divertedTonnes: total(\.divertedTonnes), precautionaryTonnes: total(\.precautionaryTonnes),
            supplyResponseTonnes: total(\.supplyResponseTonnes), demandResponseTonnes: total(\.demandResponseTonnes),
            unmetTonnes: total(\.unmetTonnes), priceChangeOutside: market.priceChangeOutside, priceCapped: market.outsidePriceCapped,
            keptAtHomeTonnes: total(\.keptAtHomeTonnes), stockpiledInsideTonnes: total(\.stockpiledInsideTonnes),
            replacingOwnImportsTonnes: propagated.absorbed * years, heldInThirdCountriesTonnes: total(\.heldInThirdCountriesTonnes),
            insideOutputChangeTonnes: market.insideOutputChangeTonnes * years,
            priceChangeInside: market.priceChangeInside, insidePriceFloored: market.insidePriceFloored,
            priceChangeOutsideLaterYears: later?.priceChangeOutside, priceChangeInsideLaterYears: later?.priceChangeInside,
            priceCappedLaterYears: later?.outsidePriceCapped, insidePriceFlooredLaterYears: later?.insidePriceFloored,
            stockDrawTonnes: steps.stockDraw.reduce(0, +), priceUSDPerKg: unitValue, parameters: entry,
            partners: [], tradeBasis: nil, note: nil), impacts)
    }

    /// One importer's impact: its members' losses, shortfalls and stock draws summed; the price
    /// it pays per phase (consumption-weighted over its members); the extra cost of what it still
    /// buys and the value of its shortfall, each at the price of the phase it falls in.
    private func impact(on importer: Importer, network: TradeNetwork, sides: ScenarioSides, propagated: PropagatedLoss,
                        phases: [DisruptionPhase], steps: Shortfalls) -> ScenarioOutcome.Impact {
        let members = importer.members.compactMap { countryIndex[$0] }.map(Int.init)
        func sum(_ values: [Double]) -> Double { members.reduce(0) { $0 + values[$1] } }
        let years = phases.reduce(0) { $0 + $1.years }, unitValue = network.unitValueUSDPerKg
        let consumption = sum(network.consumption), lost = sum(propagated.loss), lostDirect = sum(propagated.directLoss)
        let short = sum(steps.shortfall)
        func paid(_ p: Int) -> Double {
            consumption > 0 ? members.reduce(0) { $0 + steps.price[p][$1] * network.consumption[$1] } / consumption
                : (members.allSatisfy { sides.isRestricting[$0] } ? phases[p].market.priceChangeInside : phases[p].market.priceChangeOutside)
        }
        var extraCost = 0.0, shortfallValue = 0.0
        for (p, phase) in phases.enumerated() {
            for k in members {
                // What it still buys; a difference of rounding when it is short of all of it.
                let c = network.consumption[k] * phase.years, bought = c - steps.perYear[p][k] * phase.years
                extraCost += steps.price[p][k] * unitValue * 1000 * (bought > 1e-9 * c ? bought : 0)
                shortfallValue += steps.phaseShortfall[p][k] * 1000 * unitValue * (1 + steps.price[p][k])
            }
        }
        let lossShare: Double? = consumption > 0 ? lost / consumption : nil
        let shortfallShare: Double? = consumption > 0 ? short / (consumption * years) : nil
        let laterPrice: Double? = phases.count > 1 ? paid(1) : nil
        return ScenarioOutcome.Impact(
            importer: importer.id, commodity: network.commodity, consumptionTonnes: consumption * years,
            directLossTonnes: lostDirect * years, indirectLossTonnes: max(0, lost - lostDirect) * years,
            lossShare: lossShare, shortfallTonnes: short, shortfallShare: shortfallShare, stockDrawTonnes: sum(steps.stockDraw),
            priceChange: paid(0), priceChangeLaterYears: laterPrice, shortfallValueUSD: shortfallValue, extraCostUSD: extraCost)
    }

    /// Unrestricted producers ranked by spare capacity over the disruption weighted by political
    /// stability (1 − the WGI score, where 1 is least stable; 0.5 without one), members of
    /// `partners` flagged.
    private func producersBestPlacedToFillTheGap(network: TradeNetwork, sides: ScenarioSides, entry: MarketParameters.Entry,
                                                 years: Double, partners: Set<CountryCode>) -> [ScenarioOutcome.Partner] {
        (0..<network.size).filter { !sides.isRestricting[$0] && network.production[$0] > 0 }.map { p in
            ScenarioOutcome.Partner(
                country: countries[p].code, productionTonnes: network.production[p] * years,
                spareTonnes: entry.spareCapacityShare * network.production[p] * years,
                governanceScore: governance.entry(country: Int32(p), year: network.year)?.score, inPartnerGroup: partners.contains(countries[p].code))
        }.sorted { a, b in
            let scoreA = a.spareTonnes * (1 - (a.governanceScore ?? 0.5)), scoreB = b.spareTonnes * (1 - (b.governanceScore ?? 0.5))
            return (scoreA, b.country) > (scoreB, a.country)
        }
    }
}
