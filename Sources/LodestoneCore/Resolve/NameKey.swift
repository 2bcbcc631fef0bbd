import Foundation

/// Normalises names for matching: case, accents, punctuation and spacing do not matter,
/// nor a trailing plural "s" ("Rare earths" matches "Rare earth").
package enum NameKey {
    package static func of(_ text: String) -> String {
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        var key = String(String.UnicodeScalarView(folded.unicodeScalars.filter { $0.properties.isAlphabetic || $0.properties.numericType != nil }))
        if key.count > 3, key.hasSuffix("s") { key.removeLast() }
        return key
    }

    /// Levenshtein distance, for "did you mean" suggestions.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = Array(repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    /// The label whose key is nearest to `text`, when it is near enough to be a plausible typo.
    package static func suggestion(for text: String, among candidates: [(key: String, label: String)]) -> String? {
        let key = of(text)
        guard !key.isEmpty else { return nil }
        var best: (distance: Int, label: String)?
        for candidate in candidates {
            var distance = Self.distance(key, candidate.key)
            if candidate.key.count > key.count, candidate.key.hasPrefix(key), key.count >= 3 { distance = min(distance, 1) }
            if best == nil || distance < best!.distance { best = (distance, candidate.label) }
        }
        // A suggestion must share something with what was typed ("日本" is not 2 edits from "au").
        guard let best, best.distance <= max(2, key.count / 3), best.distance < key.count else { return nil }
        return best.label
    }
}
