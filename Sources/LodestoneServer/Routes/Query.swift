import Hummingbird
import LodestoneEngine

/// A request's query parameters, checked against the names an endpoint takes: an unknown name
/// is a usage error that lists the known ones (a typo is not silently ignored).
struct Query: Sendable {
    private let pairs: [(key: String, value: String)]
    /// The request as asked ("GET /api/v1/risk?importer=JPN"), for an export's metadata.
    let question: String

    /// Parameters every endpoint takes: the answer's format, the names' language, and whether
    /// a CSV starts with its metadata lines.
    static let common = ["format", "lang", "metadata"]

    init(_ request: Request, allowed: [String]) throws(EngineError) {
        pairs = request.uri.queryParameters.map { (String($0.key), String($0.value)) }
        question = "\(request.method) \(request.uri.path)" + (request.uri.query.map { "?" + $0 } ?? "")
        let known = Set(allowed + Self.common)
        for pair in pairs where !known.contains(pair.key) {
            throw EngineError(.usage, "unknown query parameter '\(pair.key)' — this endpoint takes \((allowed + Self.common).joined(separator: ", "))")
        }
        // An empty value is no value: refused (as the CLI refuses an empty name) rather than taken as absent.
        if let empty = pairs.first(where: { $0.value.isEmpty }) {
            throw EngineError(.usage, "query parameter '\(empty.key)' is empty; give a value or leave it out")
        }
        // A parameter that takes one value, given twice, is ambiguous: refused rather than the last silently winning.
        var seen = Set<String>()
        for pair in pairs where !Self.repeatable.contains(pair.key) && !seen.insert(pair.key).inserted {
            throw EngineError(.usage, "query parameter '\(pair.key)' is given twice; give it once (only \(Self.repeatable.sorted().joined(separator: ", ")) may repeat)")
        }
    }

    /// Parameters that take a list, repeated or comma-separated.
    static let repeatable: Set<String> = ["commodity", "importer", "restricting", "targets", "exempt"]

    func string(_ key: String) -> String? {
        pairs.last { $0.key == key }?.value  // never empty: init refuses empty values
    }

    func required(_ key: String) throws(EngineError) -> String {
        guard let value = string(key) else { throw EngineError(.usage, "missing query parameter '\(key)'") }
        return value
    }

    /// Every value given for `key` (repeated or comma-separated; the engine splits commas).
    func list(_ key: String) -> [String] { pairs.filter { $0.key == key }.map(\.value) }

    func optionalList(_ key: String) -> [String]? {
        let values = list(key)
        return values.isEmpty ? nil : values
    }

    func int(_ key: String) throws(EngineError) -> Int? {
        guard let text = string(key) else { return nil }
        guard let value = Int(text) else { throw EngineError(.usage, "\(key) '\(text)' is not a whole number") }
        return value
    }

    func unsigned(_ key: String) throws(EngineError) -> UInt64? {
        guard let text = string(key) else { return nil }
        guard let value = UInt64(text) else { throw EngineError(.usage, "\(key) '\(text)' is not a whole number from 0 to \(UInt64.max)") }
        return value
    }

    func double(_ key: String) throws(EngineError) -> Double? {
        guard let text = string(key) else { return nil }
        guard let value = Double(text), value.isFinite else { throw EngineError(.usage, "\(key) '\(text)' is not a number") }
        return value
    }

    func bool(_ key: String) throws(EngineError) -> Bool? {
        guard let text = string(key)?.lowercased() else { return nil }
        switch text {
        case "true", "1", "yes": return true
        case "false", "0", "no": return false
        default: throw EngineError(.usage, "\(key) '\(text)' must be true or false")
        }
    }

    func choice<T: RawRepresentable & CaseIterable>(_ key: String, default fallback: T) throws(EngineError) -> T where T.RawValue == String {
        guard let text = string(key) else { return fallback }
        guard let value = T(rawValue: text) else {
            throw EngineError(.usage, "\(key) '\(text)' must be one of \(T.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return value
    }

    /// json (default) or csv; a table is for terminals.
    func format() throws(EngineError) -> ReportFormat { try choice("format", default: ReportFormat.json) }
}
