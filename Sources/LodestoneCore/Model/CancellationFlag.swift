import Synchronization

/// A flag that long computations (the Monte Carlo of `simulateRestrictionRisk`, scenario runs,
/// the backtest, planning) poll between blocks of work; whoever started the work sets it when the
/// answer is no longer wanted (a server's time limit passed, its client went away, Ctrl-C). The
/// work then stops at its next check and throws `LodestoneError.cancelled`: it never returns
/// partial figures.
///
/// The same object carries the work's progress the other way: the stage it is in and how much of
/// that stage is done, which a terminal or the dashboard shows while it waits.
///
/// A flag rather than `Task.isCancelled`: the Monte Carlo runs its blocks on Dispatch threads
/// that belong to no task, and every thread can read an atomic.
public final class CancellationFlag: Sendable {
    private let cancelled = Atomic<Bool>(false)
    private let done = Atomic<Int>(0)
    private let total = Atomic<Int>(0)
    private let stageName = Mutex<String>("")

    public init() {}

    /// Asks the work to stop; safe from any thread, any number of times.
    public func cancel() { cancelled.store(true, ordering: .relaxed) }

    public var isCancelled: Bool { cancelled.load(ordering: .relaxed) }

    /// Throws `.cancelled` once the flag is set.
    public func check() throws(LodestoneError) {
        if isCancelled { throw .cancelled }
    }

    /// Starts a stage of `total` units of work (0: of unknown length).
    public func begin(_ stage: String, total units: Int = 0) {
        stageName.withLock { $0 = stage }
        total.store(max(0, units), ordering: .relaxed)
        done.store(0, ordering: .relaxed)
    }

    /// Records `units` more units of the stage done; safe from any thread.
    public func advance(by units: Int = 1) {
        done.add(units, ordering: .relaxed)
    }

    /// The stage, and the share of it done (nil when its length is unknown), at most 1.
    public var progress: Progress {
        let total = total.load(ordering: .relaxed)
        let done = done.load(ordering: .relaxed)
        return Progress(stage: stageName.withLock { $0 }, share: total > 0 ? min(1, Double(done) / Double(total)) : nil)
    }

    public struct Progress: Sendable, Hashable, Codable {
        public var stage: String
        public var share: Double?

        public init(stage: String, share: Double?) {
            self.stage = stage
            self.share = share
        }
    }
}

extension Optional where Wrapped == CancellationFlag {
    /// No flag: never cancelled.
    public func check() throws(LodestoneError) {
        if let flag = self { try flag.check() }
    }

    var isCancelled: Bool { self?.isCancelled ?? false }

    func begin(_ stage: String, total: Int = 0) { self?.begin(stage, total: total) }

    func advance(by units: Int = 1) { self?.advance(by: units) }
}
