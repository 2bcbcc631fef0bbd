import Foundation
import LodestoneCore

/// Joins one stage's production from two sources year by year. A year always comes whole from
/// one source — never one country from each — so a year's world total and shares are one
/// compiler's view.
///
/// - Two editions of one compiler's series (USGS MCS 2025 world data, MCS 2026 commodities
///   data): the newer edition supersedes the older for every year it publishes, revisions
///   included (`supersede`).
/// - Another compiler's series after the primary one (MCS 2026 after World Mining Data): it adds
///   only the years after the primary series' last year, and only when the two agree in their
///   latest shared year — world totals within ±15 % and country shares within a total variation
///   distance of 0.10 (`extend`). Otherwise the new years would show a change of source as a
///   change of supply, and they are left out with a warning.
enum ProductionSplice {
    /// Tonnes by year → country.
    typealias Years = [Int: [CountryCode: Double]]

    /// Largest relative difference of world totals, |b / a − 1|, for two series to extend one another.
    static let totalTolerance = 0.15
    /// Largest total variation distance of country shares, ½ Σ |aᵢ − bᵢ| in 0...1.
    static let shareTolerance = 0.10

    /// How two series compare in one year.
    struct Agreement: Hashable, Sendable {
        var year: Int
        /// World total of the addition over that of the primary series.
        var totalRatio: Double
        /// Total variation distance of the country shares, 0 (same shares) ... 1 (no producer in common).
        var shareDistance: Double

        var holds: Bool { abs(totalRatio - 1) <= ProductionSplice.totalTolerance && shareDistance <= ProductionSplice.shareTolerance }

        var summary: String {
            String(format: "in %d world totals differ by %+.1f %% (limit ±%.0f %%) and country shares by %.1f %% (limit %.0f %%)",
                   year, (totalRatio - 1) * 100, ProductionSplice.totalTolerance * 100, shareDistance * 100, ProductionSplice.shareTolerance * 100)
        }
    }

    enum Extension {
        /// The primary series with the addition's later years; `added` lists them.
        case extended(Years, added: [Int], Agreement)
        /// The addition has no year after the primary series' last year.
        case nothingToAdd
        /// No year in which both have production, so agreement cannot be checked.
        case noSharedYear
        case disagree(Agreement)
    }

    /// Every year of `newer`, and the years of `older` that `newer` does not publish.
    static func supersede(_ older: Years, with newer: Years) -> Years {
        older.merging(newer.filter { !$0.value.isEmpty }) { _, new in new }
    }

    static func extend(_ primary: Years, with addition: Years) -> Extension {
        let primaryYears = primary.filter { total($0.value) > 0 }.keys
        guard let last = primaryYears.max() else { return .noSharedYear }
        let later = addition.filter { $0.key > last && total($0.value) > 0 }
        guard !later.isEmpty else { return .nothingToAdd }
        guard let shared = primaryYears.filter({ total(addition[$0] ?? [:]) > 0 }).max(),
              let agreement = agreement(primary[shared] ?? [:], addition[shared] ?? [:], year: shared) else { return .noSharedYear }
        guard agreement.holds else { return .disagree(agreement) }
        return .extended(primary.merging(later) { old, _ in old }, added: later.keys.sorted(), agreement)
    }

    /// The two series' totals and shares in one year; nil when either has no production.
    static func agreement(_ a: [CountryCode: Double], _ b: [CountryCode: Double], year: Int) -> Agreement? {
        let totalA = total(a), totalB = total(b)
        guard totalA > 0, totalB > 0 else { return nil }
        let countries = Set(a.keys).union(b.keys)
        let distance = countries.reduce(0.0) { sum, country in sum + abs((a[country] ?? 0) / totalA - (b[country] ?? 0) / totalB) } / 2
        return Agreement(year: year, totalRatio: totalB / totalA, shareDistance: distance)
    }

    private static func total(_ tonnes: [CountryCode: Double]) -> Double {
        tonnes.values.reduce(0) { $0 + ($1.isFinite && $1 > 0 ? $1 : 0) }
    }

    /// "2018–2024", "2023, 2025", "2025".
    static func yearsText(_ years: [Int]) -> String {
        var runs: [(Int, Int)] = []
        for year in years.sorted() {
            if let last = runs.last, last.1 + 1 == year { runs[runs.count - 1].1 = year } else { runs.append((year, year)) }
        }
        return runs.map { $0.0 == $0.1 ? "\($0.0)" : "\($0.0)–\($0.1)" }.joined(separator: ", ")
    }
}
