/// Count, mean and sum of squared deviations of a stream of values, in O(1) memory.
///
/// Values accumulate as shifted sums Σ(x − K) and Σ(x − K)² with K the first value (the
/// "shifted data" algorithm of Chan, Golub & LeVeque 1983: stable when K is a typical value, and
/// without Welford's division per value, which matters in the simulation's hot loop). Two
/// streams combine with Chan, Golub & LeVeque's pairwise formula (1979).
///
/// Zero-inflated samples (most simulated years touch a commodity not at all) add only their
/// non-zero values and are then `padded(to:)` the full count, which merges in the zeros exactly.
package struct StreamingMoments: Hashable, Sendable {
    package private(set) var count: Int = 0
    private var shift: Double = 0
    private var shiftedSum: Double = 0
    private var shiftedSumOfSquares: Double = 0

    package init() {}

    package init(count: Int, mean: Double, sumOfSquaredDeviations: Double) {
        self.count = max(0, count)
        shift = mean
        shiftedSumOfSquares = sumOfSquaredDeviations
    }

    @inline(__always)
    package mutating func add(_ value: Double) {
        if count == 0 { shift = value }
        let d = value - shift
        count += 1
        shiftedSum += d
        shiftedSumOfSquares += d * d
    }

    package var mean: Double { count > 0 ? shift + shiftedSum / Double(count) : 0 }

    /// Σ (xᵢ − mean)² (≥ 0).
    package var sumOfSquaredDeviations: Double {
        count > 0 ? max(0, shiftedSumOfSquares - shiftedSum * shiftedSum / Double(count)) : 0
    }

    /// These values and `other`'s as one sample (Chan et al.): order-sensitive only in rounding,
    /// so callers combine in a fixed order to reproduce results bit for bit.
    package func combined(with other: StreamingMoments) -> StreamingMoments {
        guard other.count > 0 else { return self }
        guard count > 0 else { return other }
        let n = Double(count + other.count), delta = other.mean - mean
        return StreamingMoments(
            count: count + other.count, mean: mean + delta * Double(other.count) / n,
            sumOfSquaredDeviations: sumOfSquaredDeviations + other.sumOfSquaredDeviations
                + delta * delta * Double(count) * Double(other.count) / n)
    }

    /// The sample completed with `total − count` zeros (`total` ≥ `count`).
    package func padded(to total: Int) -> StreamingMoments {
        combined(with: StreamingMoments(count: max(0, total - count), mean: 0, sumOfSquaredDeviations: 0))
    }

    /// Unbiased sample variance Σ(x − x̄)² / (n − 1); 0 for fewer than two values.
    package var variance: Double { count > 1 ? sumOfSquaredDeviations / Double(count - 1) : 0 }

    /// Standard error of the mean, √(s² / n) for independent draws; 0 for fewer than two values
    /// (undefined there: one draw says nothing about its own spread).
    package var standardError: Double { count > 1 ? (variance / Double(count)).squareRoot() : 0 }
}
