/// Which allied projects to finance so that an importer's expected losses from restrictions
/// fall most over a horizon, as a mixed-integer program.
///
/// Capacity of stage s reaching the importer in year t:
///     K(s,t) = Σ_unfinanced π·m·c·[a ≤ t] + Σ_financed c·[f ≤ t]
/// where c is a project's capacity, a its (delayed) announced year and π its probability when the
/// plan does not finance it (a share m of its output reaches the importer, its share of world
/// consumption), and f the year a financed project delivers (it then serves the importer: an
/// offtake). The importer's loss in year t is the simulated years' loss left once K covers their
/// shortfall, with consumption grown at the stage's rate g:
///     L(s,t,K) = (1/N) Σω vω·max(0, (1 + g)^(t − base)·sω − K),
/// convex and piecewise linear in K, so z(s,t) ≥ L is written exactly as its tangents at every
/// breakpoint (at most `maxBreakpoints`, by quantile, beyond which the plan is still evaluated
/// exactly). Binaries y_p choose the projects within the budget Σ capex_p·y_p ≤ B; the program
/// minimises Σ_{s,t} z(s,t).
public struct InvestmentProblem: Sendable {
    public static let maxBreakpoints = 400

    public struct Stage: Sendable {
        public var commodity: CommodityID
        /// The simulated years with a shortfall: tonnes in the base year and loss per tonne.
        public var shortfallTonnes: [Double]
        public var lossPerTonneUSD: [Double]
        /// All simulated years (those without a shortfall count as 0).
        public var draws: Int
        public var growthRate: Double
        /// Share of unfinanced new capacity that reaches the importer (its share of world use).
        public var importerShare: Double

        public init(commodity: CommodityID, shortfallTonnes: [Double], lossPerTonneUSD: [Double], draws: Int, growthRate: Double, importerShare: Double) {
            self.commodity = commodity
            self.shortfallTonnes = shortfallTonnes
            self.lossPerTonneUSD = lossPerTonneUSD
            self.draws = draws
            self.growthRate = growthRate
            self.importerShare = importerShare
        }
    }

    public struct Supply: Sendable, Hashable {
        public var stage: Int
        public var capacityTonnes: Double
        /// Year it delivers when financed (nil: it cannot be financed, no published capex).
        public var financedYear: Int?
        public var capexUSD: Double?
        /// Year and probability when the plan leaves it alone.
        public var unfinancedYear: Int
        public var probability: Double

        public init(stage: Int, capacityTonnes: Double, financedYear: Int?, capexUSD: Double?, unfinancedYear: Int, probability: Double) {
            self.stage = stage
            self.capacityTonnes = capacityTonnes
            self.financedYear = financedYear
            self.capexUSD = capexUSD
            self.unfinancedYear = unfinancedYear
            self.probability = probability
        }

        public var isCandidate: Bool { financedYear != nil && capexUSD != nil }
    }

    public var stages: [Stage]
    public var supplies: [Supply]
    public var baseYear: Int
    public var horizon: Int
    public var budgetUSD: Double

    public init(stages: [Stage], supplies: [Supply], baseYear: Int, horizon: Int, budgetUSD: Double) {
        self.stages = stages
        self.supplies = supplies
        self.baseYear = baseYear
        self.horizon = horizon
        self.budgetUSD = budgetUSD
    }

    public var years: [Int] { horizon > baseYear ? Array((baseYear + 1)...horizon) : [] }
    public var candidates: [Int] { supplies.indices.filter { supplies[$0].isCandidate } }

    /// Capacity of stage `s` reaching the importer in `year` when `financed` projects are financed.
    public func capacity(stage s: Int, year: Int, financed: Set<Int>) -> Double {
        supplies.indices.reduce(0) { total, p in
            let supply = supplies[p]
            guard supply.stage == s else { return total }
            if financed.contains(p), let f = supply.financedYear { return total + (f <= year ? supply.capacityTonnes : 0) }
            return total + (supply.unfinancedYear <= year ? supply.probability * stages[s].importerShare * supply.capacityTonnes : 0)
        }
    }

    func growth(_ s: Int, _ year: Int) -> Double {
        var factor = 1.0
        for _ in 0..<max(0, year - baseYear) { factor *= 1 + stages[s].growthRate }
        return factor
    }

