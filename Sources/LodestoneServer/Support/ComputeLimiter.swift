import LodestoneEngine
import Synchronization

/// Runs expensive engine work (scenario runs, the backtest) on a detached task, off the
/// server's event loops, at most `maxConcurrent` at once and within a time limit.
///
/// The engine's computations are synchronous and cannot be interrupted: after the time limit
/// the client gets a 503 while the work finishes in the background, still counted against
/// `maxConcurrent`, so slow requests cannot pile up.
final class ComputeLimiter: Sendable {
    enum Outcome<T: Sendable>: Sendable {
        case done(Result<T, EngineError>)
        case busy
        case timedOut
    }

    private let running = Atomic<Int>(0)
    let maxConcurrent: Int
    let timeLimit: Duration

    init(maxConcurrent: Int, timeLimitSeconds: Double) {
        self.maxConcurrent = maxConcurrent
        timeLimit = .milliseconds(Int64(timeLimitSeconds * 1000))
    }

    func run<T: Sendable>(_ work: @escaping @Sendable () -> Result<T, EngineError>) async -> Outcome<T> {
        guard reserve() else { return .busy }
        let task = Task.detached { [self] in
            defer { self.running.wrappingSubtract(1, ordering: .relaxed) }
            return work()
        }
        let limit = timeLimit
        return await withTaskGroup(of: Outcome<T>?.self) { group in
            group.addTask { .done(await task.value) }
            group.addTask {
                try? await Task.sleep(for: limit)
                return Task.isCancelled ? nil : .timedOut
            }
            let first = await group.next() ?? nil
            group.cancelAll()
            return first ?? .timedOut
        }
    }

    private func reserve() -> Bool {
        var current = running.load(ordering: .relaxed)
        while current < maxConcurrent {
            let (exchanged, original) = running.compareExchange(expected: current, desired: current + 1, ordering: .relaxed)
            if exchanged { return true }
            current = original
        }
        return false
    }
}
