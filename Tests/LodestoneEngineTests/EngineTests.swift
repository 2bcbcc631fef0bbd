import Foundation
import LodestoneCore
import LodestoneEngine
import Testing

/// One engine on the bundled snapshot, shared by every test (reading it takes a few seconds).
enum Shared {
    static let engine: Engine = {
        do { return try Engine.bundledSnapshot() } catch { fatalError("bundled snapshot: \(error)") }
    }()
}

@Suite struct EngineTests {
    let engine = Shared.engine

    @Test func riskRanksByScoreAndNamesTheImporter() throws {
        let report = try engine.risk(RiskRequest(importer: "JPN", year: 2022))
        #expect(report.importer.id == "JPN")
        #expect(report.importer.members == [CountryRef(code: 392, iso3: "JPN", name: "Japan")])
        #expect(!report.rows.isEmpty)
        #expect(report.rows.map(\.rank) == Array(1...report.rows.count))
        for (a, b) in zip(report.rows, report.rows.dropFirst()) { #expect(a.score >= b.score) }
        // Stages without trade codes are listed with a reason, not dropped and not zero.
        #expect(report.notAssessed.allSatisfy { !$0.reason.isEmpty && $0.commodity != nil })
    }

    /// Every answer built on trade says which nomenclature and release it used, and how a code
    /// shared by several metals was split: in JSON per commodity, in a table's notes.
    @Test func everyTradeAnswerCarriesItsTradeBasis() throws {
        func json(_ report: some Encodable) throws -> [String: Any] {
            try #require(JSONSerialization.jsonObject(with: JSONEncoder().encode(report)) as? [String: Any])
        }
        func basis(_ object: Any?) -> [String: Any]? { object as? [String: Any] }

        let risk = try engine.risk(RiskRequest(importer: "USA", year: 2024, commodities: ["gallium", "cobalt"]))
        let riskRows = try #require(try json(risk)["rows"] as? [[String: Any]])
        #expect(riskRows.count == 2 && riskRows.allSatisfy { basis($0["tradeBasis"])?["nomenclature"] != nil })
        #expect(risk.rows.first { $0.commodity == "gallium:refined" }?.tradeBasis?.sharedCode == "HS17 811292")
        #expect(risk.footer.contains("HS17 811292 is split among gallium:refined, germanium:refined"))
        #expect(risk.footer.split(separator: "\n").allSatisfy { $0.count <= 100 })

        let suppliers = try json(try engine.suppliers(SuppliersRequest(importer: "JPN", commodity: "gallium", year: 2024)))
        #expect(basis(suppliers["tradeBasis"])?["nomenclature"] as? String == "HS17")
        #expect(basis(suppliers["tradeBasis"])?["allocation"] as? String != nil)
        // Every row has a tonnes key; a supplier counted by value only has null, never 0.
        let rows = try #require(suppliers["rows"] as? [[String: Any]])
        #expect(rows.allSatisfy { $0.keys.contains("tonnes") && $0.keys.contains("tonnesShare") })
        #expect(!rows.contains { ($0["tonnes"] as? Double) == 0 && ($0["valueKUSD"] as? Double ?? 0) > 1 })
        // Japan's magnets from South Africa have no quantity: null tonnes, never 0.
        let magnets = try json(try engine.suppliers(SuppliersRequest(importer: "JPN", commodity: "rare-earth:component", year: 2024)))
        #expect(try #require(magnets["rows"] as? [[String: Any]]).contains { $0["tonnes"] is NSNull })

        let trace = try json(try engine.trace(TraceRequest(importer: "JPN", commodity: "gallium", year: 2024)))
        #expect(basis(trace["tradeBasis"])?["sharedCode"] as? String == "HS17 811292")

        let priorities = try engine.priorities(PrioritiesRequest(importer: "USA", year: 2024, commodities: ["gallium", "tungsten:mine"], draws: 2_000))
        let priorityRows = try #require(try json(priorities)["rows"] as? [[String: Any]])
        #expect(!priorityRows.isEmpty && priorityRows.allSatisfy { basis($0["tradeBasis"])?["source"] != nil })
    }

    /// Production runs to 2025 (USGS MCS 2026), trade to 2024: a risk question without a year
    /// takes the latest year with both, not the latest production year (which has no imports).
    @Test func riskDefaultsToTheLatestYearWithTradeAndProduction() throws {
        let info = engine.dataInfo()
        #expect(info.productionYears.last == 2025 && info.tradeYears.last == 2024)
        let report = try engine.risk(RiskRequest(importer: "JPN"))
        #expect(report.year == 2024)
        #expect(!report.rows.isEmpty)
    }

    @Test func unknownImporterIsAUsageErrorWithASuggestion() {
        #expect {
            try engine.risk(RiskRequest(importer: "Jpan"))
        } throws: { error in
            guard let error = error as? EngineError else { return false }
            return error.kind == .usage && error.message.contains("did you mean Japan")
        }
    }

