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
        /// The severity each commodity is run at, where the preset sets its own (observed
        /// effective severities): "heavy-rare-earth 93 %, rare-earth:component 68 %"; else the severity.
        public var severitiesUsed: String
        public var extraterritorial: Bool
        /// How long a run lasts unless told otherwise (the preset's own duration, else a year).
        public var durationYears: Double
        /// The year a run uses by default: the last full year before the event.
        public var baseYear: Int
    }

    public var rows: [Row]
    public var columns: [Column] = [
        Column("name", "name", .text), Column("effective", "effective", .text), Column("restricting", "restricting", .text),
        Column("commodities", "commodities", .text), Column("targets", "targets", .text), Column("severitiesUsed", "severity as run", .text),
        Column("extraterritorial", "extraterritorial", .flag), Column("durationYears", "years", .years), Column("baseYear", "base year", .year),
    ]

    public var heading: String { "\(rows.count) real-event presets (severity as run: each commodity's observed effective severity where the preset gives one)" }
}
