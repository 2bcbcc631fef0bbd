import Dispatch

/// `(0..<count).map(transform)` on up to `lanes` threads (`DispatchQueue.concurrentPerform`):
/// lane l computes the indices l, l + lanes, …, and results come back in index order, so the
/// output does not depend on the number of cores or on scheduling. `lanes` also bounds how many
/// transforms hold their working memory at once.
package func orderedConcurrentMap<T: Sendable>(_ count: Int, lanes: Int, _ transform: @Sendable (Int) -> T) -> [T] {
    guard count > 0 else { return [] }
    let lanes = max(1, min(lanes, count))
    let results = UnsafeMutableBufferPointer<T?>.allocate(capacity: count)
    results.initialize(repeating: nil)
    defer {
        results.deinitialize()
        results.deallocate()
    }
    nonisolated(unsafe) let output = results
    DispatchQueue.concurrentPerform(iterations: lanes) { lane in
        for index in stride(from: lane, to: count, by: lanes) { output[index] = transform(index) }
    }
    return results.compactMap { $0 }  // every index was filled
}
