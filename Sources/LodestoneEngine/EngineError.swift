import LodestoneCore
import LodestoneStore

/// The engine's one error type: a sentence that says what was wrong and what to do, and a kind
/// that each front end maps once (the CLI to exit codes, the server to HTTP statuses).
public struct EngineError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// The request is malformed or names something that does not exist as typed
        /// (an unknown country or commodity, a severity outside 0–1).
        case usage
        /// A named thing the request addresses is not there (a scenario preset).
        case notFound = "not-found"
        /// The request is valid but the data cannot answer it (no trade that year, no production).
        case noData = "no-data"
        /// Something broke that the user cannot fix by asking differently (a damaged store).
        case failure
        /// A component the request needs is not installed here (the LP/MILP solver).
        case unavailable

        /// 400, 404, 422, 500.
        public var httpStatus: Int {
            switch self {
            case .usage: 400
            case .notFound: 404
            case .noData: 422
            case .failure: 500
            case .unavailable: 503
            }
        }

        /// 64 for what the user typed (usage, not found), 1 otherwise.
        public var exitCode: Int32 {
            switch self {
            case .usage, .notFound: 64
            case .noData, .failure: 1
            case .unavailable: 69
            }
        }
    }

    public var kind: Kind
    public var message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }

    public init(_ error: LodestoneError) {
        switch error {
        case .unknownCountry, .unknownCommodity, .unknownGroup, .emptySelection, .invalidParameter, .nothingFallsShort:
            self.init(.usage, error.description)
        case .notTraded, .noProduction, .noTrade, .noCommodityTrade, .noQuantities, .noData:
            self.init(.noData, error.description)
        case .damagedData, .cancelled:
            self.init(.failure, error.description)
        case .unavailable:
            self.init(.unavailable, error.description)
        }
    }

    public init(_ error: StoreError) {
        switch error {
        case .emptyStore: self.init(.noData, error.description)
        default: self.init(.failure, error.description)
        }
    }

    /// Runs `body`, turning any error into an EngineError; raw errors of unknown type become a
    /// failure with their description, never a crash.
    static func wrapping<T>(_ body: () throws -> T) throws(EngineError) -> T {
        do {
            return try body()
        } catch let error as EngineError {
            throw error
        } catch let error as LodestoneError {
            throw EngineError(error)
        } catch let error as StoreError {
            throw EngineError(error)
        } catch {
            throw EngineError(.failure, "unexpected error: \(error)")
        }
    }
}
