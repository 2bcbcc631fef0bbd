import LodestoneCore

extension Engine {
    /// Runs every observation's event with the bundled presets, observations, export drops and
    /// market parameters. Takes seconds, not milliseconds: a server runs it off its event loop,
    /// and once `cancellation` is set it stops before its next observation.
    public func backtest(cancellation: CancellationFlag? = nil) throws(EngineError) -> BacktestReport {
        let result: Backtest
        do {
            result = try dataset.backtest(events: presets, observations: observations, drops: exportDrops, parameters: parameters,
                                          cancellation: cancellation)
        } catch { throw EngineError(error) }
        let rows = result.rows.map { r in
            BacktestReport.Row(event: r.event, commodity: r.commodity.rawValue, name: dataset.commodity(r.commodity)?.name ?? r.commodity.rawValue,
                               market: r.market.rawValue, role: r.role.rawValue, baseYear: r.baseYear, tradeYear: r.tradeYear,
                               severity: r.severity, severitySource: r.severitySource, horizonMonths: r.observation.horizonMonths,
                               equilibriumChange: r.equilibriumChange, modelChange: r.modelChange,
                               observedChange: r.observedChange, logError: r.logError,
                               observedBasis: "\(r.observation.priceBasis), \(r.observation.dateBefore)–\(r.observation.dateAfter)",
                               source: r.observation.source, url: r.observation.url, note: r.note)
        }
        return BacktestReport(
            parametersVersion: result.parametersVersion, rows: rows,
            summaries: result.summaries,
            notAssessed: result.notAssessed.map { NotAssessedItem(commodity: nil, name: nil, reason: $0) })
    }
}

extension Engine {
    /// Reruns the calibration of the demand elasticities and ψ on the `fit` observations.
    public func backtestFit() throws(EngineError) -> BacktestFitReport {
        let fit: BacktestFit
        do {
            fit = try dataset.fitMarketModel(events: presets, observations: observations, drops: exportDrops, parameters: parameters)
        } catch { throw EngineError(error) }
        return BacktestFitReport(rows: fit.choices.map { .init(parameter: $0.parameter, value: $0.value, rows: $0.rows,
                                                               rmsLogErrorBefore: $0.rmsLogErrorBefore, rmsLogErrorAfter: $0.rmsLogErrorAfter) },
                                 parameters: fit.parameters)
    }
}
