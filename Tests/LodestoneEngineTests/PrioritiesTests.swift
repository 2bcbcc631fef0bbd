import Foundation
import LodestoneCore
import LodestoneEngine
import Testing

/// `Engine.priorities`: the ranking, its uncertainty, the not-assessed stages, the limits and
/// cancellation, on the bundled snapshot.
@Suite struct PrioritiesTests {
    let engine = Shared.engine

    func request(_ importer: String = "JPN", commodities: [String] = ["gallium", "graphite", "rare-earth", "cobalt"],
                 draws: Int = 3_200, seed: UInt64 = 7) -> PrioritiesRequest {
        PrioritiesRequest(importer: importer, year: 2024, commodities: commodities, draws: draws, seed: seed)
    }

    @Test func rowsAreRankedByLossShareWithStandardErrorsAndTiers() throws {
        let report = try engine.priorities(request())
        #expect(report.importer.id == "JPN" && report.year == 2024 && report.draws == 3_200 && report.blocks == 32)
        #expect(report.rows.map(\.rank) == Array(1...report.rows.count))
        for (a, b) in zip(report.rows, report.rows.dropFirst()) { #expect(a.expectedLossShare >= b.expectedLossShare) }
        for row in report.rows {
            #expect(row.expectedLossShareStandardError >= 0 && row.expectedShortfallShareStandardError >= 0)
            #expect((0...1).contains(row.tierConfidence))
            #expect(row.tier == PriorityTier(expectedLossShare: row.expectedLossShare))
            #expect(row.cvar95LossUSD >= row.p95LossUSD - 1e-6 * max(1, row.p95LossUSD), "CVaR95 is the mean beyond P95")
            #expect(row.drivers.count <= 3)
            #expect(row.topDriver?.code == row.drivers.first?.exporter.rawValue)
        }
        let gallium = try #require(report.rows.first { $0.commodity == "gallium:refined" })
        #expect(gallium.topDriver?.iso3 == "CHN")
        #expect(gallium.geoPolRiskScore != nil && gallium.geoPolRiskNotAssessed == nil)
    }

    @Test func columnsDeclareUnitsAndTheTableFitsA100ColumnTerminal() throws {
        let report = try engine.priorities(request())
        let units = Dictionary(report.columns.map { ($0.key, $0.unit) }, uniquingKeysWith: { a, _ in a })
        #expect(units["expectedLossShare"] == .share && units["expectedLossShareStandardError"] == .share)
        #expect(units["cvar95LossUSD"] == .usd && units["p95ShortfallTonnes"] == .tonnes && units["topDriver"] == .country)
        let table = try ReportRenderer.render(report, as: .table)
        #expect(table.split(separator: "\n").allSatisfy { $0.count <= 100 })
        #expect(table.contains("gallium:refined") && table.contains("CHN"))
        let csv = try ReportRenderer.render(report, as: .csv)
        #expect(csv.hasPrefix("rank,commodity,name,tier,tierConfidence,expectedLossShare,expectedLossShareStandardError,"))
    }

    @Test func sameSeedSameBytesAnotherSeedAnotherSample() throws {
        let a = try ReportRenderer.json(engine.priorities(request()))
        #expect(a == (try ReportRenderer.json(engine.priorities(request()))))
        #expect(a != (try ReportRenderer.json(engine.priorities(request(seed: 8)))))
    }

    @Test func stagesWithoutAnAnswerAreListedWithTheirReason() throws {
        let report = try engine.priorities(request("USA", commodities: ["gallium", "tungsten:mine", "gold"]))
        #expect(report.rows.map(\.commodity) == ["gallium:refined"])
        #expect(report.notAssessed.map(\.commodity) == ["tungsten:mine", "gold:mine"])
        #expect(report.notAssessed.allSatisfy { !$0.reason.isEmpty && $0.name != nil })
    }

    @Test func nothingAssessableIsNoData() {
        #expect {
            try engine.priorities(request(commodities: ["gold"]))
        } throws: { error in
            guard let error = error as? EngineError else { return false }
            return error.kind == .noData && error.message.contains("nothing to assess") && error.message.contains("gold:mine")
        }
    }

    @Test(arguments: [
        (0, "must be at least 1"),
        (20_000_000, "over the 1024 MB limit"),
    ])
    func badDrawsAreUsageErrors(draws: Int, phrase: String) {
        #expect {
            try engine.priorities(PrioritiesRequest(importer: "USA", draws: draws))
        } throws: { error in
            guard let error = error as? EngineError else { return false }
            return error.kind == .usage && error.message.contains(phrase)
        }
    }

    @Test func aServerRefusesDrawsOverItsLimitBeforeAnyWork() {
        let server = Engine(dataset: engine.dataset, parameters: engine.parameters, presets: engine.presets,
                            observations: engine.observations, exportDrops: engine.exportDrops, limits: .server)
        #expect {
            try server.priorities(request(draws: EngineLimits.server.maxDraws + 1))
        } throws: { error in
            guard let error = error as? EngineError else { return false }
            return error.kind == .usage && error.message.contains("limit of 1000000")
        }
    }

    @Test func misspelledNamesGetSuggestions() {
        #expect {
            try engine.priorities(request("Jpan"))
        } throws: { ($0 as? EngineError)?.message.contains("did you mean Japan (JPN)") == true }
        #expect {
            try engine.priorities(request(commodities: ["galium"]))
        } throws: { ($0 as? EngineError)?.kind == .usage }
    }

    /// Cancelled on its task's cancellation, as the server does: a run of every stage at
    /// 5 million draws takes far longer than the test waits, so it can only end early by
    /// noticing the flag, and it then throws instead of returning partial figures. The wait is
    /// short (50 ms): on a loaded machine a longer sleep could wake only after the run ended.
    @Test func aCancelledRequestStopsWithACancellationError() async throws {
        let flag = CancellationFlag()
        let engine = engine
        let task = Task.detached {
            await withTaskCancellationHandler {
                Result { () throws(EngineError) in try engine.priorities(PrioritiesRequest(importer: "USA", draws: 5_000_000), cancellation: flag) }
            } onCancel: {
                flag.cancel()
            }
        }
        try await Task.sleep(for: .milliseconds(50))
        task.cancel()
        let outcome = await task.value
        #expect(flag.isCancelled)
        #expect {
            try outcome.get()
        } throws: { error in
            (error as? EngineError)?.message == LodestoneError.cancelled.description
        }
    }
}
