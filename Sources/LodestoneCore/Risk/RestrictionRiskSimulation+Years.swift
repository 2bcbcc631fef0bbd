extension RestrictionRiskSimulation {
    /// Every simulated year's shortfall (tonnes) and loss (USD) per commodity, commodity-major:
    /// `shortfall[c][draw]`. The same years, in the same order, as `run(draws:seed:)` on the same
    /// seed (the same block streams and random numbers), so a plan built on them is built on the
    /// years `priorities` reports. Memory: 2 × commodities × draws doubles.
    package func years(draws: Int, seed: UInt64, cancellation: CancellationFlag? = nil) -> (shortfall: [[Double]], loss: [[Double]]) {
        let plan = Plan(shocks, severity: severity, knots: knots)
        let streams = Xoshiro256StarStar.streams(seed: seed, count: Self.blockCount)
        let blocks = orderedConcurrentMap(Self.blockCount, lanes: Self.blockCount) { b in
            plan.years(draws: Self.blockRange(b, draws: draws).count, rng: streams[b], cancellation: cancellation)
        }
        var shortfall = [[Double]](repeating: [], count: shocks.count), loss = shortfall
        for c in shocks.indices {
            shortfall[c].reserveCapacity(draws)
            loss[c].reserveCapacity(draws)
            for block in blocks {
                shortfall[c] += block.shortfall[c]
                loss[c] += block.loss[c]
            }
        }
        return (shortfall, loss)
    }
}

extension RestrictionRiskSimulation.Plan {
    /// The years of one block, drawn exactly as `run` draws them.
    func years(draws: Int, rng start: Xoshiro256StarStar, cancellation: CancellationFlag?) -> (shortfall: [[Double]], loss: [[Double]]) {
        var rng = start
        var shortfall = [[Double]](repeating: [Double](repeating: 0, count: draws), count: commodityCount), loss = shortfall
        let checkMask = RestrictionRiskSimulation.cancellationCheckInterval - 1
        for draw in 0..<draws {
            if draw & checkMask == 0 {
                if cancellation.isCancelled { break }
                cancellation.advance(by: min(checkMask + 1, draws - draw))
            }
            for e in eventProbability.indices where rng.unit() < eventProbability[e] {
                let (knot, t) = segment(severityMin + severityWidth * rng.unit())
                for i in itemStart[e]..<itemStart[e + 1] {
                    if itemInclusion[i] < 1, rng.unit() >= itemInclusion[i] { continue }
                    let s = itemShock[i], c = shockCommodity[s]
                    shortfall[c][draw] += value(s, 0, knot: knot, t: t)
                    loss[c][draw] += value(s, 2, knot: knot, t: t)
                }
            }
        }
        return (shortfall, loss)
    }
}
