/// The scenario engine's four steps (see `Dataset+Scenario`), each a function of the trade
/// network so that other models (planning) can run them one at a time:
/// withheld supply → propagated loss → cleared markets → shortfalls.

/// Which nodes of a network restrict, and which are targeted (outside the restricting countries
/// and named by the scenario's targets).
struct ScenarioSides {
    /// Node by node, whether it restricts.
    let isRestricting: [Bool]
    let targeted: [Bool]

    init(_ scenario: RestrictionScenario, in dataset: Dataset, network: TradeNetwork) {
        let restricting = Set(scenario.restricting.compactMap { dataset.countryIndex[$0] }.map(Int.init))
        isRestricting = (0..<network.size).map(restricting.contains)
        targeted = (0..<network.size).map { !restricting.contains($0) && scenario.targets.includes(dataset.countries[$0].code) }
    }

    /// The restricting nodes, in node order.
    var restricting: [Int] { isRestricting.indices.filter { isRestricting[$0] } }
}

/// Step 1: what the restricting countries withhold from each node, tonnes a year.
struct WithheldSupply {
    /// s·Σ_r F_{r→k} for each targeted k.
    var direct: [Double]
    /// s·F_{j→k}·ρ_j from non-targeted third countries j (with `extraterritorial`).
    var extraterritorial: [Double]
    /// What each node took from the restricting countries before the control, Σ_r F_{r→k}.
    var fromRestricting: [Double]

    var total: [Double] { zip(direct, extraterritorial).map(+) }

    /// The same control at `factor` times the severity (withheld tonnes are linear in it).
    func scaled(by factor: Double) -> WithheldSupply {
        WithheldSupply(direct: direct.map { $0 * factor }, extraterritorial: extraterritorial.map { $0 * factor },
                       fromRestricting: fromRestricting)
    }
}

/// Step 2: each node's consumption lost once the withheld supply has run through the network.
/// Part of what targets lose they would have passed on to the restricting countries themselves
/// (Japan's exports of gallium to China shrink with what Japan lost); a restricting country
/// replaces that from what it withholds at home, so it loses nothing and passes nothing on to
/// its own customers (`TradeNetwork.propagate(_:absorbingAt:)`), and the rest is what the outside
/// market loses.
struct PropagatedLoss {
    /// Lₖ = ℓₖ·Cₖ/Sₖ with ℓ the loss propagated with the restricting countries absorbing what
    /// reaches them; 0 for a restricting country.
    var loss: [Double]
    /// The same for the direct part of d only.
    var directLoss: [Double]
    /// Σ Lₖ: Σ dₖ less what reaches the restricting countries (ℓ at them).
    var total: Double
    /// Σ ℓᵣ over the restricting countries: what reaches them through third countries, which they
    /// replace from what they withhold (Σ dₖ = total + absorbed).
    var absorbed: Double

    /// The same at `factor` times the withheld supply (the propagation is linear).
    func scaled(by factor: Double) -> PropagatedLoss {
        PropagatedLoss(loss: loss.map { $0 * factor }, directLoss: directLoss.map { $0 * factor }, total: total * factor,
                       absorbed: absorbed * factor)
    }
}

extension Dataset {
    func withheldSupply(_ scenario: RestrictionScenario, sides: ScenarioSides, severity s: Double,
                        network: TradeNetwork) throws(LodestoneError) -> WithheldSupply {
        let n = network.size
        var result = WithheldSupply(direct: [Double](repeating: 0, count: n), extraterritorial: [Double](repeating: 0, count: n),
                                    fromRestricting: [Double](repeating: 0, count: n))
        var originShare = [Double](repeating: 0, count: n)
        if scenario.extraterritorial {
            for r in sides.restricting {
                guard let traced = network.originTonnes(of: r) else { throw .damagedData("closed re-export loop in the \(network.commodity) network of \(network.year)") }
                for j in 0..<n where network.supply[j] > 0 { originShare[j] += traced[j] / network.supply[j] }
            }
        }
        for flow in network.flows {
            if sides.isRestricting[flow.from] { result.fromRestricting[flow.to] += flow.tonnes }
            guard sides.targeted[flow.to] else { continue }
            if sides.isRestricting[flow.from] {
                result.direct[flow.to] += s * flow.tonnes
            } else if scenario.extraterritorial, !sides.targeted[flow.from] {
                result.extraterritorial[flow.to] += s * flow.tonnes * min(1, originShare[flow.from])
            }
        }
        return result
    }

