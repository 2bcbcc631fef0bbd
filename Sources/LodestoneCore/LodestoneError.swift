/// Errors from the engine: each says what was wrong and what to do about it.
public enum LodestoneError: Error, Equatable, Sendable, CustomStringConvertible {
    case unknownCountry(String, suggestion: String?)
    case unknownCommodity(String, suggestion: String?)
    case unknownGroup(String, suggestion: String?)
    case emptySelection(String)
    case notTraded(commodity: String)
    case noProduction(commodity: String, year: Int, available: [Int])
    case noTrade(year: Int, available: [Int])
    /// The commodity's codes have no trade in the year in any of its nomenclatures.
    case noCommodityTrade(commodity: String, year: Int, nomenclatures: [String], available: [Int])
    /// The year's trade carries values but no quantities (BACI extracts by value only).
    case noQuantities(commodity: String, year: Int, nomenclature: String)
    /// A store whose rows break its own invariants.
    case damagedData(String)
    case invalidParameter(String)
    /// A plan has nothing to do: no stage of the importer falls short in any simulated year, or
    /// no candidate project supplies one that does.
    case nothingFallsShort(String)
    /// A well-formed question the data cannot answer (no official statistics for that year).
    case noData(String)
    /// The work was stopped through its `CancellationFlag` before it finished.
    case cancelled
    /// Something the computation needs outside the data is not installed (a solver library).
    case unavailable(String)

    public var description: String {
        switch self {
        case .unknownCountry(let text, let suggestion):
            "unknown country '\(text)'" + Self.hint(suggestion, otherwise: "use an ISO3 code (JPN), an M49 number (392) or an English name")
        case .unknownCommodity(let text, let suggestion):
            "unknown commodity '\(text)'" + Self.hint(suggestion, otherwise: "run 'lodestone commodities' to list them")
        case .unknownGroup(let text, let suggestion):
            "unknown country group '\(text)'" + Self.hint(suggestion, otherwise: "run 'lodestone groups' to list them, or join countries with '+' (USA+JPN)")
        case .emptySelection(let text):
            "'\(text)' names no country: give at least one, e.g. USA+JPN"
        case .notTraded(let commodity):
            "\(commodity) has no HS trade codes in the data, so import-based metrics cannot be computed for it; 'lodestone concentration' still works"
        case .noProduction(let commodity, let year, let available):
            "no production data for \(commodity) in \(year)" + Self.years(available)
        case .noTrade(let year, let available):
            "no trade data for \(year)" + Self.years(available)
        case .noCommodityTrade(let commodity, let year, let nomenclatures, let available):
            "no \(nomenclatures.joined(separator: "/")) trade for \(commodity) in \(year) (nomenclature gap: its codes exist in \(nomenclatures.joined(separator: ", ")) only)"
                + Self.years(available)
        case .noQuantities(let commodity, let year, let nomenclature):
            "\(nomenclature) trade for \(commodity) in \(year) has values but no quantities, so tonnes cannot be compared with production; "
                + "import the full BACI release for that year or pick a year with quantities"
        case .damagedData(let message):
            "the data are damaged: \(message) — rebuild the store with 'lodestone data import'"
        case .invalidParameter(let message), .nothingFallsShort(let message), .noData(let message):
            message
        case .unavailable(let message):
            message
        case .cancelled:
            "the computation was stopped before it finished (its time limit passed or the client went away); ask again, with fewer draws or commodities if it ran out of time"
        }
    }

    private static func hint(_ suggestion: String?, otherwise: String) -> String {
        if let suggestion { " — did you mean \(suggestion)?" } else { " — \(otherwise)" }
    }

    /// The years with data, gaps shown: "2017–2020, 2022, 2024".
    private static func years(_ available: [Int]) -> String {
        let sorted = Array(Set(available)).sorted()
        guard let first = sorted.first else { return "; the data set has none" }
        if sorted.count == 1 { return "; data exist for \(first) only" }
        var runs: [String] = [], start = first, previous = first
        for year in sorted.dropFirst() + [Int.max] {
            if year == previous + 1 { previous = year; continue }
            runs.append(start == previous ? "\(start)" : "\(start)–\(previous)")
            start = year
            previous = year
        }
        return "; data exist for " + runs.joined(separator: ", ")
    }
}
