/// The Monte Carlo behind `Dataset.simulateRestrictionRisk`, on a prepared table of shocks (one
/// per commodity and candidate exporter, each at the simulation's `knots` severities), so it can be
/// tested on hand-made tables.
///
/// Each simulated year every exporter e has an event with probability qₑ = 1 − Πc(1 − p(e,c)); an
/// event draws one severity uniform in `severity` and covers each of e's commodities with
/// probability p(e,c)/qₑ. A commodity's year is the sum of the shocks that hit it, in three
/// measures (shortfall t, extra cost USD, economic loss USD), each shock's impact at the drawn
/// severity read off the straight lines through (0, 0) and its impacts at the knots. With the
/// single knot 1 that is the full-severity impact scaled linearly by the severity.
///
/// Years run in `blockCount` fixed blocks (block b: years ⌊n·b/B⌋ ..< ⌊n·(b+1)/B⌋) on the streams
/// of `Xoshiro256StarStar.streams(seed:count:)`, in parallel. Each block reduces its years to
/// streaming moments and a bounded buffer of its largest values per commodity and measure; blocks
/// combine in block order, so results are the same bytes on any number of cores.
///
/// Memory: per block, commodity and measure one `TopValues` buffer that keeps the largest
///   cap(m) = min(m, ⌈m/20⌉ + ⌈6·√(m/20)⌉ + 16) values, m = the block's draws,
/// in at most 1.25·cap(m) + 16 slots: about 7 % of the draws per commodity and measure in all
/// (see `RestrictionRisk.estimatedMemoryBytes`). The block's share of the pooled 5 % tail is
/// about m/20 with standard deviation ≈ √(m/20); the slack of 6 standard deviations makes a
/// refill (a block rerun keeping min(m, ⌈n/20⌉) values, see `TailEstimate.merging`) a
/// one-in-10⁹ event.
package struct RestrictionRiskSimulation: Sendable {
    package struct Shock: Hashable, Sendable {
        /// Any id; shocks with the same exporter share its events.
        package var exporter: Int
        /// p(e, c), annual, 0...1.
        package var probability: Double
        /// Impacts at the simulation's knots, in their order (the last at the highest severity);
        /// each value ≥ 0 (negative values are clamped to 0).
        package var impacts: [Impact]

        package init(exporter: Int, probability: Double, impacts: [Impact]) {
            self.exporter = exporter
            self.probability = probability
            self.impacts = impacts
        }

        /// One full-severity impact, for a simulation on the single knot 1 (linear in severity).
        package init(exporter: Int, probability: Double, shortfallTonnes: Double, costUSD: Double, lossUSD: Double) {
            self.init(exporter: exporter, probability: probability,
                      impacts: [Impact(shortfallTonnes: shortfallTonnes, costUSD: costUSD, lossUSD: lossUSD)])
        }
    }

    /// A restriction's effect on the importer at one severity.
    package struct Impact: Hashable, Sendable {
        package var shortfallTonnes: Double
        package var costUSD: Double
        package var lossUSD: Double

        package init(shortfallTonnes: Double, costUSD: Double, lossUSD: Double) {
            self.shortfallTonnes = shortfallTonnes
            self.costUSD = costUSD
            self.lossUSD = lossUSD
        }
    }

    package enum Measure: Int, CaseIterable, Sendable { case shortfall, cost, loss }

    /// Fixed, independent of the core count; 32 batch replicates give tier confidence in steps of 1/32.
    package static let blockCount = 32
    /// Tail merges run at once (each holds a pool of up to Σ_b kept(m_b) values).
    static let mergeLanes = 4
    /// Years a block simulates between two looks at its cancellation flag (a power of two).
    package static let cancellationCheckInterval = 1024
    static let measureCount = Measure.allCases.count

    /// One block's reduction of its years.
    package struct Block: Sendable {
        package var draws: Int
        /// Non-zero years only, per commodity × measure (index c·3 + measure); pad with `draws`.
        package var moments: [StreamingMoments]
        package var tails: [TopValues]
        /// Σ over the block's years of each shock's value at the drawn severity, per shock (flat, commodity-major).
        package var shortfallContribution: [Double]
        package var lossContribution: [Double]
    }

    package struct Result: Sendable {
        package var draws: Int
        /// Per commodity × measure (index c·3 + measure), all years.
        package var moments: [StreamingMoments]
        package var tails: [TailEstimate]
        /// Per block, per commodity: the block's mean loss (USD per year); nil for an empty block.
        package var blockMeanLoss: [[Double]?]
        /// Per commodity, per shock (in the table's order): summed over all years.
        package var shortfallContribution: [[Double]]
        package var lossContribution: [[Double]]
        /// Block reruns the tail merges needed (expected 0; see the type's documentation).
        package var refills: Int

        package func moments(_ commodity: Int, _ measure: Measure) -> StreamingMoments { moments[commodity * 3 + measure.rawValue] }
        package func tail(_ commodity: Int, _ measure: Measure) -> TailEstimate { tails[commodity * 3 + measure.rawValue] }
    }

    package private(set) var shocks: [[Shock]]
    package private(set) var severity: ClosedRange<Double>
    /// Severities in 0 < k₁ < … ≤ 1 at which every shock gives its impacts.
    package private(set) var knots: [Double]

    /// `knots` must be ascending and positive, and every shock must hold one impact per knot.
    package init(shocks: [[Shock]], severity: ClosedRange<Double>, knots: [Double] = [1]) {
        precondition(!knots.isEmpty && knots[0] > 0 && zip(knots, knots.dropFirst()).allSatisfy { $0 < $1 }, "knots ascending, > 0")
        precondition(shocks.allSatisfy { $0.allSatisfy { $0.impacts.count == knots.count } }, "one impact per knot")
        self.shocks = shocks
        self.severity = severity
        self.knots = knots
    }

    /// Where `severity` falls among `knots`: the knot j at or above it (the last if none) and its
    /// position t between knot j − 1 (0 for j = 0) and knot j.
    @inline(__always)
    static func segment(_ severity: Double, knots: [Double]) -> (knot: Int, t: Double) {
        var j = 0
        while j < knots.count - 1 && knots[j] < severity { j += 1 }
        let lower = j == 0 ? 0 : knots[j - 1]
        return (j, (severity - lower) / (knots[j] - lower))
    }

    /// (1 − t)·lower + t·upper: exact at both ends, and t·upper (the linear scaling, bit for bit)
    /// when lower is 0.
    @inline(__always)
    static func interpolate(_ lower: Double, _ upper: Double, t: Double) -> Double { (1 - t) * lower + t * upper }

    /// A shock's impact at `severity`, as the simulation reads it off the knots.
    package func impact(of shock: Shock, at severity: Double) -> Impact {
        let (j, t) = Self.segment(severity, knots: knots)
        let upper = shock.impacts[j], lower = j == 0 ? Impact(shortfallTonnes: 0, costUSD: 0, lossUSD: 0) : shock.impacts[j - 1]
        func at(_ a: Double, _ b: Double) -> Double { Self.interpolate(max(0, a), max(0, b), t: t) }
        return Impact(shortfallTonnes: at(lower.shortfallTonnes, upper.shortfallTonnes), costUSD: at(lower.costUSD, upper.costUSD),
                      lossUSD: at(lower.lossUSD, upper.lossUSD))
    }

    /// `count` knots spread evenly over `severity`, the last exactly its upper bound (0 left out:
    /// every shock is 0 there; a range that is only 0 gets the knot 1, read at t = 0).
    package static func knots(count: Int, over severity: ClosedRange<Double>) -> [Double] {
        guard severity.upperBound > 0 else { return [1] }
        guard count > 1, severity.upperBound > severity.lowerBound else { return [severity.upperBound] }
        let width = severity.upperBound - severity.lowerBound
        let inner = (0..<(count - 1)).map { severity.lowerBound + width * Double($0) / Double(count - 1) }
        return (inner + [severity.upperBound]).filter { $0 > 0 }
    }

    /// Tail values a block of m draws keeps: `TailEstimate.blockTailCount(draws: m)`.
    package static func tailCapacity(blockDraws m: Int) -> Int { TailEstimate.blockTailCount(draws: m) }

    package static func blockRange(_ block: Int, draws: Int) -> Range<Int> {
        (draws * block / blockCount)..<(draws * (block + 1) / blockCount)
    }

    /// Simulates `draws` years. `parallel: false` runs the blocks one after another, and
    /// `tailCapacity` sizes the blocks' tail buffers (tests shrink it to force refills): neither changes
    /// the result. Once `cancellation` is set, every block stops within `cancellationCheckInterval`
    /// years and the result is partial: the caller checks the flag and discards it.
    package func run(
        draws: Int, seed: UInt64, parallel: Bool = true, cancellation: CancellationFlag? = nil,
        tailCapacity: @escaping @Sendable (_ blockDraws: Int) -> Int = RestrictionRiskSimulation.tailCapacity(blockDraws:)
    ) -> Result {
        let plan = Plan(shocks, severity: severity, knots: knots)
        let streams = Xoshiro256StarStar.streams(seed: seed, count: Self.blockCount)
        let commodities = shocks.count
        @Sendable func capacities(_ block: Int) -> [Int] {
            [Int](repeating: tailCapacity(Self.blockRange(block, draws: draws).count), count: commodities * 3)
        }
        let runBlock = { @Sendable (b: Int) in
            plan.run(draws: Self.blockRange(b, draws: draws).count, rng: streams[b], capacities: capacities(b), running: true,
                     cancellation: cancellation)
        }
        var done = parallel ? orderedConcurrentMap(Self.blockCount, lanes: Self.blockCount, runBlock) : (0..<Self.blockCount).map(runBlock)

        // Tails: merge the buffers (4 at a time: each merge copies one pool); then refill, by
        // rerunning, any block whose buffer may have dropped a tail value, and merge that again.
        let finished = done
        var merged = orderedConcurrentMap(commodities * 3, lanes: parallel ? Self.mergeLanes : 1) { index in
            TailEstimate.merging(finished.map { $0.tails[index] }, draws: draws)
        }
        var refills = 0
        for index in merged.indices where !merged[index].incomplete.isEmpty && !cancellation.isCancelled {
            for b in merged[index].incomplete {
                refills += 1
                var wide = capacities(b)
                wide[index] = min(done[b].draws, TailEstimate.tailCount(draws: draws))
                done[b].tails[index] = plan.run(draws: done[b].draws, rng: streams[b], capacities: wide, running: false,
                                                cancellation: cancellation).tails[index]
            }
            merged[index] = TailEstimate.merging(done.map { $0.tails[index] }, draws: draws)
        }
        let tails = merged.map(\.estimate)

        let moments = (0..<(commodities * 3)).map { index in
            done.reduce(StreamingMoments()) { $0.combined(with: $1.moments[index].padded(to: $1.draws)) }
        }
        let blockMeanLoss: [[Double]?] = done.map { block in
            block.draws > 0 ? (0..<commodities).map { block.moments[$0 * 3 + Measure.loss.rawValue].padded(to: block.draws).mean } : nil
        }
        func perCommodity(_ flat: (Block) -> [Double]) -> [[Double]] {
            let total = done.reduce(into: [Double](repeating: 0, count: plan.shockCount)) { sum, block in
                for (s, value) in flat(block).enumerated() { sum[s] += value }
            }
            return shocks.indices.map { Array(total[plan.shockOffset[$0]..<plan.shockOffset[$0 + 1]]) }
        }
        return Result(draws: draws, moments: moments, tails: tails, blockMeanLoss: blockMeanLoss,
                      shortfallContribution: perCommodity(\.shortfallContribution), lossContribution: perCommodity(\.lossContribution),
                      refills: refills)
    }
}

