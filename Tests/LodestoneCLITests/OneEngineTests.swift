import Foundation
import LodestoneEngine
import LodestoneTestSupport
import Testing

/// The CLI is a front end of the engine: it prints exactly what the engine (and so the HTTP API)
/// answers, takes one name per concept, and gives time series with --years.
@Suite struct OneEngineTests {
    static let engine: Engine? = try? Engine.open(storePath: CLI.sharedStore)

    @Test(arguments: [
        (["risk", "--importer", "JPN", "--year", "2024"], "risk"),
        (["suppliers", "--importer", "JPN", "--commodity", "gallium", "--partners", "G7"], "suppliers"),
        (["concentration", "--commodity", "cobalt", "--top", "5"], "concentration"),
        (["trace", "--importer", "US-Japan", "--commodity", "rare earths"], "trace"),
        (["scenario", "run", "china-rare-earths-april-2025", "--importer", "JPN,USA"], "scenario"),
    ])
    func theCLIPrintsTheEnginesJSON(arguments: [String], question: String) throws {
        let engine = try #require(Self.engine)
        let cli = CLI.run(arguments + ["--format", "json", "--store", CLI.sharedStore])
        #expect(cli.status == 0, "\(cli.stderr)")
        let expected: String = switch question {
        case "risk": try ReportRenderer.json(try engine.risk(RiskRequest(importer: "JPN", year: 2024)))
        case "suppliers": try ReportRenderer.json(try engine.suppliers(SuppliersRequest(importer: "JPN", commodity: "gallium", partners: "G7")))
        case "concentration": try ReportRenderer.json(try engine.concentration(ConcentrationRequest(commodity: "cobalt", top: 5)))
        case "trace": try ReportRenderer.json(try engine.trace(TraceRequest(importer: "US-Japan", commodity: "rare earths")))
        default: try ReportRenderer.json(try engine.scenarioRun(ScenarioRunRequest(preset: "china-rare-earths-april-2025", importers: ["JPN,USA"])))
        }
        #expect(cli.stdout == expected, "byte for byte the engine's answer")
    }

    @Test func oldOptionNamesStillWorkAndMeanTheSame() {
        let new = CLI.lodestone("scenario", "run", "china-antimony-2024", "--importer", "JPN", "--partners", "G7", "--format", "csv")
        let old = CLI.lodestone("scenario", "run", "china-antimony-2024", "--for", "JPN", "--allies", "G7", "--format", "csv")
        #expect(new.status == 0 && new.stdout == old.stdout, "\(new.stderr)")
        let risk = CLI.lodestone("risk", "--for", "JPN", "--commodity", "gallium", "--format", "csv")
        #expect(risk.status == 0 && risk.stdout.contains("gallium:refined"), "\(risk.stderr)")
    }

    @Test func yearsGiveATimeSeries() throws {
        let csv = CLI.lodestone("suppliers", "--importer", "JPN", "--commodity", "cobalt", "--years", "2020-2022", "--top", "2", "--format", "csv")
        #expect(csv.status == 0, "\(csv.stderr)")
        let lines = csv.stdout.split(separator: "\n")
        #expect(lines.first?.hasPrefix("year,rank,country_code,country,") == true)
        #expect(lines.count == 7, "a header and 2 rows for each of 3 years")
        #expect(lines.dropFirst().map { $0.prefix(4) } == ["2020", "2020", "2021", "2021", "2022", "2022"])
        let json = CLI.lodestone("risk", "--importer", "USA", "--years", "2019,2024", "--commodity", "graphite", "--format", "json")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["years"] as? [Int] == [2019, 2024])
        #expect((object["reports"] as? [[String: Any]])?.compactMap { $0["year"] as? Int } == [2019, 2024])
        let bad = CLI.lodestone("risk", "--importer", "USA", "--years", "2024-2019")
        #expect(bad.status == 64 && bad.stderr.contains("first to last"), "\(bad.stderr)")
        let both = CLI.lodestone("risk", "--importer", "USA", "--year", "2024", "--years", "2020-2024")
        #expect(both.status == 64 && both.stderr.contains("not both"))
    }

    @Test func everyDataCommandTakesStoreAndFormat() throws {
        let list = CLI.lodestone("scenario", "list", "--format", "json")
        #expect(list.status == 0, "\(list.stderr)")
        let rows = try #require((try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [String: Any])?["rows"] as? [[String: Any]])
        #expect(rows.contains { $0["name"] as? String == "china-japan-military-2026" && $0["baseYear"] as? Int == 2024 })
        let grid = CLI.lodestone("grid", "--years", "2024", "--format", "json")
        #expect(grid.status == 0, "\(grid.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(grid.stdout.utf8)) as? [String: Any])
        #expect(object["years"] as? [Int] == [2024])
        #expect(((object["rows"] as? [[String: Any]])?.count ?? 0) > 10_000)
    }

    @Test func aScenarioCanReportEveryCountry() throws {
        let engine = try #require(Self.engine)
        let report = try engine.scenarioRun(ScenarioRunRequest(preset: "china-gallium-germanium-2023", importers: ["all"]))
        #expect(report.importers.count == engine.dataset.countries.count)
        let reported = Set(report.rows.map(\.importer.id))
        #expect(reported.count > 50 && reported.isSubset(of: Set(engine.dataset.countries.map(\.iso3))))
        #expect(report.rows.allSatisfy { $0.consumptionTonnes > 0 && $0.shortfallShare != nil }, "a row for every country that consumes, and only those")
        for market in report.markets {
            let rows = report.rows.filter { $0.commodity == market.commodity.id }
            #expect(rows.count + (market.nonConsumingCountries ?? -1) == engine.dataset.countries.count, "\(market.commodity.id): listed + counted = every country")
        }
        #expect(throws: EngineError.self) { try engine.scenarioRun(ScenarioRunRequest(preset: "china-gallium-germanium-2023",
                                                                                     importers: (1...30).map { _ in "JPN" })) }
    }

    @Test func dataProblemsExit1AndUsageErrors64() {
        #expect(CLI.lodestone("risk", "--importer", "Jpan").status == 64)
        #expect(CLI.lodestone("scenario", "run", "no-such-preset", "--importer", "JPN").status == 64)
        #expect(CLI.lodestone("trace", "--importer", "DEU", "--commodity", "gold").status == 1)
    }
}
