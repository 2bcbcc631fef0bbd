import LodestoneEngine
import NIOCore

/// One per connection, in its pipeline: notices a client that goes away while a long
/// computation runs for it, and sets that computation's `CancellationFlag`.
///
/// Hummingbird reads the next request only after answering the current one, so a closed
/// connection would otherwise go unnoticed until the answer is written. The channel keeps reading
/// meanwhile, so a closed connection (`channelInactive`: a reset, or a write that failed) arrives
/// here at once. An end of input alone (`ChannelEvent.inputClosed`) is not a client that left:
/// HTTP/1.1 lets a client half-close its side after sending a request and still read the answer,
/// and the server allows remote half-closure, so such a client gets its answer. A client that
/// closed both sides is noticed when the answer is written, and its computation is bounded by the
/// time limit meanwhile.
final class ConnectionWatch: ChannelInboundHandler, RemovableChannelHandler {
    /// Every request part passes on untouched; this handler only looks at events.
    typealias InboundIn = NIOAny

    private var gone = false
    /// Flags of computations running for this connection; weak, so a finished request's flag
    /// goes with it.
    private var flags: [WeakFlag] = []

    private struct WeakFlag {
        weak var flag: CancellationFlag?
    }

    /// Sets `flag` when the client behind `channel` goes away (at once if it has already).
    /// Without a watch in the pipeline (router tests) nothing happens.
    static func cancel(_ flag: CancellationFlag, whenClientLeaves channel: (any Channel)?) {
        guard let channel else { return }
        channel.eventLoop.execute {
            guard let watch = try? channel.pipeline.syncOperations.handler(type: ConnectionWatch.self) else { return }
            watch.watch(flag)
        }
    }

    private func watch(_ flag: CancellationFlag) {
        if gone { return flag.cancel() }
        flags.removeAll { $0.flag == nil }
        flags.append(WeakFlag(flag: flag))
    }

    private func clientLeft() {
        gone = true
        for entry in flags { entry.flag?.cancel() }
        flags.removeAll()
    }

    func channelInactive(context: ChannelHandlerContext) {
        clientLeft()
        context.fireChannelInactive()
    }
}
