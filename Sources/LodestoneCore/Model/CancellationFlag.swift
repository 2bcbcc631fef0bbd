import Synchronization

/// A flag that long computations (the Monte Carlo of `simulateRestrictionRisk`, scenario runs,
/// the backtest) poll between blocks of work; whoever started the work sets it when the answer
/// is no longer wanted (a server's time limit passed, its client went away). The work then stops
/// at its next check and throws `LodestoneError.cancelled`: it never returns partial figures.
///
/// A flag rather than `Task.isCancelled`: the Monte Carlo runs its blocks on Dispatch threads
/// that belong to no task, and every thread can read an atomic.
public final class CancellationFlag: Sendable {
    private let cancelled = Atomic<Bool>(false)

    public init() {}

    /// Asks the work to stop; safe from any thread, any number of times.
    public func cancel() { cancelled.store(true, ordering: .relaxed) }

    public var isCancelled: Bool { cancelled.load(ordering: .relaxed) }

    /// Throws `.cancelled` once the flag is set.
    public func check() throws(LodestoneError) {
        if isCancelled { throw .cancelled }
    }
}

extension Optional where Wrapped == CancellationFlag {
    /// No flag: never cancelled.
    public func check() throws(LodestoneError) {
        if let flag = self { try flag.check() }
    }

    var isCancelled: Bool { self?.isCancelled ?? false }
}
