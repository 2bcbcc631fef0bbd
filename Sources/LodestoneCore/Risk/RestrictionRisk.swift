import Dispatch

/// Probability-weighted restriction risk of one importer, per commodity, from a Monte Carlo
/// simulation of many years of restriction events.
public struct RestrictionRisk: Hashable, Sendable, Codable {
    public struct Driver: Hashable, Sendable, Codable {
        public var exporter: CountryCode
        /// Annual probability that this exporter restricts this commodity.
        public var annualProbability: Double
        /// Share of the commodity's expected shortfall caused by this exporter, 0...1.
        public var shareOfExpectedShortfall: Double
        /// Share of this exporter's impact that arrives through third countries, 0...1.
        public var viaThirdCountries: Double
    }

    public struct Commodity: Hashable, Sendable, Codable {
        public var commodity: CommodityID
        public var consumptionTonnes: Double
        /// Probability that at least one restriction hits the commodity in a year.
        public var annualProbability: Double
        public var expectedShortfallTonnes: Double
        /// Expected shortfall / consumption: the probability-weighted loss used for ranking.
        public var expectedShortfallShare: Double
        public var p95ShortfallTonnes: Double
        public var cvar95ShortfallTonnes: Double
        public var expectedCostUSD: Double
        public var p95CostUSD: Double
        public var cvar95CostUSD: Double
        public var drivers: [Driver]
    }

    public var importer: String
    public var year: Int
    public var draws: Int
    public var seed: UInt64
    public var commodities: [Commodity]
}

