/// The values a question is asked with, by parameter name, from a query string or the command
/// line, checked against the names the question takes: an unknown name is refused with the
/// known ones (a typo is never silently ignored), an empty value is refused, and a single-valued
/// parameter given twice is refused rather than the last silently winning.
public struct QuestionInput: Sendable {
    /// Where the values came from, for messages in the asker's own words.
    public enum Origin: Sendable {
        case query
        case commandLine

        func name(_ key: String) -> String {
            switch self {
            case .query: "query parameter '\(key)'"
            case .commandLine: "--\(key)"
            }
        }
    }

    private let pairs: [(key: String, value: String)]
    public let origin: Origin

    /// - Parameters:
    ///   - allowed: the names this question takes; `common` are taken everywhere (the output's
    ///     format and language) and left to the caller.
    ///   - lists: the names that take a list, repeated or comma-separated; any other may be given once.
    public init(_ pairs: [(String, String)], allowed: [String], lists: Set<String>, common: [String] = [], origin: Origin) throws(EngineError) {
        self.pairs = pairs.map { (key: $0.0, value: $0.1) }
        self.origin = origin
        let known = Set(allowed + common)
        for pair in self.pairs where !known.contains(pair.key) {
            switch origin {
            case .query:
                throw EngineError(.usage, "unknown query parameter '\(pair.key)' — this endpoint takes \((allowed + common).joined(separator: ", "))")
            case .commandLine:
                throw EngineError(.usage, "unknown option '--\(pair.key)' — this command takes \(allowed.map { "--" + $0 }.joined(separator: ", ")) (see --help)")
            }
        }
        if let empty = self.pairs.first(where: { $0.value.isEmpty }) {
            throw EngineError(.usage, "\(origin.name(empty.key)) is empty; give a value or leave it out")
        }
        var seen = Set<String>()
        for pair in self.pairs where !lists.contains(pair.key) && !seen.insert(pair.key).inserted {
            let repeatable = lists.isEmpty ? "" : " (only \(lists.sorted().joined(separator: ", ")) may repeat)"
            throw EngineError(.usage, "\(origin.name(pair.key)) is given twice; give it once" + repeatable)
        }
    }

    public func string(_ key: String) -> String? {
        pairs.last { $0.key == key }?.value
    }

    public func required(_ key: String) throws(EngineError) -> String {
        guard let value = string(key) else {
            throw EngineError(.usage, origin == .query ? "missing query parameter '\(key)'" : "missing --\(key)")
        }
        return value
    }

    /// Every value given for `key` (repeated or comma-separated; the engine splits commas).
    public func list(_ key: String) -> [String] { pairs.filter { $0.key == key }.map(\.value) }

    public func optionalList(_ key: String) -> [String]? {
        let values = list(key)
        return values.isEmpty ? nil : values
    }

    public func int(_ key: String) throws(EngineError) -> Int? {
        guard let text = string(key) else { return nil }
        guard let value = Int(text) else { throw EngineError(.usage, "\(key) '\(text)' is not a whole number") }
        return value
    }

    public func unsigned(_ key: String) throws(EngineError) -> UInt64? {
        guard let text = string(key) else { return nil }
        guard let value = UInt64(text) else { throw EngineError(.usage, "\(key) '\(text)' is not a whole number from 0 to \(UInt64.max)") }
        return value
    }

    public func double(_ key: String) throws(EngineError) -> Double? {
        guard let text = string(key) else { return nil }
        guard let value = Double(text), value.isFinite else { throw EngineError(.usage, "\(key) '\(text)' is not a number") }
        return value
    }

    public func bool(_ key: String) throws(EngineError) -> Bool? {
        guard let text = string(key)?.lowercased() else { return nil }
        switch text {
        case "true", "1", "yes": return true
        case "false", "0", "no": return false
        default: throw EngineError(.usage, "\(key) '\(text)' must be true or false")
        }
    }

    public func choice<T: RawRepresentable & CaseIterable>(_ key: String, default fallback: T) throws(EngineError) -> T where T.RawValue == String {
        guard let text = string(key) else { return fallback }
        guard let value = T(rawValue: text) else {
            throw EngineError(.usage, "\(key) '\(text)' must be one of \(T.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return value
    }

    /// The year asked for, or the years of a series (`years`, not with `year`).
    public func years() throws(EngineError) -> [Int]? {
        guard let text = string("years") else { return nil }
        if string("year") != nil { throw EngineError(.usage, origin == .query ? "give year or years, not both" : "give --year or --years, not both") }
        return try Engine.parseYears(text)
    }
}
