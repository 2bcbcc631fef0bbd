extension Dataset {
    /// Simulates `draws` independent years. Each year every candidate exporter restricts with
    /// probability qₑ = 1 − Πc(1 − p(e,c)); an event covers each of its commodities with
    /// probability p(e,c)/qₑ (so several commodities go together, and each marginal is p(e,c)),
    /// at one severity drawn for the event. Impacts of simultaneous restrictions add, each read
    /// off the scenario engine's single-exporter runs at `severityKnotCount` severities spread
    /// over the model's range, interpolated linearly between them (`RestrictionRiskSimulation`):
    /// the response is not linear in severity (stocks and re-sourcing absorb a small restriction
    /// almost whole), so scaling one full-severity run would overstate the loss of small ones
    /// (README, Monte Carlo risk). The economic loss of a shock is the value of its shortfall at the
    /// post-disruption price the importer pays, shortfall × 1000 × unit value × (1 + price
    /// change), USD, a stand-in for the GDP effect the USGS 2025 method ranks by; the extra cost
    /// of what is still bought is reported beside it, not added.
    ///
    /// Commodities: `selection`, or the default stage of every family (`defaultStages`). Those
    /// without trade (no code, none or no quantities in `year`), production in `year`, or
    /// consumption by the importer are listed in `notAssessed` with the reason, never scored 0.
    ///
    /// Years run in 32 fixed blocks on non-overlapping xoshiro256** streams, in parallel
    /// (`RestrictionRiskSimulation`): the same seed gives the same bytes on any number of cores.
    /// The blocks are also batch replicates: `tierConfidence` is the share of them whose own
    /// estimate falls in the pooled tier. Memory is bounded (`RestrictionRisk.estimatedMemoryBytes`);
    /// a request above `memoryLimitBytes` (default `RestrictionRisk.memoryLimitBytes`, 1 GiB)
    /// throws `.invalidParameter` before any simulation; there is no other cap on draws.
    ///
    /// Once `cancellation` is set the work stops at its next check (between commodities while
    /// the shock tables are built, every `RestrictionRiskSimulation.cancellationCheckInterval`
    /// years of each block while simulating) and throws `.cancelled`.
    public func simulateRestrictionRisk(
        for importer: Importer, year: Int, draws: Int, seed: UInt64, model: RestrictionRiskModel,
        parameters: MarketParameters, history: [RestrictionScenario], commodities selection: [CommodityID]? = nil,
        memoryLimitBytes: Int = RestrictionRisk.memoryLimitBytes, cancellation: CancellationFlag? = nil
    ) throws(LodestoneError) -> RestrictionRisk {
        guard draws > 0 else { throw .invalidParameter("draws must be at least 1") }
        let inputs = try restrictionRiskInputs(for: importer, year: year, model: model, parameters: parameters, history: history,
                                               commodities: selection, cancellation: cancellation) { (count: Int) throws(LodestoneError) in
            let memory = RestrictionRisk.estimatedMemoryBytes(draws: draws, commodities: count)
            guard memory <= memoryLimitBytes else {
                throw .invalidParameter("\(draws) draws for \(count) commodities would need about \(Self.megabytes(memory)) of memory, "
                    + "more than the \(Self.megabytes(memoryLimitBytes)) limit: use at most "
                    + "\(RestrictionRisk.maxDraws(commodities: count, memoryLimitBytes: memoryLimitBytes)) draws or name fewer commodities")
            }
        }
        let (infos, shocks, indirectShare, withheld, markets) = (inputs.infos, inputs.shocks, inputs.indirectShare, inputs.withheld, inputs.markets)
        let notAssessed = inputs.notAssessed

        try cancellation.check()
        let simulation = RestrictionRiskSimulation(shocks: shocks, severity: model.severityMin...model.severityMax, knots: inputs.knots)
        cancellation.begin("simulating \(draws) years of restrictions over \(infos.count) commodities", total: draws)
        let result = simulation.run(draws: draws, seed: seed, cancellation: cancellation)
        // A run stopped by the flag holds partial figures: they are never reported.
        try cancellation.check()
        let output = infos.indices.map { c in
            var row = report(commodity: infos[c].id, index: c, result: result, shocks: shocks[c], indirectShare: indirectShare[c],
                             consumption: markets[c].consumption, unitValue: markets[c].unitValue, tradeBasis: markets[c].basis)
            if row.expectedLossUSD == 0 {
                row.zeroLossReason = zeroLossReason(importer: importer, commodity: infos[c], year: year, shocks: shocks[c],
                                                    withheld: withheld[c], model: model, draws: draws)
            }
            return row
        }
        return RestrictionRisk(importer: importer.id, year: year, draws: draws, seed: seed,
                               blocks: RestrictionRiskSimulation.blockCount, commodities: output, notAssessed: notAssessed)
    }

    /// What the Monte Carlo runs on: per assessable commodity, the shock table (candidate
    /// exporters with p(e,c) and their impacts at each knot), and the importer's market; the rest in
    /// `notAssessed` with the reason. `check` sees the count of commodities to be tabled before
    /// any table is built (a memory limit).
    package struct RestrictionRiskInputs: Sendable {
        /// The severities every shock was run at (`RestrictionRiskSimulation.knots`).
        package var knots: [Double]
        package var infos: [Commodity]
        package var shocks: [[RestrictionRiskSimulation.Shock]]
        package var indirectShare: [[Double]]
        package var withheld: [[Double]]
        package var markets: [(consumption: Double, unitValue: Double, basis: TradeBasis)]
        package var notAssessed: [RestrictionRisk.NotAssessed]
    }

    package func restrictionRiskInputs(
        for importer: Importer, year: Int, model: RestrictionRiskModel, parameters: MarketParameters, history: [RestrictionScenario],
        commodities selection: [CommodityID]?, cancellation: CancellationFlag?, disruptionYears: Double = 1,
        check: (Int) throws(LodestoneError) -> Void = { _ in }
    ) throws(LodestoneError) -> RestrictionRiskInputs {
        try model.validate()
        try parameters.validate()
        guard tradeYears.contains(year) else { throw .noTrade(year: year, available: tradeYears) }
        var notAssessed: [RestrictionRisk.NotAssessed] = []
        var infos: [Commodity] = [], bases: [TradeBasis] = []
        for id in selection ?? defaultStages.map(\.id) {
            guard let info = commodity(id), let index = commodityIndex[id] else { throw .unknownCommodity(id.rawValue, suggestion: nil) }
            do throws(LodestoneError) {
                let basis = try checkTrade(of: info, year: year, importer: importer)
                guard production[ProductionKey(commodity: index, year: year)] != nil else {
                    throw LodestoneError.noProduction(commodity: info.name, year: year, available: productionYears(of: id))
                }
                infos.append(info)
                bases.append(basis)
            } catch {
                notAssessed.append(.init(commodity: id, reason: error.description))
            }
        }
        try check(infos.count)

        // Shock table: per commodity, the candidate exporters with p(e,c) and impacts at each knot
        // (commodities in parallel, 4 networks at a time; the first error in commodity order wins).
        let candidates = infos
        let knots = RestrictionRiskSimulation.knots(count: Self.severityKnotCount, over: model.severityMin...model.severityMax)
        cancellation.begin("building the supply network of each of \(candidates.count) commodities", total: candidates.count)
        let tables = orderedConcurrentMap(candidates.count, lanes: 4) { c in
            Result { () throws(LodestoneError) in
                try cancellation.check()
                defer { cancellation.advance() }
                return try shockTable(for: importer, commodity: candidates[c], year: year, model: model, parameters: parameters, history: history,
                                      knots: knots, disruptionYears: disruptionYears)
            }
        }
        var inputs = RestrictionRiskInputs(knots: knots, infos: [], shocks: [], indirectShare: [], withheld: [], markets: [], notAssessed: [])
        for (info, (table, basis)) in zip(candidates, zip(tables, bases)) {
            let table = try table.get()
            // Without consumption (or a unit value) the loss share is 0/0: a restriction of this
            // stage costs the importer nothing it records buying, which is not the same as low risk.
            guard table.consumption > 0, table.unitValue > 0, table.unitValue.isFinite else {
                notAssessed.append(.init(commodity: info.id, reason: "\(importer.name) has no apparent consumption of \(info.name) in \(year) "
                    + "(production + imports − exports ≤ 0 on its content basis, or no unit value), so its loss share is undefined; "
                    + "assess another stage of \(info.family)"))
                continue
            }
            inputs.infos.append(info)
            inputs.shocks.append(table.shocks)
            inputs.indirectShare.append(table.indirectShare)
            inputs.withheld.append(table.lost)
            inputs.markets.append((table.consumption, table.unitValue, basis))
        }
        let order = (selection ?? defaultStages.map(\.id))
        notAssessed.sort { (order.firstIndex(of: $0.commodity) ?? 0) < (order.firstIndex(of: $1.commodity) ?? 0) }
        inputs.notAssessed = notAssessed
        return inputs
    }

    /// Severities each shock is run at, spread evenly over the risk model's range (25, 50, 75 and
    /// 100 % by default). Against scenario runs at every 5 % in between, US gallium's, Japan's
    /// graphite's and heavy rare earths' mean loss over the range is within 2.5 % (README; the test allows 3 %).
    package static let severityKnotCount = 4

    /// One commodity's candidate exporters (≥ `minExportShare` of world exports, outside the
    /// importer) with p(e,c) and the scenario engine's impact on the importer at each knot.
    private func shockTable(
        for importer: Importer, commodity info: Commodity, year: Int, model: RestrictionRiskModel,
        parameters: MarketParameters, history: [RestrictionScenario], knots: [Double], disruptionYears: Double
    ) throws(LodestoneError) -> (shocks: [RestrictionRiskSimulation.Shock], indirectShare: [Double], lost: [Double], consumption: Double,
                                 unitValue: Double) {
        let network = TradeNetwork(self, commodity: info, year: year)
        var exportsBy = [Double](repeating: 0, count: network.size)
        for flow in network.flows { exportsBy[flow.from] += flow.tonnes }
        let world = exportsBy.reduce(0, +)
        var shocks: [RestrictionRiskSimulation.Shock] = [], indirect: [Double] = [], lostTonnes: [Double] = []
        let entry = parameters.entry(for: info)
        for e in 0..<network.size where world > 0 && exportsBy[e] / world >= model.minExportShare && !importer.members.contains(countries[e].code) {
            let code = countries[e].code
            let past = history.filter { $0.restricting.contains(code) }
            let p = model.probability(governance: governance.entry(country: Int32(e), year: year)?.score, pastEvents: past.count,
                                      restrictedBefore: past.contains { $0.controlledCommodities.contains(info.id) })
            let scenario = RestrictionScenario(name: "\(code)-\(info.id)", restricting: [code], commodities: [info.id], severity: 1,
                                               durationYears: disruptionYears)
            let runs = try simulate(scenario, network: network, entry: entry, severities: knots, importers: [importer]).map { $0.impacts[0] }
            // The value of the shortfall at the post-disruption price; the extra cost of what is
            // still bought is a separate measure (it would rank commodities the importer is never
            // short of by their price response alone).
            shocks.append(.init(exporter: e, probability: p, impacts: runs.map { impact in
                .init(shortfallTonnes: impact.shortfallTonnes, costUSD: impact.extraCostUSD, lossUSD: impact.shortfallValueUSD)
            }))
            // Withheld tonnes and their indirect share at the highest knot (the model's top severity).
            let highest = runs[runs.count - 1], lost = highest.directLossTonnes + highest.indirectLossTonnes
            indirect.append(lost > 0 ? highest.indirectLossTonnes / lost : 0)
            lostTonnes.append(lost)
        }
        let consumption = importer.members.compactMap { countryIndex[$0] }.reduce(0) { $0 + network.consumption[Int($1)] }
        return (shocks, indirect, lostTonnes, consumption, network.unitValueUSDPerKg)
    }

    /// Why a stage's expected loss is exactly 0: no exporter the model can make restrict; none of
    /// them supplies the importer, directly or through third countries; what they would withhold
    /// is re-sourced, and stocks cover the rest and the price's cut; or no restriction was drawn in the simulated years.
    private func zeroLossReason(importer: Importer, commodity info: Commodity, year: Int, shocks: [RestrictionRiskSimulation.Shock],
                                withheld: [Double], model: RestrictionRiskModel, draws: Int) -> String {
        let threshold = "\(Int((model.minExportShare * 100).rounded())) % of world exports"
        guard !shocks.isEmpty else {
            return "no exporter other than \(importer.name) holds \(threshold) of \(info.name) in \(year) (the risk model's threshold), so no restriction is drawn"
        }
        let named = shocks.sorted { $0.probability > $1.probability }.prefix(5)
            .map { "\(countries[$0.exporter].iso3) \(String(format: "%.1f", $0.probability * 100)) %/yr" }.joined(separator: ", ")
        let candidates = "the exporters the risk model can make restrict (\(threshold) or more: \(named)\(shocks.count > 5 ? ", …" : ""))"
        let most = withheld.max() ?? 0
        if most <= 0 {
            return "\(candidates) ship \(importer.name) none of it, directly or through third countries"
        }
        if shocks.allSatisfy({ $0.impacts.allSatisfy { $0.shortfallTonnes <= 0 } }) {
            return "\(candidates) would withhold up to \(String(format: "%.3g", most)) t from \(importer.name), and consumers' stocks would cover both the part it cannot re-source within the year and what the higher price cuts: no shortfall"
        }
        return "\(candidates) can cause a shortfall, but no restriction was drawn in \(draws) simulated years; ask for more draws"
    }

    private static func megabytes(_ bytes: Int) -> String { "\(bytes / (1 << 20) + (bytes % (1 << 20) > 0 ? 1 : 0)) MB" }

    private func report(
        commodity id: CommodityID, index c: Int, result: RestrictionRiskSimulation.Result, shocks: [RestrictionRiskSimulation.Shock],
        indirectShare: [Double], consumption: Double, unitValue: Double, tradeBasis: TradeBasis
    ) -> RestrictionRisk.Commodity {
        let shortfall = result.moments(c, .shortfall), cost = result.moments(c, .cost), loss = result.moments(c, .loss)
        let shortfallTail = result.tail(c, .shortfall), costTail = result.tail(c, .cost), lossTail = result.tail(c, .loss)
        let value = consumption * 1000 * unitValue
        func share(_ x: Double, of total: Double) -> Double { total > 0 ? x / total : 0 }
        let tier = PriorityTier(expectedLossShare: share(loss.mean, of: value))
        let blockTiers = result.blockMeanLoss.compactMap { $0.map { PriorityTier(expectedLossShare: share($0[c], of: value)) } }
        let confidence = blockTiers.isEmpty ? 0 : Double(blockTiers.filter { $0 == tier }.count) / Double(blockTiers.count)

        let shortfallTotal = result.shortfallContribution[c].reduce(0, +), lossTotal = result.lossContribution[c].reduce(0, +)
        let drivers = shocks.indices.map { k in
            RestrictionRisk.Driver(exporter: countries[shocks[k].exporter].code, annualProbability: shocks[k].probability,
                                   shareOfExpectedShortfall: share(result.shortfallContribution[c][k], of: shortfallTotal),
                                   shareOfExpectedLoss: share(result.lossContribution[c][k], of: lossTotal),
                                   viaThirdCountries: indirectShare[k])
        }.filter { $0.shareOfExpectedShortfall > 0 || $0.shareOfExpectedLoss > 0 }
            .sorted { ($0.shareOfExpectedLoss, $0.shareOfExpectedShortfall, $1.exporter) > ($1.shareOfExpectedLoss, $1.shareOfExpectedShortfall, $0.exporter) }

        return RestrictionRisk.Commodity(
            commodity: id, consumptionTonnes: consumption, unitValueUSDPerKg: unitValue, consumptionValueUSD: value,
            annualProbability: 1 - shocks.reduce(1) { $0 * (1 - $1.probability) },
            expectedShortfallTonnes: shortfall.mean, expectedShortfallTonnesStandardError: shortfall.standardError,
            expectedShortfallShare: share(shortfall.mean, of: consumption),
            expectedShortfallShareStandardError: share(shortfall.standardError, of: consumption),
            p95ShortfallTonnes: shortfallTail.p95, cvar95ShortfallTonnes: shortfallTail.cvar95,
            expectedCostUSD: cost.mean, expectedCostUSDStandardError: cost.standardError, p95CostUSD: costTail.p95, cvar95CostUSD: costTail.cvar95,
            expectedLossUSD: loss.mean, expectedLossUSDStandardError: loss.standardError, p95LossUSD: lossTail.p95, cvar95LossUSD: lossTail.cvar95,
            expectedLossShare: share(loss.mean, of: value), expectedLossShareStandardError: share(loss.standardError, of: value),
            tier: tier, tierConfidence: confidence, drivers: Array(drivers.prefix(3)), tradeBasis: tradeBasis)
    }
}
