import Logging

/// How `lodestone serve` runs: where it listens and how much one request may cost.
public struct ServerConfiguration: Sendable {
    /// Loopback unless told otherwise: the API has no authentication.
    public var host: String
    public var port: Int
    /// Largest request body accepted (a posted scenario definition), bytes.
    public var maxBodyBytes: Int
    /// Longest URI accepted (path and query), bytes.
    public var maxURIBytes: Int
    /// Time a scenario run or backtest may take before the client gets a 503.
    public var computeTimeLimitSeconds: Double
    /// Expensive computations at once; beyond this a request gets a 503 at once, not a queue.
    public var maxConcurrentComputations: Int
    /// Answers kept for repeated identical GET requests (the data never change while serving).
    public var cachedResponses: Int
    /// Bytes those answers may hold at most.
    public var cacheBytes: Int
    /// Seconds a connection may stay idle, or take to send a request's headers, before it is closed.
    public var idleTimeoutSeconds: Double
    /// Seconds a request body may take to arrive once its headers are in (beyond: 408, and the
    /// connection is closed).
    public var bodyTimeoutSeconds: Double
    public var logLevel: Logger.Level
    /// The store the engine was opened from: when set, it is watched and reopened when it changes.
    public var storePath: String?
    /// Seconds between looks at the store.
    public var storeCheckSeconds: Double = 2

    public init(host: String = "127.0.0.1", port: Int = 8080, maxBodyBytes: Int = 64 * 1024, maxURIBytes: Int = 8 * 1024,
                computeTimeLimitSeconds: Double = 20, maxConcurrentComputations: Int = 2, cachedResponses: Int = 512,
                cacheBytes: Int = 32 << 20, idleTimeoutSeconds: Double = 15, bodyTimeoutSeconds: Double = 10,
                logLevel: Logger.Level = .info) {
        self.cacheBytes = cacheBytes
        self.idleTimeoutSeconds = idleTimeoutSeconds
        self.bodyTimeoutSeconds = bodyTimeoutSeconds
        self.host = host
        self.port = port
        self.maxBodyBytes = maxBodyBytes
        self.maxURIBytes = maxURIBytes
        self.computeTimeLimitSeconds = computeTimeLimitSeconds
        self.maxConcurrentComputations = maxConcurrentComputations
        self.cachedResponses = cachedResponses
        self.logLevel = logLevel
    }
}
