/// An observed year-on-year change in the restricting country's exports after a real export
/// restriction (Resources/Backtest/export-drops.csv), with its source.
public struct ExportDrop: Hashable, Sendable, Codable {
    public var event: String
    /// Commodity family ("gallium") or stage id ("rare-earth:component").
    public var commodity: String
    public var periodBefore: String
    public var periodAfter: String
    /// Relative change, e.g. −0.727 = −72.7 %.
    public var change: Double
    public var source: String
    public var url: String
    public var reliability: String
    public var note: String

    /// Whether the row compares whole calendar years ("2023" → "2024").
    public var coversAWholeYear: Bool {
        periodAfter.count == 4 && periodAfter.allSatisfy(\.isNumber) && periodBefore.count == 4 && periodBefore.allSatisfy(\.isNumber)
    }

    public init(event: String, commodity: String, periodBefore: String, periodAfter: String, change: Double,
                source: String, url: String, reliability: String, note: String = "") {
        self.event = event
        self.commodity = commodity
        self.periodBefore = periodBefore
        self.periodAfter = periodAfter
        self.change = change
        self.source = source
        self.url = url
        self.reliability = reliability
        self.note = note
    }

    /// The effective severity of a licensing regime for one commodity: the mean observed
    /// year-on-year fall of exports in its first year, s = clamp(−mean(Δ), 0, 1), over the rows
    /// of `drops` for `event` naming the stage or its family. Rows for a whole year (a period
    /// such as "2024") already contain the months the partial rows record, so where there are
    /// any they alone are used: a fall recorded only for the first months of a regime that then
    /// issued licences (graphite, Jan–Feb 2024) is not taken for the whole year. Nil without any row.
    public static func effectiveSeverity(in drops: [ExportDrop], event: String, commodity: Commodity) -> (severity: Double, observations: Int)? {
        let all = drops.filter { $0.event == event && ($0.commodity == commodity.id.rawValue || $0.commodity == commodity.family) }
        let wholeYears = all.filter(\.coversAWholeYear)
        let rows = wholeYears.isEmpty ? all : wholeYears
        guard !rows.isEmpty else { return nil }
        let mean = rows.reduce(0) { $0 + $1.change } / Double(rows.count)
        return (min(1, max(0, -mean)), rows.count)
    }
}
