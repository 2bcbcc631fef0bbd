/// Calibration of the market model on the `fit` observations, by grid search, so that anyone
/// can reproduce the bundled parameters (`lodestone backtest --fit`).
///
/// Fitted, in this order, each minimising the sum of squared log errors of its rows:
/// 1. the short-run demand elasticity of each supply class (main products, by-products), on the
///    outside-price rows of commodities of that class;
/// 2. the inside stockpiling share ψ (one for all), on the inside-price rows, with the
///    elasticities of step 1.
/// Everything else (supply elasticities, spare capacity, re-sourcing, stocks) keeps its cited
/// value. Commodity layers that set a demand elasticity themselves are left as they are.
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
            guard let definition = events.first(where: { $0.name == observation.event }) else { return nil }
            let ids = definition.commodities.compactMap { try? resolveCommodity($0).id }
            let stage = ids.compactMap { commodity($0) }.first { $0.id.rawValue == observation.commodity || $0.family == observation.commodity }
            return stage?.supplyClass
        }

        for supplyClass in Commodity.SupplyClass.allCases {
            let rows = fitRows.filter { $0.market == .outside && classOf($0) == supplyClass }
            guard !rows.isEmpty else { continue }
            let before = try error(rows, fitted).0
            var best = (value: fitted.entry(classDefault: supplyClass).demandElasticity, error: before, count: 0)
            for value in BacktestFit.demandElasticityGrid {
                var candidate = fitted
                candidate.classes[supplyClass.rawValue, default: .init(source: "")].demandElasticity = value
                let (e, count) = try error(rows, candidate)
                if e < best.error - 1e-12 || best.count == 0 { best = (value, e, count) }
            }
            fitted.classes[supplyClass.rawValue, default: .init(source: "")].demandElasticity = best.value
            choices.append(.init(parameter: "\(supplyClass.rawValue) demandElasticity", value: best.value, rows: best.count,
                                 rmsLogErrorBefore: before, rmsLogErrorAfter: best.error))
        }

        let inside = fitRows.filter { $0.market == .inside }
        if !inside.isEmpty {
            let before = try error(inside, fitted).0
            var best = (value: fitted.defaults.insideStockpilingShare, error: before, count: 0)
            for value in BacktestFit.stockpilingGrid {
                var candidate = fitted
                candidate.defaults.insideStockpilingShare = value
                let (e, count) = try error(inside, candidate)
                if e < best.error - 1e-12 || best.count == 0 { best = (value, e, count) }
            }
            fitted.defaults.insideStockpilingShare = best.value
            choices.append(.init(parameter: "insideStockpilingShare", value: best.value, rows: best.count,
                                 rmsLogErrorBefore: before, rmsLogErrorAfter: best.error))
        }
        return BacktestFit(choices: choices, parameters: fitted)
    }
}

extension MarketParameters {
    /// The defaults with one class's layer applied.
    func entry(classDefault supplyClass: Commodity.SupplyClass) -> Entry {
        classes[supplyClass.rawValue].map { defaults.applying($0, named: supplyClass.rawValue) } ?? defaults
    }
}
