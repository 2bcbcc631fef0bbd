import Foundation

/// Parsing the sources' loosely typed cells: numbers stored as text (with spaces, thousands
/// separators or "NA"), as integers or as reals, and SQL NULL.
enum SourceValue {
    enum Number: Equatable {
        case missing
        case value(Double)
        case invalid(String)
    }

    private static let missingMarkers: Set<String> = ["", "na", "n/a", "nan", "n.a.", "-", "--", "none", "null"]

    static func number(_ value: SQLiteValue) -> Number {
        switch value {
        case .null: return .missing
        case .int(let v): return .value(Double(v))
        case .double(let v): return v.isNaN ? .missing : .value(v)
        case .text(let text):
            let compact = text.unicodeScalars.filter { !$0.properties.isWhitespace && $0 != "\u{202F}" && $0 != "'" }
            let cleaned = String(String.UnicodeScalarView(compact))
            if missingMarkers.contains(cleaned.lowercased()) { return .missing }
            if let v = Double(cleaned), v.isFinite { return .value(v) }
            return .invalid(text)
        }
    }

    /// A whole number, or nil: a real that is not integral or lies outside `Int` (≥ 2⁶³, ±inf,
    /// NaN) is not one, and never traps.
    static func integer(_ value: SQLiteValue) -> Int? {
        switch value {
        case .int(let v): return v
        case .double(let v): return Int(exactly: v)
        case .text(let text): return Int(text.trimmingCharacters(in: .whitespaces))
        case .null: return nil
        }
    }

    static func text(_ value: SQLiteValue) -> String? {
        switch value {
        case .text(let t):
            let trimmed = t.trimmingCharacters(in: .whitespacesAndNewlines)
            return trimmed.isEmpty ? nil : trimmed
        case .int(let v): return String(v)
        case .double(let v): return String(v)
        case .null: return nil
        }
    }

    /// Repairs UTF-8 text that was decoded as Latin-1 ("CuraÃ§ao" → "Curaçao"); nil when the
    /// text does not look mis-encoded.
    static func repairMojibake(_ text: String) -> String? {
        guard text.contains("Ã") || text.contains("Â") else { return nil }
        var bytes: [UInt8] = []
        for scalar in text.unicodeScalars {
            guard scalar.value <= 0xFF else { return nil }
            bytes.append(UInt8(scalar.value))
        }
        guard let repaired = String(validating: bytes, as: UTF8.self), repaired != text else { return nil }
        return repaired
    }
}
