import Foundation

/// A cell of the Value column of the USGS MCS commodities data, read by its release's own key
/// (MCS2026_metadata.xml): "XX" world total not calculable, "W" withheld, "s" small (less than
/// half a unit), "NA" not available, "E" net exporter, "—" zero.
///
/// Only `.amount` becomes a production record. A gap never becomes a zero, and "—" (zero) makes
/// no record either: stored production holds positive amounts only.
enum MCSValue: Equatable, Sendable {
    /// A published amount in the row's unit: "4,780", "0.5", "1200e" (a trailing "e" marks an
    /// estimate and is dropped).
    case amount(Double)
    /// The release prints "—": zero.
    case zero
    /// No figure, for the reason the release gives.
    case gap(Gap)
    /// A bound (">75", "<200,000") or a range ("330 - 390"): not one amount, so not used.
    case bound(String)
    /// Anything else: not a figure of this release.
    case invalid(String)

    enum Gap: String, Sendable, CaseIterable {
        case withheld = "W", small = "s", notAvailable = "NA", notCalculable = "XX", netExporter = "E", empty = ""
    }

    init(_ text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines.union(CharacterSet(charactersIn: "\u{A0}")))
        if let gap = Gap(rawValue: trimmed) { self = .gap(gap); return }
        if ["—", "–", "-", "--"].contains(trimmed) { self = .zero; return }
        if trimmed.hasPrefix(">") || trimmed.hasPrefix("<") || trimmed.hasPrefix("≥") || trimmed.hasPrefix("≤") {
            self = .bound(trimmed)
            return
        }
        var digits = trimmed.replacingOccurrences(of: ",", with: "")
        if digits.count > 1, digits.hasSuffix("e"), digits.dropLast().last?.isNumber == true { digits.removeLast() }
        if Self.isRange(digits) { self = .bound(trimmed); return }
        // Plain decimal notation only: "1e5", "inf" or "nan" are not how the release prints figures.
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
              let value = Double(digits), value.isFinite else {
            self = .invalid(trimmed)
            return
        }
        self = .amount(value)
    }

    /// "330 - 390", "10000 - 15000", "5–10".
    private static func isRange(_ text: String) -> Bool {
        let parts = text.split(whereSeparator: { $0 == "-" || $0 == "–" }).map { $0.trimmingCharacters(in: .whitespaces) }
        return parts.count == 2 && parts.allSatisfy { !$0.isEmpty && Double($0) != nil }
    }
}
