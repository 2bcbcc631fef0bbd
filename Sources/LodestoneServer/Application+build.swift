import Foundation
import Hummingbird
import LodestoneEngine
import Logging

/// The one application the `serve` command runs and the router tests drive without sockets.
/// The engine (and its Dataset) is built once and shared read-only by every request; it is
/// replaced when the store it came from changes (`EngineHolder`).
public func buildApplication(_ configuration: ServerConfiguration, engine: Engine) throws -> some ApplicationProtocol {
    try buildApplication(configuration, engines: EngineHolder(engine))
}

func buildApplication(_ configuration: ServerConfiguration, engines: EngineHolder) throws -> some ApplicationProtocol {
    let router = try buildRouter(configuration, engines: engines)
    return Application(
        responder: MethodResponder(inner: router.buildResponder()),
        server: .http1(configuration: .init(additionalChannelHandlers: [ConnectionWatch()],
                                            idleTimeout: .milliseconds(Int64(configuration.idleTimeoutSeconds * 1000)))),
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "lodestone"),
        logger: logger(configuration))
}

/// Every route: the JSON API under /api/v1, /healthz, /openapi.yaml and the dashboard at /.
public func buildRouter(_ configuration: ServerConfiguration, engine: Engine) throws -> Router<LodestoneRequestContext> {
    try buildRouter(configuration, engines: EngineHolder(engine))
}

func buildRouter(_ configuration: ServerConfiguration, engines: EngineHolder) throws -> Router<LodestoneRequestContext> {
    let router = Router(context: LodestoneRequestContext.self)
    router.add(middleware: RequestLogMiddleware(maxURIBytes: configuration.maxURIBytes))
    let api = APIRoutes(engines: engines, configuration: configuration)
    api.register(on: router)
    try StaticRoutes(dataVersion: engines.current.dataVersion).register(on: router)
    return router
}

private func logger(_ configuration: ServerConfiguration) -> Logger {
    var logger = Logger(label: "lodestone.serve")
    logger.logLevel = configuration.logLevel
    return logger
}

/// Builds the application and runs it until SIGTERM or SIGINT (Hummingbird's ServiceGroup
/// handles both and lets requests in flight finish). With `storePath`, a re-imported store is
/// noticed and served (`EngineHolder.watch`).
public func serve(_ configuration: ServerConfiguration, engine: Engine) async throws {
    // Heavy lanes at a lower OS priority: /healthz and cached answers stay fast while they run.
    BackgroundLanes.enable(threads: ProcessInfo.processInfo.activeProcessorCount)
    let engines = EngineHolder(engine)
    let app = try buildApplication(configuration, engines: engines)
    let watcher = configuration.storePath.map { path in
        Task.detached(priority: .background) {
            await engines.watch(storePath: path, every: .seconds(configuration.storeCheckSeconds), limits: engine.limits, logger: logger(configuration))
        }
    }
    defer { watcher?.cancel() }
    try await app.runService()
}