    func propagatedLoss(_ withheld: WithheldSupply, sides: ScenarioSides, network: TradeNetwork) throws(LodestoneError) -> PropagatedLoss {
        let n = network.size, restricting = sides.restricting
        guard let propagated = network.propagate(withheld.total, absorbingAt: restricting) else {
            throw .damagedData("closed re-export loop in the \(network.commodity) network of \(network.year)")
        }
        let loss = (0..<n).map { k in
            network.supply[k] > 0 && !sides.isRestricting[k] ? propagated[k] * network.consumption[k] / network.supply[k] : 0
        }
        let directLoss = (0..<n).map { network.supply[$0] > 0 ? withheld.direct[$0] * network.consumption[$0] / network.supply[$0] : 0 }
        return PropagatedLoss(loss: loss, directLoss: directLoss, total: loss.reduce(0, +),
                              absorbed: restricting.reduce(0) { $0 + propagated[$1] })
    }

    /// Step 3: the outside and inside markets (`SplitMarket`) after the loss.
    /// `outputChange`: the restricting countries' own output change as a share (a quota cut < 0).
    /// `severity`: the share of exports the control withholds; buyers outside stock up against that
    /// share of what they took from the restricting countries (none for a stage listed at 0, whose
    /// only effect is its output change).
    func clearedMarkets(sides: ScenarioSides, withheld: WithheldSupply, propagated: PropagatedLoss, network: TradeNetwork,
                        entry: MarketParameters.Entry, outputChange: Double = 0, severity: Double) -> SplitMarket.Clearing {
        var split = SplitMarket(lostTonnes: propagated.total, outsideProductionTonnes: 0, outsideConsumptionTonnes: 0,
                                insideProductionTonnes: 0, insideConsumptionTonnes: 0)
        for k in 0..<network.size {
            if sides.isRestricting[k] {
                split.insideProductionTonnes += network.production[k]
                split.insideConsumptionTonnes += network.consumption[k]
            } else {
                split.outsideProductionTonnes += network.production[k]
                split.outsideConsumptionTonnes += network.consumption[k]
                split.outsideSupplyFromRestrictingTonnes += severity * withheld.fromRestricting[k]
                if !sides.targeted[k] { split.divertibleTonnes += max(0, network.consumption[k] - withheld.fromRestricting[k]) }
            }
        }
        split.heldOutsideTonnes = withheld.extraterritorial.reduce(0, +)
        split.insideOutputChangeTonnes = outputChange * split.insideProductionTonnes
        return split.clear(entry)
    }

    /// One stretch of a disruption cleared at one market equilibrium: the first year (or the
    /// whole of a shorter disruption), then the later years once the first year's frictions are
    /// over (`MarketParameters.Entry.afterFirstYear`).
    struct DisruptionPhase {
        var market: SplitMarket.Clearing
        var entry: MarketParameters.Entry
        var years: Double
        /// The years after the first: what was diverted to other buyers has reached them.
        var afterFirstYear = false
    }

    /// Step 4's result per phase and over the disruption.
    struct Shortfalls {
        /// Each node's shortfall over the disruption after its stocks, tonnes.
        var shortfall: [Double]
        /// What each node draws from its stocks, tonnes (once per disruption, first year first).
        var stockDraw: [Double]
        /// Per phase, the price change each node pays and its shortfall in that phase after stocks.
        var price: [[Double]]
        var phaseShortfall: [[Double]]
        /// Per phase, each node's consumption lost before stocks, tonnes a year.
        var perYear: [[Double]]
    }

