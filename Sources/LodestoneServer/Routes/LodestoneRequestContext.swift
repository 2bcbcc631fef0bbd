import Hummingbird
import NIOCore

/// Hummingbird's basic context plus the request's connection, so a long computation can be
/// stopped when its client goes away (`ConnectionWatch`).
public struct LodestoneRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The connection the request came on (a test channel in router tests).
    let channel: any Channel

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        channel = source.channel
    }
}
