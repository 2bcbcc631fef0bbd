import Foundation

/// Calibration of the market model on the `fit` observations, by grid search, so that anyone
/// can reproduce the bundled parameters (`lodestone backtest --fit`).
///
/// Fitted, each minimising the sum of squared log errors of its rows:
/// 1. on the outside-price rows, jointly over every point of their grids: the short-run demand
///    elasticity of each supply class that has such rows, the precautionary stock building, and
///    the price-adjustment time and announcement share of the price path (the markets clear once
///    per elasticity and stock-building pair; the path only scales each row's equilibrium);
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
        try fitOutside(outside, events: events, drops: drops, fitted: &fitted, choices: &choices, error: error, classOf: classOf)

        try search(["insideStockpilingShare"], BacktestFit.stockpilingGrid.map { [$0] }, on: fitRows.filter { $0.market == .inside },
                   get: { [$0.defaults.insideStockpilingShare] }, set: { $0.defaults.insideStockpilingShare = $1[0] })
        return BacktestFit(choices: choices, parameters: fitted)
    }
}

extension Dataset {
    /// Step 1 of the fit: every grid point of (class elasticities, precautionary months, τ, a) on
    /// the outside rows. The markets clear once per elasticity and stock-building point; each
    /// (τ, a) then rescales the rows' equilibria by their price path. Ties keep the earlier point
    /// (grids in their order), so the result does not depend on the parameters it starts from.
    fileprivate func fitOutside(
        _ rows: [PriceObservation], events: [ScenarioDefinition], drops: [ExportDrop], fitted: inout MarketParameters,
        choices: inout [BacktestFit.Choice],
        error: ([PriceObservation], MarketParameters) throws(LodestoneError) -> (Double, Int),
        classOf: (PriceObservation) -> Commodity.SupplyClass?
    ) throws(LodestoneError) {
        guard !rows.isEmpty else { return }
        let (before, count) = try error(rows, fitted)
        let classes = Commodity.SupplyClass.allCases.filter { c in rows.contains { classOf($0) == c } }
        var elasticityPoints: [[Double]] = [[]]
        for _ in classes { elasticityPoints = elasticityPoints.flatMap { p in BacktestFit.demandElasticityGrid.map { p + [$0] } } }
        let paths = BacktestFit.adjustmentGrid.flatMap { tau in BacktestFit.announcementGrid.map { (tau, $0) } }
        var best: (candidate: MarketParameters, values: [Double], error: Double)?
        for elasticities in elasticityPoints {
            for months in BacktestFit.precautionaryGrid {
                var candidate = fitted
                for (supplyClass, value) in zip(classes, elasticities) {
                    candidate.classes[supplyClass.rawValue, default: .init(source: "")].demandElasticity = value
                }
                candidate.defaults.precautionaryMonths = months
                let run = try backtest(events: events, observations: rows, drops: drops, parameters: candidate).rows
                for (tau, share) in paths {
                    var entry = candidate.defaults
                    entry.priceAdjustmentMonths = tau
                    entry.announcementShare = share
                    let sum = run.reduce(0.0) { total, row in
                        let model = row.equilibriumChange * entry.pricePath(months: row.observation.horizonMonths, noticeMonths: row.noticeMonths)
                        let e = log1p(model) - log1p(row.observedChange)
                        return total + e * e
                    }
                    let rms = (sum / Double(max(1, run.count))).squareRoot()
                    if best == nil || rms < best!.error - 1e-12 {
                        var chosen = candidate
                        chosen.defaults.priceAdjustmentMonths = tau
                        chosen.defaults.announcementShare = share
                        best = (chosen, elasticities + [months, tau, share], rms)
                    }
                }
            }
        }
        guard let best else { return }
        fitted = best.candidate
        let names = classes.map { "\($0.rawValue) demandElasticity" } + ["precautionaryMonths", "priceAdjustmentMonths", "announcementShare"]
        let after = try error(rows, fitted).0
        choices.removeAll { names.contains($0.parameter) }
        for (name, value) in zip(names, best.values) {
            choices.append(.init(parameter: name, value: value, rows: count, rmsLogErrorBefore: before, rmsLogErrorAfter: after))
        }
    }
}

extension MarketParameters {
    /// The defaults with one class's layer applied.
    func entry(classDefault supplyClass: Commodity.SupplyClass) -> Entry {
        classes[supplyClass.rawValue].map { defaults.applying($0, named: supplyClass.rawValue) } ?? defaults
    }
}
