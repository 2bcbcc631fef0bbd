import ArgumentParser
import Foundation
import LodestoneEngine
import LodestoneServer

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the web dashboard and the JSON API (GET /api/v1/…, /openapi.yaml).",
        discussion: """
        Binds to 127.0.0.1 unless --host says otherwise: the API has no authentication, so think \
        before exposing it. Stops cleanly on SIGTERM or Ctrl-C. One log line per request on stderr.
        """)

    @OptionGroup var storeOptions: StoreOptions

    @Option(help: "Address to listen on.") var host = "127.0.0.1"
    @Option(help: "Port to listen on.") var port = 8080
    @Option(help: "Seconds a scenario run or backtest may take.") var timeLimit = 20.0
    @Option(help: "Answers kept for repeated identical GET requests (0: compute every time).") var cache = 512
    @Option(help: "Seconds a connection may stay idle, or take to send a request's headers, before it is closed.") var idleTimeout = 15.0
    @Option(help: "Seconds a request body may take to arrive once its headers are in (beyond: 408).") var bodyTimeout = 10.0
    @Flag(help: "Log only warnings and errors, not every request.") var quiet = false

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port \(port) is outside 0–65535") }
        guard timeLimit.isFinite, timeLimit > 0 else { throw ValidationError("--time-limit must be above 0 seconds") }
        guard cache >= 0 else { throw ValidationError("--cache \(cache) must be 0 or more") }
        guard idleTimeout.isFinite, idleTimeout > 0, idleTimeout <= 3600 else { throw ValidationError("--idle-timeout must be above 0 and at most 3600 seconds") }
        guard bodyTimeout.isFinite, bodyTimeout > 0, bodyTimeout <= 3600 else { throw ValidationError("--body-timeout must be above 0 and at most 3600 seconds") }
    }

    func run() async throws {
        let engine = try runReportingErrors { try storeOptions.openEngine(limits: .server) }
        var configuration = ServerConfiguration(host: host, port: port, computeTimeLimitSeconds: timeLimit, cachedResponses: cache,
                                                idleTimeoutSeconds: idleTimeout, bodyTimeoutSeconds: bodyTimeout, logLevel: quiet ? .warning : .info)
        configuration.storePath = storeOptions.path
        Console.note("serving the dashboard at http://\(host):\(port)/ and the API at /api/v1 (data version \(engine.dataVersion))")
        do {
            try await serve(configuration, engine: engine)
        } catch {
            Console.note("the server stopped: \(error)")
            throw ExitCode(1)
        }
    }
}