extension Dataset {
    /// Simulates `draws` independent years. Each year every candidate exporter restricts with
    /// probability qₑ = 1 − Πc(1 − p(e,c)); an event covers each of its commodities with
    /// probability p(e,c)/qₑ (so several commodities go together, and each marginal is p(e,c)),
    /// at one severity drawn for the event. Impacts of simultaneous restrictions add, each scaled
    /// from the single-exporter, full-severity run of the scenario engine (a linearisation of
    /// the market response). Years are split into 8 fixed blocks with their own seeded streams
    /// and run in parallel, so results do not depend on the number of cores.
    public func simulateRestrictionRisk(
        for importer: Importer, year: Int, draws: Int, seed: UInt64, model: RestrictionRiskModel,
        parameters: MarketParameters, history: [RestrictionScenario], commodities selection: [CommodityID]? = nil
    ) throws(LodestoneError) -> RestrictionRisk {
        try model.validate()
        try parameters.validate()
        guard draws > 0, draws <= 10_000_000 else { throw .invalidParameter("draws must be between 1 and 10,000,000") }
        guard tradeYears.contains(year) else { throw .noTrade(year: year, available: tradeYears) }
        let ids = (selection ?? defaultStages.filter(\.isTraded).map(\.id)).filter {
            commodity($0)?.isTraded == true && production[ProductionKey(commodity: commodityIndex[$0]!, year: year)] != nil
        }
        // Shock table: per commodity, the candidate exporters with p(e,c) and full-severity impact.
        struct Shock { var exporter: Int; var probability: Double; var shortfall: Double; var cost: Double; var indirect: Double }
        var shocks: [[Shock]] = []
        var consumption: [Double] = []
        for id in ids {
            let network = TradeNetwork(self, commodity: commodity(id)!, year: year)
            var exportsBy = [Double](repeating: 0, count: network.size)
            for flow in network.flows { exportsBy[flow.from] += flow.tonnes }
            let world = exportsBy.reduce(0, +)
            var list: [Shock] = []
            for e in 0..<network.size where world > 0 && exportsBy[e] / world >= model.minExportShare && !importer.members.contains(countries[e].code) {
                let code = countries[e].code
                let past = history.filter { $0.restricting.contains(code) }
                let p = model.probability(governance: governance.entry(country: Int32(e), year: year)?.score, pastEvents: past.count,
                                          restrictedBefore: past.contains { $0.commodities.contains(id) })
                let scenario = RestrictionScenario(name: "\(code)-\(id)", restricting: [code], commodities: [id], severity: 1)
                let impact = try simulate(scenario, network: network, entry: parameters.entry(for: commodity(id)!), importers: [importer], allies: []).impacts[0]
                let lost = impact.directLossTonnes + impact.indirectLossTonnes
                list.append(Shock(exporter: e, probability: p, shortfall: impact.shortfallTonnes, cost: impact.extraCostUSD,
                                  indirect: lost > 0 ? impact.indirectLossTonnes / lost : 0))
            }
            shocks.append(list)
            consumption.append(importer.members.compactMap { countryIndex[$0] }.reduce(0) { $0 + network.consumption[Int($1)] })
        }
        // Events per exporter across commodities.
        var exporters: [Int: [(commodity: Int, shock: Int)]] = [:]
        for (c, list) in shocks.enumerated() { for (k, shock) in list.enumerated() { exporters[shock.exporter, default: []].append((c, k)) } }
        let plan: [(exporter: Int, eventProbability: Double, items: [(commodity: Int, shock: Int, inclusion: Double)])] =
            exporters.keys.sorted().map { e in
                let items = exporters[e]!
                let q = 1 - items.reduce(1) { $0 * (1 - shocks[$1.commodity][$1.shock].probability) }
                return (e, q, items.map { ($0.commodity, $0.shock, q > 0 ? min(1, shocks[$0.commodity][$0.shock].probability / q) : 0) })
            }

        let table = shocks
        let blocks = 8, c = ids.count
        var shortfall = [Double](repeating: 0, count: c * draws), cost = [Double](repeating: 0, count: c * draws)
        var contribution = [[Double]](repeating: [], count: blocks)
        let offsets = shocks.reduce(into: [0]) { $0.append($0.last! + $1.count) }
        shortfall.withUnsafeMutableBufferPointer { shortBuffer in
            cost.withUnsafeMutableBufferPointer { costBuffer in
                nonisolated(unsafe) let shortPointer = shortBuffer, costPointer = costBuffer
                let results = UnsafeMutableBufferPointer<[Double]>.allocate(capacity: blocks)
                results.initialize(repeating: [])
                defer { results.deallocate() }
                nonisolated(unsafe) let resultPointer = results
                DispatchQueue.concurrentPerform(iterations: blocks) { block in
                    var rng = SplitMix64(seed: seed &+ UInt64(block) &* 0x9E37_79B9_7F4A_7C15)
                    var local = [Double](repeating: 0, count: offsets.last!)
                    let lower = draws * block / blocks, upper = draws * (block + 1) / blocks
                    for draw in lower..<upper {
                        for exporter in plan where rng.unit() < exporter.eventProbability {
                            let severity = model.severityMin + (model.severityMax - model.severityMin) * rng.unit()
                            for item in exporter.items where rng.unit() < item.inclusion {
                                let shock = table[item.commodity][item.shock]
                                shortPointer[item.commodity * draws + draw] += severity * shock.shortfall
                                costPointer[item.commodity * draws + draw] += severity * shock.cost
                                local[offsets[item.commodity] + item.shock] += severity * shock.shortfall
                            }
                        }
                    }
                    resultPointer[block] = local
                }
                for block in 0..<blocks { contribution[block] = results[block] }
            }
        }
        var output: [RestrictionRisk.Commodity] = []
        for (index, id) in ids.enumerated() {
            let years = shortfall[(index * draws)..<((index + 1) * draws)], costs = cost[(index * draws)..<((index + 1) * draws)]
            let s = Tail(years), k = Tail(costs)
            let totalContribution = (0..<blocks).reduce(0.0) { sum, b in
                sum + (0..<shocks[index].count).reduce(0) { $0 + contribution[b][offsets[index] + $1] }
            }
            let drivers = shocks[index].enumerated().map { position, shock in
                let contributed = (0..<blocks).reduce(0) { $0 + contribution[$1][offsets[index] + position] }
                return RestrictionRisk.Driver(exporter: countries[shock.exporter].code, annualProbability: shock.probability,
                                              shareOfExpectedShortfall: totalContribution > 0 ? contributed / totalContribution : 0,
                                              viaThirdCountries: shock.indirect)
            }.filter { $0.shareOfExpectedShortfall > 0 }
                .sorted { ($0.shareOfExpectedShortfall, $1.exporter) > ($1.shareOfExpectedShortfall, $0.exporter) }
            output.append(RestrictionRisk.Commodity(
                commodity: id, consumptionTonnes: consumption[index],
                annualProbability: 1 - shocks[index].reduce(1) { $0 * (1 - $1.probability) },
                expectedShortfallTonnes: s.mean, expectedShortfallShare: consumption[index] > 0 ? s.mean / consumption[index] : 0,
                p95ShortfallTonnes: s.p95, cvar95ShortfallTonnes: s.cvar95,
                expectedCostUSD: k.mean, p95CostUSD: k.p95, cvar95CostUSD: k.cvar95, drivers: Array(drivers.prefix(3))))
        }
        return RestrictionRisk(importer: importer.id, year: year, draws: draws, seed: seed, commodities: output)
    }
}

/// Mean, 95th percentile and CVaR95 (mean of the worst 5 % of years) of a sample.
struct Tail {
    var mean: Double
    var p95: Double
    var cvar95: Double

    init(_ values: ArraySlice<Double>) {
        let sorted = values.sorted()
        let n = sorted.count
        mean = sorted.reduce(0, +) / Double(n)
        let cut = min(n - 1, Int((0.95 * Double(n)).rounded(.down)))
        p95 = sorted[cut]
        let tail = sorted[cut...]
        cvar95 = tail.reduce(0, +) / Double(tail.count)
    }
}
