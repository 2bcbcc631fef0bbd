import Foundation

/// Number formats for people (tables) and for machines (CSV keeps full precision).
enum Fmt {
    /// Shortest text that reads back as the same Double.
    static func exact(_ value: Double) -> String { String(describing: value) }

    static func fixed(_ value: Double, _ digits: Int) -> String { String(format: "%.\(digits)f", value) }

    static func significant(_ value: Double, _ digits: Int = 4) -> String {
        value == 0 ? "0" : String(format: "%.\(digits)g", value)
    }

    static func percent(_ share: Double) -> String { String(format: "%.1f%%", share * 100) }

    /// Money with three significant digits and a k/M/B/T suffix ("11.4M", "7.29B"); plain below 1,000.
    static func money(_ value: Double) -> String {
        guard value.isFinite else { return exact(value) }
        for (scale, suffix) in [(1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "k")] where abs(value) >= scale * 0.9995 {
            return String(format: "%.3g", value / scale) + suffix
        }
        return String(format: "%.0f", value)
    }

    /// A relative change with its sign: "+43.0%", "−9.0%", "0.0%".
    static func signedPercent(_ change: Double) -> String {
        change > 0 ? "+" + percent(change) : change < 0 ? "−" + percent(-change) : percent(0)
    }

    /// Tonnes with thousands separators, no decimals above 10 t.
    static func tonnes(_ value: Double) -> String {
        if value != 0, abs(value) < 10 { return String(format: "%.3f", value) }
        let whole = String(format: "%.0f", value)
        var result = ""
        for (index, character) in whole.reversed().enumerated() {
            if index > 0, index % 3 == 0, character != "-" { result.append(",") }
            result.append(character)
        }
        return String(result.reversed())
    }
}

/// Writes JSON with sorted keys, so output is stable byte for byte.
enum JSONOutput {
    static func render(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
    }
}
