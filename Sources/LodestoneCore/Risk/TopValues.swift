/// Keeps the largest values of a stream in bounded memory: values go to a buffer of at most
/// `limit` = capacity + max(16, ⌊capacity/4⌋) slots; when it is full, a quickselect keeps the top
/// ones and raises a floor below which later values are turned away with one comparison.
/// Amortised O(1) per value with sequential memory access (a binary heap costs O(log capacity)
/// cache misses per kept value). Used per simulation block for the upper tail of a sample.
///
/// Invariant: `values` holds at most `limit` values and every value turned away is at most
/// `largestDropped`. With `insert(_:)` the largest `capacity` values offered are always kept.
/// With `insert(_:afterDraws:)` a compaction after d draws keeps only
/// min(capacity, `TailEstimate.blockTailCount(draws: d)`): the running share of a 5 % tail plus
/// six standard deviations, which raises the floor early and turns most values away at once;
/// `TailEstimate.merging` then checks, from `largestDropped`, that nothing of the pooled tail was lost.
package struct TopValues: Sendable {
    package let capacity: Int
    package let limit: Int
    /// The kept values, in no particular order.
    package private(set) var values: [Double] = []
    /// The largest value turned away, −∞ if none.
    package private(set) var largestDropped = -Double.infinity
    private var floor = -Double.infinity

    package init(capacity: Int) {
        self.capacity = max(0, capacity)
        limit = Self.limit(capacity: self.capacity)
    }

    /// The buffer size for a capacity: capacity + max(16, ⌊capacity/4⌋) (0 for 0).
    package static func limit(capacity: Int) -> Int { capacity > 0 ? capacity + max(16, capacity / 4) : 0 }

    /// The smallest kept value, nil when none (O(count)).
    package var minimum: Double? { values.min() }

    /// Offers a value; keeps the largest `capacity`.
    @inline(__always)
    package mutating func insert(_ value: Double) { insert(value, afterDraws: nil) }

    /// Offers the value of draw number `draws` (1-based) of a block; see the type's documentation.
    @inline(__always)
    package mutating func insert(_ value: Double, afterDraws draws: Int?) {
        guard value > floor, capacity > 0 else {
            largestDropped = max(largestDropped, value)
            return
        }
        if values.count == values.capacity { values.reserveCapacity(min(limit, max(16, 2 * values.count))) }
        values.append(value)
        if values.count >= limit { compact(keeping: draws.map { min(capacity, TailEstimate.blockTailCount(draws: $0)) } ?? capacity) }
    }

    private mutating func compact(keeping keep: Int) {
        let keep = max(1, keep)
        TailEstimate.selectLargest(&values, count: keep)
        largestDropped = max(largestDropped, values[keep...].max() ?? largestDropped)
        floor = values[..<keep].min() ?? floor
        values.removeSubrange(keep...)
    }
}
