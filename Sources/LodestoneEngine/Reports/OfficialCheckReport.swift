import Foundation
import LodestoneCore

/// A country's figures beside its official statistics: one row per stage and measure
/// (production, imports, exports, consumption; net import reliance beside consumption).
public struct OfficialCheckReport: TabularReport, Hashable {
    public struct Row: Sendable, Hashable, Codable {
        public var commodity: String
        public var name: String
        public var measure: OfficialStatistic.Measure
        /// Lodestone's own figure before anchoring, tonnes on the stage's content basis.
        @OrNull public var lodestone: Double?
        @OrNull public var official: Double?
        /// lodestone ÷ official.
        @OrNull public var ratio: Double?
        /// The figure the answers use.
        @OrNull public var used: Double?
        public var basis: OfficialCheck.Basis
        /// Whether the official series measures the stage's own forms, so that the two are compared
        /// (counted in `compared`); false: shown beside Lodestone's figure only.
        public var comparable: Bool = true
        /// Net import reliance (consumption rows only), shares 0...1.
        @OrNull public var relianceLodestone: Double?
        @OrNull public var relianceOfficial: Double?
        @OrNull public var relianceUsed: Double?
        public var published: String
        public var reason: String
        public var series: String
        public var source: String
    }

    public var importer: CountryRef
    public var year: Int
    /// Figures agree when the larger is at most this many times the smaller.
    public var tolerance: Double
    /// Stages with official statistics this year.
    public var stages: Int
    /// Tonnes figures with an amount on both sides, from series that measure the stage's own forms.
    public var compared: Int
    public var withinTolerance: Int
    /// Compared figures off by more than ×3, each with its reason in `rows`.
    public var beyondThree: Int
    /// Of the same figures, those whose value as the answers use it is within the tolerance of the official one.
    public var usedWithinTolerance: Int
    public var rows: [Row]
    public var columns: [Column] = [
        Column("commodity", "stage", .text), Column("measure", "measure", .text), Column("lodestone", "Lodestone t", .tonnes),
        Column("official", "official t", .tonnes), Column("ratio", "ratio", .score), Column("used", "used t", .tonnes),
        Column("basis", "basis", .text), Column("relianceLodestone", "NIR", .share), Column("relianceOfficial", "NIR off.", .share),
        Column("relianceUsed", "NIR used", .share), Column("published", "as published", .text), Column("reason", "reason", .text),
        Column("series", "series", .text), Column("source", "source", .text),
    ]

    /// Within 100 columns: the tonnes figures, ratio, figure used and basis, and the official
    /// reliance (the others are in CSV and JSON).
    public var tableColumns: [Column] {
        [Column("commodity", "stage", .text), Column("measure", "measure", .text), Column("lodestone", "ours (t)", .tonnes),
         Column("official", "official (t)", .tonnes), Column("ratio", "ratio", .score), Column("used", "used (t)", .tonnes),
         Column("basis", "basis", .text), Column("relianceOfficial", "NIR", .share)]
    }

    init(_ check: OfficialCheck, importer: CountryRef, dataset: Dataset) {
        self.importer = importer
        year = check.year
        tolerance = Dataset.officialTolerance
        var rows: [Row] = []
        for row in check.rows where row.measure != .netImportReliance {
            rows.append(Row(commodity: row.commodity.rawValue, name: dataset.commodity(row.commodity)?.name ?? row.commodity.rawValue,
                            measure: row.measure, lodestone: row.lodestone, official: row.official, ratio: row.ratio, used: row.used,
                            basis: row.basis, comparable: row.isComparable, published: row.published, reason: row.reason,
                            series: row.series, source: row.source))
        }
        // Net import reliance sits beside consumption (a row of its own where no consumption is published).
        for row in check.rows where row.measure == .netImportReliance {
            let index = rows.firstIndex { $0.commodity == row.commodity.rawValue && $0.measure == .consumption } ?? {
                let at = (rows.lastIndex { $0.commodity == row.commodity.rawValue } ?? rows.count - 1) + 1
                rows.insert(Row(commodity: row.commodity.rawValue, name: dataset.commodity(row.commodity)?.name ?? row.commodity.rawValue,
                                measure: .consumption, basis: .derived, published: "", reason: "no official consumption", series: "",
                                source: row.source), at: at)
                return at
            }()
            rows[index].relianceLodestone = row.lodestone
            rows[index].relianceOfficial = row.official
            rows[index].relianceUsed = row.used
            rows[index].published += (rows[index].published.isEmpty ? "" : "; ") + "NIR \(row.published)"
            if !row.reason.isEmpty, !rows[index].reason.contains(row.reason) { rows[index].reason += "; NIR: \(row.reason)" }
        }
        self.rows = rows
        stages = Set(check.rows.map(\.commodity)).count
        let compared = check.compared
        self.compared = compared.count
        withinTolerance = compared.filter { Dataset.agrees($0.ratio!, 1) }.count
        beyondThree = compared.filter { max($0.ratio!, 1 / $0.ratio!) > 3 }.count
        usedWithinTolerance = compared.filter { row in row.used.map { Dataset.agrees($0, row.official!) } ?? false }.count
    }

    public var heading: String {
        let share = compared > 0 ? Double(withinTolerance) / Double(compared) : 0
        let within = "×" + ReportRenderer.plain(tolerance)
        return ([
            "\(importer.name) (\(importer.iso3)), \(year): Lodestone's figures (ours) beside the official statistics "
                + "(\(rows.first?.source ?? "USGS MCS")), content tonnes",
            "\(stages) stages · \(compared) figures compared · ours within \(within): \(withinTolerance) (\(ReportRenderer.format(share, .share))), "
                + "beyond ×3: \(beyondThree) · as used, within \(within): \(usedWithinTolerance)",
            "basis: official = the official total is used (trade keeps the split across partners); trade = ours; derived = from "
                + "those used. NIR = official net import reliance (ours and as used in CSV and JSON)",
        ] as [String]).flatMap(TradeBasisNote.wrap).joined(separator: "\n")
    }

    public var footer: String {
        let notes = rows.filter { row in row.ratio.map { !Dataset.agrees($0, 1) } ?? false }
            .flatMap { TradeBasisNote.wrap("\($0.commodity) \($0.measure.rawValue) ×\(ReportRenderer.format($0.ratio!, .score)): \($0.reason)") }
        return notes.isEmpty ? "" : (["outside ×\(ReportRenderer.plain(tolerance)), with the reason:"] + notes).joined(separator: "\n")
    }
}
