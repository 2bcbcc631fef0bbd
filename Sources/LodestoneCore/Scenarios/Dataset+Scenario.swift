/// The restriction engine, following the structure of the USGS 2025 critical-minerals
/// methodology (OFR 2025-1047: a yearlong trade disruption, a post-disruption equilibrium from
/// price elasticities and spare capacity) on the bilateral trade network:
///
/// 1. Withheld supply. d_k = s·Σ_r F_{r→k} for each targeted importer k (s = severity, r the
///    restricting countries). With `extraterritorial`, also s·F_{j→k}·ρ_j for non-targeted third
///    countries j, ρ_j the restricting countries' share of j's supply (origin tracing).
/// 2. Propagation. A country that loses supply passes the loss on to its customers in proportion
///    to what they take from its pool: ℓ = (I − A)⁻¹·d with Aₖⱼ = F_{j→k}/Sⱼ, and its own
///    consumption falls by Lₖ = ℓₖ·Cₖ/Sₖ (C apparent consumption). Σ Lₖ = Σ dₖ exactly.
/// 3. Market. Of the loss L, a share φ is re-sourced on the world market: the price rises by p
///    until unrestricted producers' extra output min(ε_s·p·Q_free, σ·Q_free) plus the world's
///    demand cut |ε_d|·p·C_world equals φ·L (p capped at `maxPriceIncrease`).
/// 4. Shortfall. Importer k: (1 − φ)·Lₖ + |ε_d|·p·Cₖ (+ its pro-rata part of any unmet excess),
///    at most Cₖ. Extra cost: p × pre-restriction unit value × what it still buys.
/// Tonnes and costs are per year × `durationYears`; the price change is the annual equilibrium.
extension Dataset {
    public func run(
        _ scenario: RestrictionScenario, year: Int, for importers: [Importer], parameters: MarketParameters,
        allies: [CountryCode] = []
    ) throws(LodestoneError) -> ScenarioOutcome {
        try scenario.validate(in: self)
        try parameters.validate()
        guard tradeYears.contains(year) else { throw .noTrade(year: year, available: tradeYears) }
        var markets: [ScenarioOutcome.Market] = []
        var impacts: [ScenarioOutcome.Impact] = []
        var notAssessed: [String: String] = [:]
        for id in scenario.commodities {
            let info = commodity(id)!
            guard info.isTraded else { notAssessed[id.rawValue] = LodestoneError.notTraded(commodity: info.name).description; continue }
            guard production[ProductionKey(commodity: commodityIndex[id]!, year: year)] != nil else {
                notAssessed[id.rawValue] = LodestoneError.noProduction(commodity: info.name, year: year, available: productionYears(of: id)).description
                continue
            }
            let network = TradeNetwork(self, commodity: info, year: year)
            guard network.worldConsumption > 0 else { notAssessed[id.rawValue] = "no \(info.name) consumption on record in \(year)"; continue }
            let result = try simulate(scenario, network: network, entry: parameters.entry(for: id), importers: importers, allies: allies)
            markets.append(result.market)
            impacts += result.impacts
        }
        return ScenarioOutcome(scenario: scenario, year: year, markets: markets, impacts: impacts, notAssessed: notAssessed)
    }