    /// Expected loss (USD) and shortfall (t) of stage `s` in `year` with `capacity`, exactly.
    public func expected(stage s: Int, year: Int, capacity: Double) -> (lossUSD: Double, shortfallTonnes: Double) {
        let stage = stages[s], g = growth(s, year)
        var loss = 0.0, short = 0.0
        for (x, v) in zip(stage.shortfallTonnes, stage.lossPerTonneUSD) {
            let left = max(0, g * x - capacity)
            loss += v * left
            short += left
        }
        let n = Double(max(1, stage.draws))
        return (loss / n, short / n)
    }

    /// The mean shortfall of the years that have one: the gap a typical disruption opens.
    public func disruptionGap(stage s: Int, year: Int) -> Double {
        let stage = stages[s]
        guard !stage.shortfallTonnes.isEmpty else { return 0 }
        return growth(s, year) * stage.shortfallTonnes.reduce(0, +) / Double(stage.shortfallTonnes.count)
    }

    /// Σ over stages and years of the expected loss when `financed` are financed.
    public func totalLoss(financed: Set<Int>) -> Double {
        var total = 0.0
        for s in stages.indices { for year in years { total += expected(stage: s, year: year, capacity: capacity(stage: s, year: year, financed: financed)).lossUSD } }
        return total
    }

    /// The program: y_p for each candidate (binary), then z(s,t); tangent rows; the budget.
    public func program() -> (program: LinearProgram, candidates: [Int]) {
        var lp = LinearProgram()
        let chosen = candidates
        for _ in chosen { lp.addColumn(cost: 0, upper: 1, integer: true) }
        let none = Set<Int>()
        for s in stages.indices {
            let stage = stages[s]
            for year in years {
                let z = lp.addColumn(cost: 1)
                let base = capacity(stage: s, year: year, financed: none)
                // K = base + Σ coefficient_p·y_p.
                let terms: [(Int, Double)] = chosen.enumerated().compactMap { column, p in
                    let supply = supplies[p]
                    guard supply.stage == s, let f = supply.financedYear else { return nil }
                    let coefficient = (f <= year ? supply.capacityTonnes : 0)
                        - (supply.unfinancedYear <= year ? supply.probability * stage.importerShare * supply.capacityTonnes : 0)
                    return coefficient == 0 ? nil : (column, coefficient)
                }
                let g = growth(s, year), n = Double(max(1, stage.draws))
                let order = stage.shortfallTonnes.indices.sorted { stage.shortfallTonnes[$0] < stage.shortfallTonnes[$1] }
                var points = [0.0] + order.map { g * stage.shortfallTonnes[$0] }
                if points.count > Self.maxBreakpoints {
                    let count = points.count
                    points = (0..<Self.maxBreakpoints).map { points[$0 * (count - 1) / (Self.maxBreakpoints - 1)] }
                }
                // Tangent at K_k: L(K) ≥ F_k − S_k·(K − K_k), S_k = Σ_{x > K_k} v / N.
                var previous = -1.0
                for point in points where point > previous {
                    previous = point
                    var value = 0.0, slope = 0.0
                    for (x, v) in zip(stage.shortfallTonnes, stage.lossPerTonneUSD) where g * x > point {
                        value += v * (g * x - point)
                        slope += v
                    }
                    value /= n
                    slope /= n
                    guard slope > 0 || value > 0 else { continue }
                    // z + S·Σ coefficient·y ≥ F + S·K_k − S·base
                    lp.addRow([(z, 1)] + terms.map { ($0.0, slope * $0.1) }, lower: value + slope * point - slope * base)
                }
            }
        }
        lp.addRow(chosen.enumerated().map { ($0.offset, supplies[$0.element].capexUSD ?? 0) }, upper: budgetUSD)
        return (lp, chosen)
    }

    /// Fund by expected loss avoided per dollar, each project judged alone, best first, while the
    /// budget allows: the obvious heuristic the optimum is compared with.
    public func greedy() -> Set<Int> {
        let base = totalLoss(financed: [])
        let ranked = candidates.map { p in (p, (base - totalLoss(financed: [p])) / max(1, supplies[p].capexUSD ?? .infinity)) }
            .filter { $0.1 > 0 }.sorted { ($0.1, $1.0) > ($1.1, $0.0) }
        var chosen = Set<Int>(), spent = 0.0
        for (p, _) in ranked {
            let capex = supplies[p].capexUSD ?? .infinity
            if spent + capex <= budgetUSD {
                chosen.insert(p)
                spent += capex
            }
        }
        return chosen
    }
}