    /// Step 4: each node's shortfall over the disruption (after its stocks), what it draws from
    /// stocks, and the price change it pays (inside for the restricting countries), per phase.
    ///
    /// The outside market gives up G = |ε_d|·p·C_out + unmet tonnes of consumption a year (the
    /// clearing). A node outside can re-source only φ of its loss Lₖ within the year, so it bears
    /// (1 − φ)·Lₖ first; what is left of G falls on the outside nodes in proportion to their
    /// consumption, as the price cuts it, a node already short of all it consumes passing its
    /// part on to the others. In the first year the shortfalls add up to the larger of G and
    /// Σ(1 − φ)·Lₖ (at most the outside consumption): no tonne is counted twice, and where
    /// diversion to non-targeted buyers makes up the loss (G smaller), the targets still go short
    /// of what they cannot re-source in time. In later years they add up to G
    /// (`annualShortfalls`). Stocks (`stockMonths` of consumption) are drawn once, in the first
    /// phase first.
    func shortfalls(sides: ScenarioSides, propagated: PropagatedLoss, phases: [DisruptionPhase], network: TradeNetwork) -> Shortfalls {
        let n = network.size
        let outside = (0..<n).filter { !sides.isRestricting[$0] }
        let perYear = phases.map { phase in
            annualShortfalls(outside: outside, propagated: propagated, phase: phase, network: network)
        }
        var result = Shortfalls(shortfall: [Double](repeating: 0, count: n), stockDraw: [Double](repeating: 0, count: n),
                                price: phases.map { [Double](repeating: $0.market.priceChangeInside, count: n) },
                                phaseShortfall: phases.map { _ in [Double](repeating: 0, count: n) }, perYear: perYear)
        for k in outside {
            var stock = (phases.first?.entry.stockMonths ?? 0) / 12 * network.consumption[k]
            for (p, phase) in phases.enumerated() {
                result.price[p][k] = phase.market.priceChangeOutside
                let gross = perYear[p][k] * phase.years, drawn = min(gross, stock)
                stock -= drawn
                result.stockDraw[k] += drawn
                result.phaseShortfall[p][k] = gross - drawn
                result.shortfall[k] += gross - drawn
            }
        }
        return result
    }

    /// One phase's consumption lost by each outside node, tonnes a year, before stocks.
    /// In the first year a node that lost supply bears (1 − φ) of its loss first. After it, what
    /// was diverted to other buyers has reached them and freed their former suppliers' output: it
    /// bears at most its part of what the market as a whole gives up, min(1 − φ, G / L), L the
    /// whole loss that bid on the outside market.
    private func annualShortfalls(outside: [Int], propagated: PropagatedLoss, phase: DisruptionPhase, network: TradeNetwork) -> [Double] {
        let market = phase.market, givenUp = market.demandResponseTonnes + market.unmetTonnes
        var unresourced = 1 - phase.entry.resourcingShare
        if phase.afterFirstYear {
            unresourced = propagated.total > 0 ? min(unresourced, givenUp / propagated.total) : 0
        }
        var perYear = [Double](repeating: 0, count: network.size)
        for k in outside { perYear[k] = min(network.consumption[k], unresourced * propagated.loss[k]) }
        var left = givenUp - outside.reduce(0) { $0 + perYear[$1] }
        var open = outside.filter { perYear[$0] < network.consumption[$0] }
        while left > 0, !open.isEmpty {
            let base = open.reduce(0) { $0 + network.consumption[$1] }
            guard base > 0 else { break }
            var overflow = 0.0
            open = open.filter { k in
                let room = network.consumption[k] - perYear[k], share = left * network.consumption[k] / base
                if share < room { perYear[k] += share; return true }
                perYear[k] = network.consumption[k]
                overflow += share - room
                return false
            }
            left = overflow
        }
        return perYear
    }
}
