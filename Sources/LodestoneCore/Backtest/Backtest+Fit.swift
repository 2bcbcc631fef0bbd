/// Calibration of the market model on the `fit` observations, by grid search, so that anyone
/// can reproduce the bundled parameters (`lodestone backtest --fit`).
///
/// Fitted, each minimising the sum of squared log errors of its rows:
/// 1. on the outside-price rows, by coordinate descent (passes until nothing changes, each
///    parameter in turn on its grid with the others held): the short-run demand elasticity of each supply class (on
///    the rows of that class), then for all commodities the precautionary stock building, the
///    price-adjustment time and the announcement share of the price path;
/// 2. the inside stockpiling share ψ (one for all), on the inside-price rows, with step 1's values.
/// Everything else (supply elasticities, spare capacity, re-sourcing, stocks, licensing delay)
/// keeps its cited value. Commodity layers that set a fitted field themselves are left as they are.
public struct BacktestFit: Hashable, Sendable, Codable {
    public struct Choice: Hashable, Sendable, Codable {
        /// "by-product demandElasticity", "insideStockpilingShare".
        public var parameter: String
        public var value: Double
        public var rows: Int
        public var rmsLogErrorBefore: Double
        public var rmsLogErrorAfter: Double
    }

    /// Short-run demand elasticities of metals lie between about −0.05 and −0.5; the grid stays inside.
    public static let demandElasticityGrid: [Double] = [-0.05, -0.07, -0.1, -0.15, -0.2, -0.3, -0.5]
    /// Months of imports from the restricting countries added to stocks within a year: up to two
    /// (JOGMEC's standard national stock is 60 days of consumption; firms build less in a year).
    public static let precautionaryGrid: [Double] = [0, 0.25, 0.5, 1, 1.5, 2]
    public static let adjustmentGrid: [Double] = [0, 0.5, 1, 2, 3, 4, 6, 9, 12]
    public static let announcementGrid: [Double] = [0, 0.1, 0.2, 0.3, 0.5, 0.7, 1]
    public static let stockpilingGrid: [Double] = (0...19).map { Double($0) / 20 }

    public var choices: [Choice]
    /// The parameters with the fitted values in place.
    public var parameters: MarketParameters
}

extension Dataset {
    public func fitMarketModel(
        events: [ScenarioDefinition], observations: [PriceObservation], drops: [ExportDrop], parameters: MarketParameters
    ) throws(LodestoneError) -> BacktestFit {
        let fitRows = observations.filter { $0.role == .fit }
        var fitted = parameters, choices: [BacktestFit.Choice] = []

        func error(_ rows: [PriceObservation], _ candidate: MarketParameters) throws(LodestoneError) -> (Double, Int) {
            let result = try backtest(events: events, observations: rows, drops: drops, parameters: candidate)
            let sum = result.rows.reduce(0) { $0 + $1.logError * $1.logError }
            return (result.rows.isEmpty ? 0 : (sum / Double(result.rows.count)).squareRoot(), result.rows.count)
        }
        func classOf(_ observation: PriceObservation) -> Commodity.SupplyClass? {
            guard let definition = events.first(where: { $0.name == observation.event }),
                  let scenario = try? definition.resolve(in: self) else { return nil }
            let stage = scenario.controlledCommodities.compactMap { commodity($0) }.first { $0.id.rawValue == observation.commodity || $0.family == observation.commodity }
            return stage?.supplyClass
        }
        /// Sets one or more parameters jointly to their best grid point on `rows`; records one
        /// choice per parameter (same errors), replacing an earlier pass's.
        func search(_ names: [String], _ grid: [[Double]], on rows: [PriceObservation],
                    get: (MarketParameters) -> [Double], set: (inout MarketParameters, [Double]) -> Void) throws(LodestoneError) {
            guard !rows.isEmpty else { return }
            let (before, count) = try error(rows, fitted)
            var best = (value: get(fitted), error: before)
            for value in grid {
                var candidate = fitted
                set(&candidate, value)
                let e = try error(rows, candidate).0
                if e < best.error - 1e-12 { best = (value, e) }
            }
            set(&fitted, best.value)
            choices.removeAll { names.contains($0.parameter) }
            for (name, value) in zip(names, best.value) {
                choices.append(.init(parameter: name, value: value, rows: count, rmsLogErrorBefore: before, rmsLogErrorAfter: best.error))
            }
        }

        let outside = fitRows.filter { $0.market == .outside }
        var firstBefore: [String: Double] = [:]
        func remember() { for c in choices where firstBefore[c.parameter] == nil { firstBefore[c.parameter] = c.rmsLogErrorBefore } }
        // Passes until a whole pass changes nothing (at most 10), so rerunning the fit on its own
        // result gives the same parameters.
        for _ in 0..<10 {
            let start = fitted
            for supplyClass in Commodity.SupplyClass.allCases {
                try search(["\(supplyClass.rawValue) demandElasticity"], BacktestFit.demandElasticityGrid.map { [$0] },
                           on: outside.filter { classOf($0) == supplyClass },
                           get: { [$0.entry(classDefault: supplyClass).demandElasticity] },
                           set: { $0.classes[supplyClass.rawValue, default: .init(source: "")].demandElasticity = $1[0] })
            }
            try search(["precautionaryMonths"], BacktestFit.precautionaryGrid.map { [$0] }, on: outside,
                       get: { [$0.defaults.precautionaryMonths] }, set: { $0.defaults.precautionaryMonths = $1[0] })
            // The path's two parameters act only together (τ = 0 or a = 1 is no path): searched jointly.
            try search(["priceAdjustmentMonths", "announcementShare"],
                       BacktestFit.adjustmentGrid.flatMap { tau in BacktestFit.announcementGrid.map { [tau, $0] } }, on: outside,
                       get: { [$0.defaults.priceAdjustmentMonths, $0.defaults.announcementShare] },
                       set: { $0.defaults.priceAdjustmentMonths = $1[0]; $0.defaults.announcementShare = $1[1] })
            remember()
            if fitted == start { break }
        }
        // Each choice's error before the whole search, not before its second pass.
        for i in choices.indices { choices[i].rmsLogErrorBefore = firstBefore[choices[i].parameter] ?? choices[i].rmsLogErrorBefore }

        try search(["insideStockpilingShare"], BacktestFit.stockpilingGrid.map { [$0] }, on: fitRows.filter { $0.market == .inside },
                   get: { [$0.defaults.insideStockpilingShare] }, set: { $0.defaults.insideStockpilingShare = $1[0] })
        return BacktestFit(choices: choices, parameters: fitted)
    }
}

extension MarketParameters {
    /// The defaults with one class's layer applied.
    func entry(classDefault supplyClass: Commodity.SupplyClass) -> Entry {
        classes[supplyClass.rawValue].map { defaults.applying($0, named: supplyClass.rawValue) } ?? defaults
    }
}