    @Test func yearWithoutTradeIsNoData() {
        #expect {
            try engine.risk(RiskRequest(importer: "JPN", year: 1950))
        } throws: { ($0 as? EngineError)?.kind == .noData }
    }

    /// A suggestion shares the words typed (in the name or the commodities), never an unrelated preset.
    @Test func unknownPresetSuggestsRelatedOnes() {
        func message(_ name: String) -> String {
            do { _ = try engine.preset(named: name); return "" } catch { return error.message }
        }
        #expect(message("gallium").contains("did you mean china-gallium-germanium-2023"))
        #expect(!message("gallium").contains("nickel"))
        #expect(message("rare-earths-2025").contains("china-rare-earths-april-2025 or china-rare-earths-october-2025"))
        #expect(message("graphite-2023").contains("did you mean china-graphite-2023?"))
        #expect(!message("xyz").contains("did you mean"))
    }

    @Test func unknownPresetIsNotFound() {
        #expect {
            try engine.scenarioRun(ScenarioRunRequest(preset: "china-gallium", importers: ["JPN"]))
        } throws: { error in
            guard let error = error as? EngineError else { return false }
            return error.kind == .notFound && error.message.contains("did you mean china-gallium-germanium-2023")
        }
    }

    @Test func oversizedUnionIsRefused() {
        let union = Array(repeating: "USA", count: 500).joined(separator: "+")
        #expect {
            try engine.risk(RiskRequest(importer: union))
        } throws: { ($0 as? EngineError)?.kind == .usage }
    }

    @Test func presetRunNamesCountriesAndPrices() throws {
        let report = try engine.scenarioRun(ScenarioRunRequest(preset: "china-gallium-germanium-2023", importers: ["JPN", "USA"]))
        #expect(report.scenario.restricting.map(\.iso3) == ["CHN"])
        #expect(report.year == 2022)
        #expect(Set(report.rows.map(\.importer.id)) == ["JPN", "USA"])
        for market in report.markets {
            #expect(market.priceChangeOutside >= 0)
            #expect(market.priceChangeInside <= 0)
        }
    }

    @Test func customRunNeedsASeverity() {
        #expect {
            try engine.scenarioRun(ScenarioRunRequest(restricting: ["CHN"], commodities: ["gallium"], importers: ["JPN"]))
        } throws: { ($0 as? EngineError)?.kind == .usage }
    }

    @Test func traceFlagsConduitsByTheEngineRule() throws {
        let report = try engine.trace(TraceRequest(importer: "USA", commodity: "cobalt"))
        #expect(!report.rows.isEmpty)
        for row in report.rows {
            #expect(row.conduit == (row.directShare - row.tracedShare > OriginTrace.conduitShareGap))
        }
    }

    @Test func csvQuotesAndKeepsFullPrecision() throws {
        let report = try engine.concentration(ConcentrationRequest(commodity: "cobalt", top: 3))
        let csv = try ReportRenderer.render(report, as: .csv)
        let lines = csv.split(separator: "\n")
        #expect(lines.first == "rank,country_code,country,tonnes,share,cumulativeShare,stageShares.cobalt:mine")
        #expect(lines.count == 4)
        let share = try #require(Double(String(lines[1].split(separator: ",")[4])))
        #expect(abs(share - report.rows[0].share) <= 1e-15)
    }

    @Test func tableFormatsByUnit() throws {
        let report = try engine.concentration(ConcentrationRequest(commodity: "cobalt", top: 1))
        let table = try ReportRenderer.render(report, as: .table)
        #expect(table.contains("%"))
        #expect(table.contains("China (CHN)"))
    }

    /// A stage a preset lists at severity 0 (tungsten ore in China's 2025 controls, for its quota
    /// cut) is not a restriction: the country page does not call an importer of it hit.
    @Test func aStageAtSeverityZeroDoesNotHitTheCountryPage() throws {
        func hits(severity: Double) throws -> [String] {
            var preset = ScenarioDefinition(name: "ore-only", title: "t", restricting: ["CHN"], commodities: ["tungsten:mine"],
                                            targets: .init(kind: .everyone), severity: 0.3, extraterritorial: false)
            preset.severities = ["tungsten:mine": severity]
            let custom = Engine(dataset: engine.dataset, parameters: engine.parameters, presets: [preset],
                                observations: engine.observations, exportDrops: engine.exportDrops)
            return try custom.countryProfile(CountryProfileRequest(country: "USA", year: 2024)).presets.map(\.name)
        }
        #expect(try hits(severity: 0.3) == ["ore-only"], "the US imports tungsten ore")
        #expect(try hits(severity: 0).isEmpty)
    }

    /// `--severity` replaces a preset's severities but leaves a stage it lists at 0 uncontrolled
    /// (tungsten ore, listed for China's quota cut), unless the user names the commodities.
    @Test func anOverallSeverityLeavesAnUncontrolledStageAtZero() throws {
        func oreWithheld(_ request: ScenarioRunRequest) throws -> Double {
            let report = try engine.scenarioRun(request)
            return try #require(report.markets.first { $0.commodity.id == "tungsten:mine" }).outcome.withheldTonnes
        }
        #expect(try oreWithheld(ScenarioRunRequest(preset: "china-tungsten-2025", severity: 0.5, importers: ["USA"])) == 0)
        #expect(try oreWithheld(ScenarioRunRequest(preset: "china-tungsten-2025", commodities: ["tungsten:mine"], severity: 0.5,
                                                   importers: ["USA"])) > 0, "named by the user, it is restricted")
    }

    @Test func dataVersionIsStable() throws {
        let again = Engine(dataset: engine.dataset, parameters: engine.parameters, presets: engine.presets,
                           observations: engine.observations, exportDrops: engine.exportDrops)
        #expect(again.dataVersion == engine.dataVersion)
        let fewer = Engine(dataset: engine.dataset, parameters: engine.parameters, presets: Array(engine.presets.dropFirst()),
                           observations: engine.observations, exportDrops: engine.exportDrops)
        #expect(fewer.dataVersion != engine.dataVersion)
        #expect(engine.dataVersion.count == 16)
    }
}

