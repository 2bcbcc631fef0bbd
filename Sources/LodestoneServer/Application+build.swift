import Foundation
import Hummingbird
import LodestoneCore
import LodestoneEngine
import Logging

/// The one application the `serve` command runs and the router tests drive without sockets.
/// The engine (and its Dataset) is built once and shared read-only by every request.
public func buildApplication(_ configuration: ServerConfiguration, engine: Engine) throws -> some ApplicationProtocol {
    var logger = Logger(label: "lodestone.serve")
    logger.logLevel = configuration.logLevel
    let router = try buildRouter(configuration, engine: engine)
    return Application(
        responder: MethodResponder(inner: router.buildResponder()),
        server: .http1(configuration: .init(additionalChannelHandlers: [ConnectionWatch()],
                                            idleTimeout: .milliseconds(Int64(configuration.idleTimeoutSeconds * 1000)))),
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "lodestone"),
        logger: logger)
}

/// Every route: the JSON API under /api/v1, /healthz, /openapi.yaml and the dashboard at /.
public func buildRouter(_ configuration: ServerConfiguration, engine: Engine) throws -> Router<LodestoneRequestContext> {
    let router = Router(context: LodestoneRequestContext.self)
    router.add(middleware: RequestLogMiddleware(maxURIBytes: configuration.maxURIBytes))
    let api = APIRoutes(engine: engine, configuration: configuration)
    api.register(on: router)
    try StaticRoutes(dataVersion: engine.dataVersion).register(on: router)
    return router
}

/// Builds the application and runs it until SIGTERM or SIGINT (Hummingbird's ServiceGroup
/// handles both and lets requests in flight finish).
public func serve(_ configuration: ServerConfiguration, engine: Engine) async throws {
    // Heavy lanes at a lower OS priority: /healthz and cached answers stay fast while they run.
    BackgroundLanes.enable(threads: ProcessInfo.processInfo.activeProcessorCount)
    let app = try buildApplication(configuration, engine: engine)
    try await app.runService()
}
