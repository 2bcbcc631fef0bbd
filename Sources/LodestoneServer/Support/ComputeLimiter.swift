import LodestoneCore
import LodestoneEngine
import Synchronization

/// Runs expensive engine work (scenario runs, priorities, the backtest) on a detached task, off
/// the server's event loops, at most `maxConcurrent` at once and within a time limit.
///
/// The work polls a `CancellationFlag` between blocks. The flag is set when the time limit
/// passes, when the task awaiting the answer is cancelled, or by whoever else holds it (the
/// route hands it to `ConnectionWatch`, which sets it when the client goes away); the work then
/// stops at its next check and frees its slot. Until it has stopped it still counts against
/// `maxConcurrent`, so abandoned requests cannot pile up.
final class ComputeLimiter: Sendable {
    enum Outcome<T: Sendable>: Sendable {
        case done(Result<T, EngineError>)
        case busy
        case timedOut
        /// Stopped through its flag before the time limit: nobody is waiting for the answer.
        case cancelled
    }

    private let running = Atomic<Int>(0)
    let maxConcurrent: Int
    let timeLimit: Duration

    init(maxConcurrent: Int, timeLimitSeconds: Double) {
        self.maxConcurrent = maxConcurrent
        timeLimit = .milliseconds(Int64(timeLimitSeconds * 1000))
    }

    /// Computations running now (tests watch a cancelled one give its slot back).
    var inFlight: Int { running.load(ordering: .relaxed) }

    func run<T: Sendable>(flag: CancellationFlag = CancellationFlag(),
                          _ work: @escaping @Sendable (CancellationFlag) -> Result<T, EngineError>) async -> Outcome<T> {
        guard reserve() else { return .busy }
        let task = Task.detached { [self] in
            defer { self.running.wrappingSubtract(1, ordering: .relaxed) }
            return work(flag)
        }
        let limit = timeLimit
        return await withTaskCancellationHandler {
            await withTaskGroup(of: Outcome<T>?.self) { group in
                group.addTask { .done(await task.value) }
                group.addTask {
                    try? await Task.sleep(for: limit)
                    return Task.isCancelled ? nil : .timedOut
                }
                let first = await group.next() ?? nil
                group.cancelAll()
                switch first {
                case .done(.failure) where flag.isCancelled: return .cancelled
                case .some(let outcome): 
                    if case .timedOut = outcome { flag.cancel() }
                    return outcome
                case nil:
                    flag.cancel()
                    return .cancelled
                }
            }
        } onCancel: {
            flag.cancel()
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
