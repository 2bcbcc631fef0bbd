import Foundation

/// The market model run on real events and set beside what prices did.
///
/// Each observation names an event (a preset) and a commodity. The preset runs on the trade of
/// its base year (the last full year before the event; a commodity without assessable trade
/// that year uses its nearest year, and the row says so) for that commodity alone, at its
/// effective severity: the mean observed year-on-year fall of exports in the first year
/// (`ExportDrop.effectiveSeverity`), or the preset's own severity where no fall is on record.
/// Another model's result (`market == .model`) is compared with a complete restriction
/// (severity 1, all importers targeted). An observed spot price is compared with the model's
/// equilibrium move times its path share at the observation's horizon (`pricePath`): a price
/// quoted ten days after a control has not yet made the year's move. Another model's
/// equilibrium is compared with the model's equilibrium.
///
/// The error of a row is ln(1 + model) − ln(1 + observed): symmetric in ratios, so +100 % against
/// +50 % weighs like +50 % against +100 %.
public struct Backtest: Hashable, Sendable, Codable {
    public struct Row: Hashable, Sendable, Codable {
        public var event: String
        public var commodity: CommodityID
        public var market: PriceObservation.Market
        public var role: PriceObservation.Role
        public var baseYear: Int
        public var tradeYear: Int
        public var severity: Double
        /// "observed export drops (4)" or "preset".
        public var severitySource: String
        /// The model's annual equilibrium move, and the share of it reached at the horizon.
        public var equilibriumChange: Double
        public var pathShare: Double
        public var modelChange: Double
        public var observedChange: Double
        public var logError: Double
        public var observation: PriceObservation
        public var note: String?
    }

    /// Agreement over the rows of one role.
    public struct Summary: Hashable, Sendable, Codable {
        public var role: PriceObservation.Role
        public var rows: Int
        /// Root mean square of the log errors.
        public var rmsLogError: Double
        /// Rows where model and observation move the same way (both up, both down, or both within ±2 %).
        public var sameDirection: Int
        /// Rows where the model is within a factor of two of the observed (1 + change).
        public var withinFactorTwo: Int
    }

    public var parametersVersion: String
    public var rows: [Row]
    public var summaries: [Summary]
    /// Observations that could not be run, with the reason.
    public var notAssessed: [String]

    public init(parametersVersion: String, rows: [Row], notAssessed: [String]) {
        self.parametersVersion = parametersVersion
        self.rows = rows
        self.notAssessed = notAssessed
        summaries = PriceObservation.Role.allCases.compactMap { role in
            let chosen = rows.filter { $0.role == role }
            guard !chosen.isEmpty else { return nil }
            func direction(_ x: Double) -> Int { x > 0.02 ? 1 : x < -0.02 ? -1 : 0 }
            return Summary(
                role: role, rows: chosen.count,
                rmsLogError: (chosen.reduce(0) { $0 + $1.logError * $1.logError } / Double(chosen.count)).squareRoot(),
                sameDirection: chosen.filter { direction($0.modelChange) == direction($0.observedChange) }.count,
                withinFactorTwo: chosen.filter { abs($0.logError) <= log(2) }.count)
        }
    }
}

extension Dataset {
    /// Runs every observation's event and commodity; see `Backtest`. Once `cancellation` is set
    /// it stops before the next observation and throws `.cancelled`.
    public func backtest(
        events: [ScenarioDefinition], observations: [PriceObservation], drops: [ExportDrop], parameters: MarketParameters,
        cancellation: CancellationFlag? = nil
    ) throws(LodestoneError) -> Backtest {
        try parameters.validate()
        guard let latest = tradeYears.last else { throw .noTrade(year: 0, available: []) }
        var rows: [Backtest.Row] = [], skipped: [String] = []
        for (index, observation) in observations.enumerated() {
            try cancellation.check()
            // Each event's scenario run sets its own stage; the backtest's position is in the name.
            cancellation?.begin("backtest: observation \(index + 1) of \(observations.count), \(observation.event)", total: observations.count)
            cancellation?.advance(by: index)
            let label = "\(observation.event) \(observation.commodity) \(observation.market.rawValue) (\(observation.dateAfter))"
            guard let definition = events.first(where: { $0.name == observation.event }) else {
                skipped.append("\(label): no preset named \(observation.event)")
                continue
            }
            do {
                let row = try backtestRow(observation, definition: definition, drops: drops, parameters: parameters, latest: latest)
                rows.append(row)
            } catch {
                skipped.append("\(label): \(error.description)")
            }
        }
        return Backtest(parametersVersion: parameters.version, rows: rows, notAssessed: skipped)
    }

    private func backtestRow(
        _ observation: PriceObservation, definition: ScenarioDefinition, drops: [ExportDrop], parameters: MarketParameters, latest: Int
    ) throws(LodestoneError) -> Backtest.Row {
        let full = try definition.resolve(in: self)
        // The preset's stage for the observed commodity (family or stage id), in the preset's order;
        // a stage listed at severity 0 is not controlled (only its output change applies).
        guard let id = full.controlledCommodities.first(where: { id in
            id.rawValue == observation.commodity || commodity(id)?.family == observation.commodity
        }), let info = commodity(id) else {
            throw .invalidParameter("the preset names no stage of \(observation.commodity)")
        }
        var scenario = full
        scenario.commodities = [id]
        let severity: Double, source: String
        if observation.market == .model {
            (scenario.targets, severity, source) = (.everyone, 1, "complete restriction")
        } else if let observed = ExportDrop.effectiveSeverity(in: drops, event: observation.event, commodity: info) {
            (severity, source) = (observed.severity, "observed export drops (\(observed.observations))")
        } else {
            (severity, source) = (full.severity(of: id), "preset")
        }
        let baseYear = definition.baseYear(latest: latest)
        let outcome = try run(scenario, year: baseYear, for: [], parameters: parameters, yearFallback: true, severities: [id: severity])
        guard let market = outcome.markets.first else {
            throw .invalidParameter(outcome.notAssessed.first?.reason ?? "not assessable")
        }
        let equilibrium = observation.market == .inside ? market.priceChangeInside : market.priceChangeOutside
        let path = observation.market == .model ? 1 : market.parameters.pricePath(months: observation.horizonMonths)
        let model = equilibrium * path
        return Backtest.Row(
            event: observation.event, commodity: id, market: observation.market, role: observation.role, baseYear: baseYear,
            tradeYear: market.tradeYear, severity: severity, severitySource: source, equilibriumChange: equilibrium,
            pathShare: path, modelChange: model,
            observedChange: observation.change, logError: log1p(model) - log1p(observation.change), observation: observation,
            note: market.note)
    }
}