    func simulate(
        _ scenario: RestrictionScenario, network: TradeNetwork, entry: MarketParameters.Entry, importers: [Importer], allies: [CountryCode]
    ) throws(LodestoneError) -> (market: ScenarioOutcome.Market, impacts: [ScenarioOutcome.Impact]) {
        let n = network.size, s = scenario.severity
        let restricting = Set(scenario.restricting.compactMap { countryIndex[$0] }.map(Int.init))
        let targeted = (0..<n).map { !restricting.contains($0) && scenario.targets.includes(countries[$0].code) }

        // 1. Withheld supply, direct and (optionally) extraterritorial.
        var direct = [Double](repeating: 0, count: n), extraterritorial = [Double](repeating: 0, count: n)
        var originShare = [Double](repeating: 0, count: n)
        if scenario.extraterritorial {
            for r in restricting {
                guard let traced = network.originTonnes(of: r) else { throw .invalidParameter("closed re-export loop in the \(scenario.name) network") }
                for j in 0..<n where network.supply[j] > 0 { originShare[j] += traced[j] / network.supply[j] }
            }
        }
        for flow in network.flows where targeted[flow.to] {
            if restricting.contains(flow.from) {
                direct[flow.to] += s * flow.tonnes
            } else if scenario.extraterritorial, !targeted[flow.from] {
                extraterritorial[flow.to] += s * flow.tonnes * min(1, originShare[flow.from])
            }
        }
        // 2. Propagation through the network to consumption.
        let withheld = zip(direct, extraterritorial).map(+)
        guard let propagated = network.propagate(withheld) else { throw .invalidParameter("closed re-export loop in the \(scenario.name) network") }
        let loss = (0..<n).map { network.supply[$0] > 0 ? propagated[$0] * network.consumption[$0] / network.supply[$0] : 0 }
        let directLoss = (0..<n).map { network.supply[$0] > 0 ? direct[$0] * network.consumption[$0] / network.supply[$0] : 0 }
        let totalLoss = loss.reduce(0, +)

        // 3. Market clearing for the re-sourced part.
        let freeProduction = (0..<n).filter { !restricting.contains($0) }.reduce(0) { $0 + network.production[$1] }
        let spare = entry.spareCapacityShare * freeProduction
        let demandSlope = -entry.demandElasticity * network.worldConsumption
        let supplySlope = entry.supplyElasticity * freeProduction
        let excess = entry.resourcingShare * totalLoss
        var price = excess / max(supplySlope + demandSlope, .leastNonzeroMagnitude)
        var supplyResponse = supplySlope * price
        if supplyResponse > spare {
            supplyResponse = spare
            price = max(0, excess - spare) / demandSlope
        }
        var capped = false
        if price > entry.maxPriceIncrease {
            price = entry.maxPriceIncrease
            supplyResponse = min(spare, supplySlope * price)
            capped = true
        }
        let demandResponse = demandSlope * price
        let unmet = max(0, excess - supplyResponse - demandResponse)

        // 4. Shortfalls, costs, partners.
        let cut = -entry.demandElasticity * price
        let shortfall = (0..<n).map { k in
            min(network.consumption[k], (1 - entry.resourcingShare) * loss[k] + cut * network.consumption[k]
                + (totalLoss > 0 ? unmet * loss[k] / totalLoss : 0))
        }
        let years = scenario.durationYears
        let unitValue = network.unitValueUSDPerKg
        var impacts: [ScenarioOutcome.Impact] = []
        for importer in importers {
            let members = importer.members.compactMap { countryIndex[$0] }.map(Int.init)
            let consumption = members.reduce(0) { $0 + network.consumption[$1] }
            let lost = members.reduce(0) { $0 + loss[$1] }, lostDirect = members.reduce(0) { $0 + directLoss[$1] }
            let short = members.reduce(0) { $0 + shortfall[$1] }
            impacts.append(ScenarioOutcome.Impact(
                importer: importer.id, commodity: network.commodity, consumptionTonnes: consumption * years,
                directLossTonnes: lostDirect * years, indirectLossTonnes: max(0, lost - lostDirect) * years,
                lossShare: consumption > 0 ? lost / consumption : 0, shortfallTonnes: short * years,
                shortfallShare: consumption > 0 ? short / consumption : 0, priceChange: price,
                extraCostUSD: price * unitValue * 1000 * (consumption - short) * years))
        }
        let allySet = Set(allies + importers.flatMap { $0.members.count > 1 ? $0.members : [] })
        let partners = (0..<n).filter { !restricting.contains($0) && network.production[$0] > 0 }.map { p in
            ScenarioOutcome.Partner(
                country: countries[p].code, productionTonnes: network.production[p] * years,
                spareTonnes: entry.spareCapacityShare * network.production[p] * years,
                governanceScore: governance.entry(country: Int32(p), year: network.year)?.score, ally: allySet.contains(countries[p].code))
        }.sorted { a, b in
            let scoreA = a.spareTonnes * (1 - (a.governanceScore ?? 0.5)), scoreB = b.spareTonnes * (1 - (b.governanceScore ?? 0.5))
            return (scoreA, b.country) > (scoreB, a.country)
        }
        let market = ScenarioOutcome.Market(
            commodity: network.commodity, consumptionTonnes: network.worldConsumption * years, withheldTonnes: totalLoss * years,
            supplyResponseTonnes: supplyResponse * years, demandResponseTonnes: demandResponse * years, unmetTonnes: unmet * years,
            priceChange: price, priceCapped: capped, priceUSDPerKg: unitValue, parameters: entry, partners: Array(partners.prefix(8)))
        return (market, impacts)
    }
}
