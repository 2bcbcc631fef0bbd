import LodestoneCore

/// The bundled real-event presets.
public struct ScenarioListReport: TabularReport, Hashable {
    public struct Row: Sendable, Hashable, Codable {
        public var name: String
        public var title: String
        public var effective: String?
        public var restricting: [String]
        public var commodities: [String]
        public var targets: String
        public var severity: Double
        public var extraterritorial: Bool
        /// The year a run uses by default: the last full year before the event.
        public var baseYear: Int
    }

    public var rows: [Row]
    public var columns: [Column] = [
        Column("name", "name", .text), Column("effective", "effective", .text), Column("restricting", "restricting", .text),
        Column("commodities", "commodities", .text), Column("targets", "targets", .text), Column("severity", "severity", .share),
        Column("extraterritorial", "extraterritorial", .flag), Column("baseYear", "base year", .year),
    ]

    public var heading: String { "\(rows.count) real-event presets" }
}
