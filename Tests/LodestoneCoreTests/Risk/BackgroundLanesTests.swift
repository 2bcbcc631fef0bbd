#if canImport(Glibc)
import Glibc
#endif
import Synchronization
import Testing

@testable import LodestoneCore

/// The server's low-priority lanes: every iteration runs once, nested work runs inline (no
/// deadlock), and the threads run at the niceness asked for.
@Suite struct BackgroundLanesTests {
    @Test func everyIterationRunsOnceAndNestedWorkDoesNotDeadlock() {
        let pool = BackgroundLanes(threads: 2, niceness: 5)
        let hits = Mutex([Int](repeating: 0, count: 40))
        pool.perform(iterations: 8) { lane in
            // A lane that starts parallel work of its own gets it done on its own thread.
            pool.perform(iterations: 5) { inner in hits.withLock { $0[lane * 5 + inner] += 1 } }
        }
        #expect(hits.withLock { $0 } == [Int](repeating: 1, count: 40))
    }

    @Test func itsThreadsRunAtTheNicenessAskedFor() {
        let pool = BackgroundLanes(threads: 1, niceness: 7)
        let seen = Mutex<Int32>(0)
        pool.perform(iterations: 1) { _ in
            errno = 0
            seen.withLock { $0 = getpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0) }
        }
        #expect(seen.withLock { $0 } == 7)
    }
}
