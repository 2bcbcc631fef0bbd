import Foundation
import LodestoneCore
import LodestoneStore
import LodestoneTestSupport
import Testing

/// The bundled observations, the calibration they give, and the backtest on the bundled data.
@Suite struct BacktestLibraryTests {
    @Test func bundledObservationsLoadWithSources() throws {
        let observations = try BacktestLibrary.priceObservations()
        let drops = try BacktestLibrary.exportDrops()
        #expect(observations.filter { $0.role == .fit }.count >= 7 && observations.filter { $0.role == .test }.count >= 8)
        #expect(observations.allSatisfy { !$0.source.isEmpty && $0.url.hasPrefix("http") && !$0.reliability.isEmpty })
        #expect(drops.allSatisfy { !$0.source.isEmpty && (-1...1).contains($0.change) })
        let presets = Set(try ScenarioLibrary.presets().map(\.name))
        #expect(Set(observations.map(\.event) + drops.map(\.event)).isSubset(of: presets), "every observation names a preset")
    }

    @Test func presetSeveritiesAreTheObservedEffectiveSeverities() throws {
        let dataset = Fixtures.bundledDataset
        let drops = try BacktestLibrary.exportDrops()
        var checked = 0
        for preset in try ScenarioLibrary.presets() {
            let scenario = try preset.resolve(in: dataset)
            for id in scenario.commodities {
                guard let observed = ExportDrop.effectiveSeverity(in: drops, event: preset.name, commodity: dataset.commodity(id)!) else { continue }
                #expect(abs(scenario.severity(of: id) - observed.severity) < 0.006, "\(preset.name) \(id): preset \(scenario.severity(of: id)), observed \(observed.severity)")
                checked += 1
            }
        }
        #expect(checked >= 6)
    }

    @Test func backtestRunsEveryObservationAndFitsTheCalibrationRows() throws {
        let dataset = Fixtures.bundledDataset
        let presets = try ScenarioLibrary.presets()
        let report = try dataset.backtest(events: presets, observations: try BacktestLibrary.priceObservations(),
                                          drops: try BacktestLibrary.exportDrops(), parameters: try ScenarioLibrary.marketParameters())
        #expect(report.notAssessed.isEmpty, "\(report.notAssessed)")
        // The inside price falls, unless the restricting country cut its own output at the same time
        // (China's 2025 tungsten quota): then it may rise, as China's APT did.
        func cut(_ row: Backtest.Row) throws -> Bool {
            let preset = try #require(presets.first { $0.name == row.event })
            return (try preset.resolve(in: dataset).outputChangeByCommodity[row.commodity] ?? 0) < 0
        }
        for row in report.rows where row.market == .inside { #expect(try row.modelChange <= 0 || cut(row), "\(row.event) \(row.commodity)") }
        let quota = try #require(report.rows.first { $0.event == "china-tungsten-2025" && $0.commodity.rawValue.hasPrefix("tungsten") && $0.market == .inside })
        #expect(quota.modelChange > 0 && quota.observedChange > 0, "China's quota cut raises its domestic APT price, as observed")
        for row in report.rows where row.market != .inside { #expect(row.modelChange >= 0) }
        let fit = try #require(report.summaries.first { $0.role == .fit })
        #expect(fit.rmsLogError < 0.35 && fit.withinFactorTwo == fit.rows, "fit rows: RMS log error \(fit.rmsLogError)")
        // A ban on one buyer (China on the US, December 2024) is not fully diverted: licences
        // delay deliveries to other buyers and they stock up, so the outside price rises, as observed.
        let ban = try #require(report.rows.first { $0.event == "china-us-ban-2024" && $0.commodity.rawValue.hasPrefix("gallium") })
        #expect(ban.observedChange > 0 && ban.modelChange > 0.005)
    }

    @Test func theBundledParametersAreWhatTheFitGives() throws {
        let dataset = Fixtures.bundledDataset
        let bundled = try ScenarioLibrary.marketParameters()
        let fit = try dataset.fitMarketModel(events: try ScenarioLibrary.presets(), observations: try BacktestLibrary.priceObservations(),
                                             drops: try BacktestLibrary.exportDrops(), parameters: bundled)
        #expect(fit.choices.count == 6)
        #expect(fit.parameters == bundled, "rerun 'lodestone backtest --fit' and copy its values into market-parameters.json")
    }

    @Test func malformedObservationFilesSayWhereAndWhat() throws {
        let file = Fixtures.temporaryDirectory().appendingPathComponent("obs.csv").path
        let header = "event,commodity,market,role,horizon_months,date_before,date_after,price_basis,change_pct,source,url,reliability,note\n"
        FileManager.default.createFile(atPath: file, contents: Data((header + "e,gallium,abroad,fit,1,,,x,10,s,u,r,\n").utf8))
        #expect { try BacktestLibrary.priceObservations(at: file) } throws: { "\($0)".contains("obs.csv:2") && "\($0)".contains("market 'abroad'") }
        FileManager.default.createFile(atPath: file, contents: Data((header + "e,gallium,outside,fit,1,,,x,-120,s,u,r,\n").utf8))
        #expect { try BacktestLibrary.priceObservations(at: file) } throws: { "\($0)".contains("above −100") }
        FileManager.default.createFile(atPath: file, contents: Data("event,commodity\ne,g\n".utf8))
        #expect { try BacktestLibrary.priceObservations(at: file) } throws: { "\($0)".contains("missing column 'market'") }
    }
}
