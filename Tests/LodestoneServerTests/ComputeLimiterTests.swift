import Foundation
import LodestoneEngine
import NIOCore
import NIOEmbedded
import Testing

@testable import LodestoneServer

/// Heavy work stops when its time limit passes, when the task awaiting it is cancelled, and when
/// its client goes away; a stopped computation gives its slot back.
@Suite struct ComputeLimiterTests {
    /// Work that runs until its flag is set (or a minute passes: then the test fails).
    static func untilCancelled(_ flag: CancellationFlag) -> Result<Int, EngineError> {
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            if flag.isCancelled { return .failure(EngineError(LodestoneError.cancelled)) }
            usleep(1_000)
        }
        return .success(0)
    }

    /// Waits (a bounded while) for the limiter to have no computation left.
    static func drained(_ limiter: ComputeLimiter) async throws -> Bool {
        for _ in 0..<500 where limiter.inFlight > 0 { try await Task.sleep(for: .milliseconds(10)) }
        return limiter.inFlight == 0
    }

    @Test func theTimeLimitStopsTheWorkAndFreesItsSlot() async throws {
        let limiter = ComputeLimiter(maxConcurrent: 1, timeLimitSeconds: 0.1)
        let flag = CancellationFlag()
        let outcome = await limiter.run(flag: flag, Self.untilCancelled)
        guard case .timedOut = outcome else { Issue.record("expected a time-out, got \(outcome)"); return }
        #expect(flag.isCancelled)
        #expect(try await Self.drained(limiter))
    }

    @Test func cancellingTheWaitingTaskStopsTheWork() async throws {
        let limiter = ComputeLimiter(maxConcurrent: 1, timeLimitSeconds: 60)
        let flag = CancellationFlag()
        let waiting = Task { await limiter.run(flag: flag, Self.untilCancelled) }
        try await Task.sleep(for: .milliseconds(100))
        waiting.cancel()
        guard case .cancelled = await waiting.value else { Issue.record("expected the run to be cancelled"); return }
        #expect(flag.isCancelled)
        #expect(try await Self.drained(limiter))
    }

    @Test func aFullLimiterRefusesAtOnce() async throws {
        let limiter = ComputeLimiter(maxConcurrent: 1, timeLimitSeconds: 60)
        let flag = CancellationFlag()
        let first = Task { await limiter.run(flag: flag, Self.untilCancelled) }
        for _ in 0..<500 where limiter.inFlight == 0 { try await Task.sleep(for: .milliseconds(10)) }
        guard case .busy = await limiter.run({ _ in .success(1) }) else { Issue.record("expected busy"); return }
        flag.cancel()
        _ = await first.value
        guard case .done(.success(1)) = await limiter.run({ _ in .success(1) }) else { Issue.record("expected the slot back"); return }
    }

    /// A real Monte Carlo under a short time limit: stopped, not finished in the background.
    @Test func aTimedOutPrioritiesRunStops() async throws {
        let limiter = ComputeLimiter(maxConcurrent: 1, timeLimitSeconds: 0.3)
        let engine = Shared.engine
        let outcome = await limiter.run { flag in
            Result { () throws(EngineError) in try engine.priorities(PrioritiesRequest(importer: "USA", draws: 1_000_000), cancellation: flag) }
        }
        guard case .timedOut = outcome else { Issue.record("expected a time-out, got \(outcome)"); return }
        #expect(try await Self.drained(limiter))
    }

    @Test func aClientThatClosesTheConnectionCancelsItsComputations() throws {
        let channel = EmbeddedChannel()
        try channel.pipeline.syncOperations.addHandler(ConnectionWatch())
        let running = CancellationFlag(), other = CancellationFlag()
        ConnectionWatch.cancel(running, whenClientLeaves: channel)
        channel.embeddedEventLoop.run()
        #expect(!running.isCancelled)
        channel.pipeline.fireChannelInactive()
        #expect(running.isCancelled && !other.isCancelled)
    }

    /// HTTP/1.1 lets a client close its sending side after the request and wait for the answer.
    @Test func aClientThatHalfClosesStillGetsItsAnswer() throws {
        let channel = EmbeddedChannel()
        try channel.pipeline.syncOperations.addHandler(ConnectionWatch())
        let running = CancellationFlag()
        ConnectionWatch.cancel(running, whenClientLeaves: channel)
        channel.embeddedEventLoop.run()
        channel.pipeline.fireUserInboundEventTriggered(ChannelEvent.inputClosed)
        #expect(!running.isCancelled)
    }

    @Test func aFlagWatchedAfterTheClientLeftIsCancelledAtOnce() throws {
        let channel = EmbeddedChannel()
        try channel.pipeline.syncOperations.addHandler(ConnectionWatch())
        channel.pipeline.fireChannelInactive()
        let late = CancellationFlag()
        ConnectionWatch.cancel(late, whenClientLeaves: channel)
        channel.embeddedEventLoop.run()
        #expect(late.isCancelled)
    }

    @Test func theResponseCacheIsBoundedInBytes() {
        let cache = ResponseCache(capacity: 100, maxBytes: 4_000)
        for i in 0..<20 { cache.put("/k\(i)", .init(body: ByteBuffer(repeating: 0, count: 900), contentType: "application/json")) }
        #expect(cache.bytes <= 4_000 && cache.bytes > 0)
        #expect(cache.get("/k19") != nil)
        cache.put("/big", .init(body: ByteBuffer(repeating: 0, count: 2_000), contentType: "text/csv"))  // over a quarter: not kept
        #expect(cache.get("/big") == nil)
    }
}