extension RestrictionRiskSimulation {
    /// The shock table flattened for the hot loop: exporters with their event probability and
    /// the range of their items; per item the shock (flat index) and inclusion probability.
    struct Plan: Sendable {
        var shockCount: Int
        var shockOffset: [Int]
        var shockCommodity: [Int]
        /// shortfall, cost, loss per shock and knot ((flat index · knots + knot) · 3 + measure).
        var shockValues: [Double]
        var knots: [Double]
        var eventProbability: [Double]
        var itemStart: [Int]
        var itemShock: [Int]
        var itemInclusion: [Double]
        var severityMin: Double
        var severityWidth: Double
        var commodityCount: Int

        init(_ shocks: [[Shock]], severity: ClosedRange<Double>, knots: [Double]) {
            self.knots = knots
            shockOffset = shocks.reduce(into: [0]) { $0.append($0[$0.count - 1] + $1.count) }
            shockCount = shockOffset[shockOffset.count - 1]
            commodityCount = shocks.count
            shockCommodity = shocks.enumerated().flatMap { c, list in [Int](repeating: c, count: list.count) }
            let flat = shocks.flatMap { $0 }
            shockValues = flat.flatMap { $0.impacts.flatMap { [max(0, $0.shortfallTonnes), max(0, $0.costUSD), max(0, $0.lossUSD)] } }
            // Exporters in id order; each exporter's shocks in commodity order.
            var byExporter: [Int: [Int]] = [:]
            for (s, shock) in flat.enumerated() { byExporter[shock.exporter, default: []].append(s) }
            eventProbability = []
            itemStart = [0]
            itemShock = []
            itemInclusion = []
            for exporter in byExporter.keys.sorted() {
                let items = byExporter[exporter] ?? []
                let q = 1 - items.reduce(1.0) { $0 * (1 - min(1, max(0, flat[$1].probability))) }
                eventProbability.append(q)
                for s in items {
                    itemShock.append(s)
                    itemInclusion.append(q > 0 ? min(1, max(0, flat[s].probability) / q) : 0)
                }
                itemStart.append(itemShock.count)
            }
            severityMin = severity.lowerBound
            severityWidth = severity.upperBound - severity.lowerBound
        }

