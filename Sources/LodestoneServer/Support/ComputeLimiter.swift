import Dispatch
import LodestoneEngine
import Synchronization

/// Runs expensive engine work (scenario runs, priorities, the backtest) at most `maxConcurrent`
/// at once and within a time limit, on threads of its own: the work is synchronous and would
/// block a thread of Swift's cooperative pool for its whole run (on two cores, two runs would
/// stall every other request), and the Monte Carlo fills Dispatch's global pool, so neither the
/// work nor the time limit's timer may wait for a thread from those. Queues made here get a
/// thread of their own when the pools are busy.
///
/// The work polls a `CancellationFlag` between blocks. The flag is set when the time limit
/// passes, when the task awaiting the answer is cancelled, or by whoever else holds it (the
/// route hands it to `ConnectionWatch`, which sets it when the client goes away); the answer
/// is given at once, and the work stops at its next check and then frees its slot. Until it has
/// stopped it still counts against `maxConcurrent`, so abandoned requests cannot pile up.
final class ComputeLimiter: Sendable {
    enum Outcome<T: Sendable>: Sendable {
        case done(Result<T, EngineError>)
        case busy
        case timedOut
        /// Stopped through its flag before the time limit: nobody is waiting for the answer.
        case cancelled
    }

    private let running = Atomic<Int>(0)
    private let workQueue = DispatchQueue(label: "lodestone.compute", qos: .userInitiated, attributes: .concurrent)
    private let timerQueue = DispatchQueue(label: "lodestone.compute-time-limit", qos: .userInitiated)
    let maxConcurrent: Int
    let timeLimit: DispatchTimeInterval

    init(maxConcurrent: Int, timeLimitSeconds: Double) {
        self.maxConcurrent = maxConcurrent
        timeLimit = .milliseconds(Int(timeLimitSeconds * 1000))
    }

    /// Computations running now, stopped or not (tests watch a stopped one give its slot back).
    var inFlight: Int { running.load(ordering: .relaxed) }

    func run<T: Sendable>(flag: CancellationFlag = CancellationFlag(),
                          _ work: @escaping @Sendable (CancellationFlag) -> Result<T, EngineError>) async -> Outcome<T> {
        guard reserve() else { return .busy }
        let first = FirstOutcome<Outcome<T>>()
        workQueue.async { [self] in
            let result = work(flag)
            running.wrappingSubtract(1, ordering: .relaxed)
            if case .failure = result, flag.isCancelled { first.offer(.cancelled) } else { first.offer(.done(result)) }
        }
        timerQueue.asyncAfter(deadline: .now() + timeLimit) {
            first.offer(.timedOut)
            flag.cancel()
        }
        return await withTaskCancellationHandler {
            await first.value()
        } onCancel: {
            first.offer(.cancelled)
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

/// The first of several racing outcomes (the work's answer, the time limit, a cancellation);
/// later offers are ignored. An offer may come before anyone waits.
private final class FirstOutcome<T: Sendable>: Sendable {
    private struct State {
        var offered: T?
        var waiting: CheckedContinuation<T, Never>?
        var settled = false
    }

    private let state = Mutex(State())

    func offer(_ value: T) {
        let waiting = state.withLock { state -> CheckedContinuation<T, Never>? in
            guard !state.settled, state.offered == nil else { return nil }
            guard let waiting = state.waiting else {
                state.offered = value
                return nil
            }
            state.settled = true
            state.waiting = nil
            return waiting
        }
        waiting?.resume(returning: value)
    }

    func value() async -> T {
        await withCheckedContinuation { continuation in
            let ready = state.withLock { state -> T? in
                if let offered = state.offered {
                    state.settled = true
                    return offered
                }
                state.waiting = continuation
                return nil
            }
            if let ready { continuation.resume(returning: ready) }
        }
    }
}
