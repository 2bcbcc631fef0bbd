import Dispatch
import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// `(0..<count).map(transform)` on up to `lanes` threads: lane l computes the indices l, l + lanes,
/// …, and results come back in index order, so the output does not depend on the number of cores
/// or on scheduling. `lanes` also bounds how many transforms hold their working memory at once.
/// The lanes run on Dispatch's pool (`concurrentPerform`), or on `BackgroundLanes` when a server
/// has asked for them.
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
    let pool = BackgroundLanes.shared.withLock { $0 }
    withoutActuallyEscaping(transform) { transform in
        let lane: @Sendable (Int) -> Void = { lane in
            for index in stride(from: lane, to: count, by: lanes) { output[index] = transform(index) }
        }
        if let pool { pool.perform(iterations: lanes, lane) } else { DispatchQueue.concurrentPerform(iterations: lanes, execute: lane) }
    }
    return results.compactMap { $0 }  // every index was filled
}

/// Threads of their own, at a lower OS priority (nice 10), for the lanes of heavy computations:
/// a server turns them on so that cheap requests (`/healthz`, cached answers, which run at normal
/// priority on other threads) are served at once while a Monte Carlo fills every core. Nested
/// parallel work started from one of these threads runs on that thread, lane after lane (waiting
/// for the pool from inside it could deadlock). Results do not change: lanes stride the indices
/// the same way wherever they run.
package final class BackgroundLanes: @unchecked Sendable {
    package static let shared = Mutex<BackgroundLanes?>(nil)

    /// Starts `threads` threads at nice `niceness` and routes every later parallel map to them.
    package static func enable(threads: Int, niceness: Int32 = 10) {
        shared.withLock { current in
            if current == nil { current = BackgroundLanes(threads: max(1, threads), niceness: niceness) }
        }
    }

    private let condition = NSCondition()
    /// Lanes waiting for a thread: each runs, is released, and only then counts as done (the
    /// caller's closure must not outlive `perform`).
    private var jobs: [(work: () -> Void, group: DispatchGroup)] = []
    private static let isWorker = ThreadLocal()

    package init(threads: Int, niceness: Int32) {
        for index in 0..<threads {
            let thread = Thread { [self] in
                #if canImport(Glibc)
                _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, niceness)  // Linux: who 0 is the calling thread
                #endif
                Self.isWorker.set()
                while true {
                    condition.lock()
                    while jobs.isEmpty { condition.wait() }
                    var (work, group): ((() -> Void)?, DispatchGroup) = jobs.removeFirst()
                    condition.unlock()
                    work?()
                    work = nil
                    group.leave()
                }
            }
            thread.name = "lodestone.lane.\(index)"
            thread.start()
        }
    }

    /// Runs `body(0..<iterations)` on the pool and returns when all have run.
    package func perform(iterations: Int, _ body: @escaping @Sendable (Int) -> Void) {
        if Self.isWorker.isSet {
            for i in 0..<iterations { body(i) }
            return
        }
        let group = DispatchGroup()
        condition.lock()
        for i in 0..<iterations {
            group.enter()
            jobs.append((work: { body(i) }, group: group))
        }
        condition.broadcast()
        condition.unlock()
        group.wait()
    }

    /// A flag per thread (set on the pool's own threads).
    private final class ThreadLocal: @unchecked Sendable {
        private let key: pthread_key_t = {
            var key = pthread_key_t()
            pthread_key_create(&key, nil)
            return key
        }()
        func set() { pthread_setspecific(key, UnsafeRawPointer(bitPattern: 1)) }
        var isSet: Bool { pthread_getspecific(key) != nil }
    }
}
