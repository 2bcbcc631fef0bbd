import LodestoneCore

/// Every real-event preset run at its base year, beside the observed price changes.
public struct BacktestReport: TabularReport, Hashable {
    public struct Row: Sendable, Hashable, Codable {
        public var event: String
        public var commodity: String
        public var name: String
        /// "outside" or "inside" the restricting countries.
        public var market: String
        /// "fit" rows calibrate the model; "test" rows only check it.
        public var role: String
        public var baseYear: Int
        public var tradeYear: Int
        public var severity: Double
        public var severitySource: String
        /// Months between the observed prices.
        public var horizonMonths: Double
        /// The model's annual equilibrium move; `modelChange` is the part reached at the horizon.
        public var equilibriumChange: Double
        public var modelChange: Double
        public var observedChange: Double
        /// ln(1 + model) − ln(1 + observed).
        public var logError: Double
        public var observedBasis: String
        public var source: String
        public var url: String
        public var note: String?
    }

    public var parametersVersion: String
    public var rows: [Row]
    /// Agreement by role, as Core computes it.
    public var summaries: [Backtest.Summary]
    public var notAssessed: [NotAssessedItem]
    public var columns: [Column] = [
        Column("event", "event", .text), Column("name", "commodity", .text), Column("market", "market", .text), Column("role", "role", .text),
        Column("baseYear", "base year", .year), Column("tradeYear", "trade year", .year), Column("severity", "severity", .share),
        Column("horizonMonths", "months", .score), Column("equilibriumChange", "equilibrium", .change), Column("modelChange", "model", .change),
        Column("observedChange", "observed", .change), Column("logError", "log error", .score), Column("observedBasis", "observed basis", .text),
    ]

    public var heading: String { "Backtest of the market model (parameters \(parametersVersion))" }

    public var footer: String {
        var lines = [
            "trade year ≠ base year: the base year has no assessable trade for that stage, so the nearest year is used.",
            "log error = ln(1 + model) − ln(1 + observed); severity from observed export drops where on record.",
            "model = the year's equilibrium move × the share of it reached after 'months' (the price path); another model's result is set beside the equilibrium.",
        ]
        for s in summaries {
            lines.append("\(s.role.rawValue): \(s.rows) rows, RMS log error \(ReportRenderer.format(s.rmsLogError, .score)), "
                         + "same direction \(s.sameDirection)/\(s.rows), within a factor of two \(s.withinFactorTwo)/\(s.rows)")
        }
        return lines.joined(separator: "\n")
    }
}

/// The calibration rerun: each fitted parameter with the error before and after.
public struct BacktestFitReport: TabularReport, Hashable {
    public struct Row: Sendable, Hashable, Codable {
        public var parameter: String
        public var value: Double
        public var rows: Int
        public var rmsLogErrorBefore: Double
        public var rmsLogErrorAfter: Double
    }

    public var rows: [Row]
    /// The parameters with the fitted values in place (the format of the bundled file).
    public var parameters: MarketParameters
    public var columns: [Column] = [
        Column("parameter", "parameter", .text), Column("value", "value", .score), Column("rows", "rows", .count),
        Column("rmsLogErrorBefore", "RMS log error before", .score), Column("rmsLogErrorAfter", "after", .score),
    ]

    public var heading: String { "Market model fitted on the 'fit' observations (grid search, in order)" }
}