        /// Where `severity` falls among the knots: the knot j at or above it (the last if none)
        /// and its position t in 0...1 between knot j − 1 (0 for j = 0) and knot j, where a shock's
        /// measure is read by `value` (`RestrictionRiskSimulation.interpolate`).
        @inline(__always)
        func segment(_ severity: Double) -> (knot: Int, t: Double) { RestrictionRiskSimulation.segment(severity, knots: knots) }

        /// Shock s's measure m at a severity `segment` placed at (knot, t).
        @inline(__always)
        func value(_ s: Int, _ m: Int, knot j: Int, t: Double) -> Double {
            let base = s * knots.count
            let upper = shockValues[3 * (base + j) + m], lower = j == 0 ? 0 : shockValues[3 * (base + j - 1) + m]
            return RestrictionRiskSimulation.interpolate(lower, upper, t: t)
        }

        /// Runs `draws` years on `rng`; `capacities` per commodity × measure; `running` lets the
        /// tail buffers keep only the running share of the tail (`TopValues.insert(_:afterDraws:)`).
        /// Stops early, with a partial block, once `cancellation` is set.
        func run(draws: Int, rng start: Xoshiro256StarStar, capacities: [Int], running: Bool, cancellation: CancellationFlag?) -> Block {
            var rng = start
            var moments = [StreamingMoments](repeating: StreamingMoments(), count: commodityCount * 3)
            var tails = capacities.map(TopValues.init(capacity:))
            var shortfallContribution = [Double](repeating: 0, count: shockCount)
            var lossContribution = [Double](repeating: 0, count: shockCount)
            var year = [Double](repeating: 0, count: commodityCount * 3)
            var touched = [Bool](repeating: false, count: commodityCount)
            var touchedList: [Int] = []
            touchedList.reserveCapacity(commodityCount)
            let q = eventProbability, start = itemStart, itemShock = itemShock, inclusion = itemInclusion
            let commodityOf = shockCommodity
            let checkMask = RestrictionRiskSimulation.cancellationCheckInterval - 1
            for draw in 0..<draws {
                if draw & checkMask == 0 {
                    if cancellation.isCancelled { break }
                    cancellation.advance(by: min(checkMask + 1, draws - draw))
                }
                for e in q.indices where rng.unit() < q[e] {
                    let (knot, t) = segment(severityMin + severityWidth * rng.unit())
                    for i in start[e]..<start[e + 1] {
                        if inclusion[i] < 1, rng.unit() >= inclusion[i] { continue }
                        let s = itemShock[i], c = commodityOf[s]
                        if !touched[c] {
                            touched[c] = true
                            touchedList.append(c)
                        }
                        let shortfall = value(s, 0, knot: knot, t: t), loss = value(s, 2, knot: knot, t: t)
                        year[3 * c] += shortfall
                        year[3 * c + 1] += value(s, 1, knot: knot, t: t)
                        year[3 * c + 2] += loss
                        shortfallContribution[s] += shortfall
                        lossContribution[s] += loss
                    }
                }
                // Close the year: each touched commodity's measures feed the block's moments and tails.
                for c in touchedList {
                    for index in (3 * c)..<(3 * c + 3) {
                        let x = year[index]
                        year[index] = 0
                        if x > 0 {
                            moments[index].add(x)
                            tails[index].insert(x, afterDraws: running ? draw + 1 : nil)
                        }
                    }
                    touched[c] = false
                }
                touchedList.removeAll(keepingCapacity: true)
            }
            return Block(draws: draws, moments: moments, tails: tails,
                         shortfallContribution: shortfallContribution, lossContribution: lossContribution)
        }
    }
}
