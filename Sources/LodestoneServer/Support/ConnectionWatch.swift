import LodestoneCore
import NIOCore

/// One per connection, in its pipeline: notices a client that goes away while a long
/// computation runs for it, and sets that computation's `CancellationFlag`.
///
/// Hummingbird reads the next request only after answering the current one, so a closed
/// connection would otherwise go unnoticed until the answer is written. The channel keeps reading
/// meanwhile, so an end of input (the client closed its side, `ChannelEvent.inputClosed`) or a
/// closed connection (`channelInactive`) arrives here at once. A client that half-closes its
/// side after sending a request and still waits for the answer is taken as gone too: browsers,
/// curl and HTTP libraries do not do that.
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

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if let event = event as? ChannelEvent, event == .inputClosed { clientLeft() }
        context.fireUserInboundEventTriggered(event)
    }

    func channelInactive(context: ChannelHandlerContext) {
        clientLeft()
        context.fireChannelInactive()
    }
}
