import Foundation
import Hummingbird
import HummingbirdTesting
import HTTPTypes
import LodestoneEngine
import LodestoneServer
import Testing

/// One engine on the bundled snapshot for every router test (reading it takes a few seconds),
/// with a server's limits, as `lodestone serve` opens it.
enum Shared {
    static let engine: Engine = {
        do { return try Engine.bundledSnapshot(limits: .server) } catch { fatalError("bundled snapshot: \(error)") }
    }()
}

/// Router tests without sockets: every endpoint, good and bad input.
@Suite struct RouterTests {
    let engine = Shared.engine

    func app(_ configuration: ServerConfiguration = ServerConfiguration(logLevel: .warning)) throws -> some ApplicationProtocol {
        try buildApplication(configuration, engine: engine)
    }

    struct ErrorBody: Decodable {
        struct Detail: Decodable {
            var kind: String
            var message: String
            var status: Int
        }
        var error: Detail
    }

    static func text(_ response: TestResponse) -> String { String(buffer: response.body) }

    static func errorBody(_ response: TestResponse) throws -> ErrorBody.Detail {
        try JSONDecoder().decode(ErrorBody.self, from: Data(text(response).utf8)).error
    }

    @Test func riskJSONIsExactlyTheEngineReport() async throws {
        let expected = try ReportRenderer.json(engine.risk(RiskRequest(importer: "JPN", year: 2024)))
        try await app().test(.router) { client in
            try await client.execute(uri: "/api/v1/risk?importer=JPN&year=2024", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "application/json; charset=utf-8")
                #expect(response.headers[.eTag] != nil)
                #expect(Self.text(response) == expected)
            }
        }
    }

    @Test func misspelledImporterIsA400WithASuggestion() async throws {
        try await app().test(.router) { client in
            try await client.execute(uri: "/api/v1/risk?importer=Jpan", method: .get) { response in
                #expect(response.status == .badRequest)
                let error = try Self.errorBody(response)
                #expect(error.kind == "usage")
                #expect(error.message.contains("did you mean Japan (JPN)"))
            }
        }
    }

    @Test(arguments: [
        ("/api/v1/risk", 400, "missing query parameter 'importer'"),
        ("/api/v1/risk?importer=JPN&year=1950", 422, "no trade data for 1950"),
        ("/api/v1/risk?importer=JPN&year=twenty", 400, "not a whole number"),
        ("/api/v1/risk?importer=JPN&sort=size", 400, "sort 'size' must be one of"),
        ("/api/v1/risk?importer=JPN&colour=red", 400, "unknown query parameter 'colour'"),
        ("/api/v1/risk?importer=JPN&format=xml", 400, "format 'xml' must be one of"),
        ("/api/v1/suppliers?importer=JPN&commodity=unobtainium", 400, "unknown commodity 'unobtainium'"),
        ("/api/v1/concentration?commodity=cobalt&top=0", 400, "top 0 must be at least 1"),
        ("/api/v1/trace?importer=USA", 400, "missing query parameter 'commodity'"),
        ("/api/v1/scenarios/china-galium", 404, "did you mean china-gallium-germanium-2023"),
        ("/api/v1/scenarios/run?preset=china-graphite-2023", 400, "name at least one importer"),
        ("/api/v1/scenarios/run?restricting=CHN&commodity=gallium&importer=JPN", 400, "need a severity"),
        ("/api/v1/scenarios/run?preset=china-graphite-2023&importer=all&top=0", 400, "must be at least 1"),
        ("/api/v1/scenarios/run?restricting=CHN&commodity=gallium&severity=1.5&importer=JPN", 400, "outside 0–1"),
        ("/api/v1/no-such-thing", 404, "no such endpoint"),
        ("/api/v1/priorities", 400, "missing query parameter 'importer'"),
        ("/api/v1/priorities?importer=Jpan", 400, "did you mean Japan (JPN)"),
        ("/api/v1/priorities?importer=JPN&draws=0", 400, "must be at least 1"),
        ("/api/v1/priorities?importer=JPN&draws=many", 400, "draws 'many' is not a whole number"),
        ("/api/v1/priorities?importer=JPN&draws=5000000", 400, "over the limit of 1000000"),
        ("/api/v1/priorities?importer=JPN&seed=-1", 400, "seed '-1' is not a whole number from 0"),
        ("/api/v1/priorities?importer=JPN&commodity=unobtainium", 400, "unknown commodity 'unobtainium'"),
        ("/api/v1/priorities?importer=JPN&iterations=9", 400, "unknown query parameter 'iterations'"),
        ("/api/v1/priorities?importer=JPN&year=1950", 422, "no trade data for 1950"),
        ("/api/v1/priorities?importer=JPN&commodity=gold&draws=100", 422, "nothing to assess"),
        ("/api/v1/plan/stockpile?importer=JPN&holdingRate=2", 400, "holding rate 2.0 must be in (0, 1] a year"),
        ("/api/v1/plan/stockpile?importer=JPN&disruptionYears=30", 400, "disruption length 30.0 years must be 1–10"),
        ("/api/v1/plan/invest?importer=USA&budget=1e9&permittingSpeedup=11", 400, "permitting speed-up 11 must be 0–10 years"),
    ])
    func badInputGetsItsStatusAndSentence(uri: String, status: Int, phrase: String) async throws {
        try await app().test(.router) { client in
            try await client.execute(uri: uri, method: .get) { response in
                #expect(response.status.code == status)
                let error = try Self.errorBody(response)
                #expect(error.status == status)
                #expect(error.message.contains(phrase), "\(error.message)")
            }
        }
    }

    @Test(arguments: [
        "/api/v1/suppliers?importer=JPN&commodity=gallium&top=3",
        "/api/v1/concentration?commodity=cobalt",
        "/api/v1/trace?importer=USA&commodity=cobalt&top=5",
        "/api/v1/exposure?exporter=CHN&commodity=gallium&top=5",
        "/api/v1/scenarios",
        "/api/v1/scenarios/china-gallium-germanium-2023",
        "/api/v1/scenarios/run?preset=china-gallium-germanium-2023&importer=JPN,USA",
        "/api/v1/scenarios/run?restricting=CHN&commodity=graphite&severity=0.5&exempt=G7&importer=JPN&extraterritorial=true",
        "/api/v1/commodities",
        "/api/v1/countries",
        "/api/v1/groups",
        "/api/v1/data",
        "/api/v1/priorities?importer=JPN&draws=2000&commodity=gallium,graphite",
        "/healthz",
    ])
    func everyEndpointAnswersJSON(uri: String) async throws {
        try await app().test(.router) { client in
            try await client.execute(uri: uri, method: .get) { response in
                #expect(response.status == .ok, "\(Self.text(response).prefix(300))")
                let object = try JSONSerialization.jsonObject(with: Data(Self.text(response).utf8))
                #expect(object is [String: Any])
            }
        }
    }

    @Test func tabularEndpointsDeclareUnitsAndNameCountries() async throws {
        try await app().test(.router) { client in
            try await client.execute(uri: "/api/v1/suppliers?importer=JPN&commodity=gallium", method: .get) { response in
                let object = try #require(try JSONSerialization.jsonObject(with: Data(Self.text(response).utf8)) as? [String: Any])
                let columns = try #require(object["columns"] as? [[String: String]])
                #expect(columns.contains { $0["key"] == "tonnes" && $0["unit"] == "tonnes" })
                let rows = try #require(object["rows"] as? [[String: Any]])
                let country = try #require(rows.first?["country"] as? [String: Any])
                #expect(Set(country.keys) == ["code", "iso3", "name"])
            }
        }
    }

    @Test func yearsGiveATimeSeriesLikeTheCLI() async throws {
        let expected = try ReportRenderer.render(series: [2022, 2024].map { year throws(EngineError) in
            try engine.concentration(ConcentrationRequest(commodity: "cobalt:mine", year: year, top: 2))
        }, years: [2022, 2024], as: .json)
        try await app().test(.router) { client in
            try await client.execute(uri: "/api/v1/concentration?commodity=cobalt:mine&years=2022,2024&top=2", method: .get) { response in
                #expect(response.status == .ok)
                #expect(Self.text(response) == expected)
            }
            try await client.execute(uri: "/api/v1/concentration?commodity=cobalt:mine&years=2022&year=2022", method: .get) { response in
                #expect(response.status == .badRequest)
                #expect(Self.text(response).contains("not both"))
            }
            try await client.execute(uri: "/api/v1/risk?importer=JPN&years=20x", method: .get) { response in
                #expect(response.status == .badRequest)
            }
        }
    }

    @Test func prioritiesJSONIsExactlyTheEngineReport() async throws {
        let expected = try ReportRenderer.json(engine.priorities(PrioritiesRequest(importer: "US-Japan", year: 2024, commodities: ["gallium", "cobalt"],
                                                                                  draws: 4_000, seed: 3)))
        try await app().test(.router) { client in
            try await client.execute(uri: "/api/v1/priorities?importer=US-Japan&year=2024&commodity=gallium&commodity=cobalt&draws=4000&seed=3",
                                     method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.eTag] != nil)
                #expect(Self.text(response) == expected)
            }
            try await client.execute(uri: "/api/v1/priorities?importer=JPN&commodity=gallium&draws=1000&format=csv", method: .get) { response in
                #expect(response.headers[.contentType] == "text/csv; charset=utf-8")
                #expect(Self.text(response).hasPrefix("rank,commodity,name,tier,tierConfidence,expectedLossShare,expectedLossShareStandardError,"))
            }
        }
    }

    @Test func aPrioritiesRequestOverTheTimeLimitIsStopped() async throws {
        var configuration = ServerConfiguration(logLevel: .warning)
        configuration.computeTimeLimitSeconds = 0.3
        try await app(configuration).test(.router) { client in
            try await client.execute(uri: "/api/v1/priorities?importer=USA&draws=1000000", method: .get) { response in
                #expect(response.status == .serviceUnavailable)
                let error = try Self.errorBody(response)
                #expect(error.kind == "unavailable" && error.message.contains("longer than 0.3 s and was stopped"))
            }
        }
    }

    /// A heavy request sent with X-Lodestone-Task can be followed at /api/v1/progress/{id} while it
    /// runs (stage and share done), and not after.
    @Test func aHeavyRequestReportsItsProgress() async throws {
        // Not a test of the time limit: under a loaded parallel run the default 20 s stopped the
        // request (a stranger's clone beside a CI run, 2.5 times slower than alone).
        var configuration = ServerConfiguration(logLevel: .warning)
        configuration.computeTimeLimitSeconds = 600
        try await app(configuration).test(.router) { client in
            try await client.execute(uri: "/api/v1/progress/nothing-runs-here", method: .get) { response in
                #expect(response.status == .notFound)
            }
            let id = "router-test-\(UInt32.random(in: 0...UInt32.max))"
            async let heavy = client.execute(uri: "/api/v1/priorities?importer=EU&draws=400000&seed=11", method: .get,
                                             headers: [HTTPField.Name("X-Lodestone-Task")!: id]) { $0.status }
            var seen: [String] = [], shares: [Double] = []
            // Until the simulation is seen, or the request has finished (its progress gone after being seen).
            // A deadline, not a number of polls: under a loaded parallel test run the request can take
            // more than 20 s of polls to reach the board (a stranger's clone once saw nothing in 2,000).
            let deadline = ContinuousClock.now + .seconds(300)
            while ContinuousClock.now < deadline {
                let answer = try await client.execute(uri: "/api/v1/progress/\(id)", method: .get) { response -> (String, Double?)? in
                    guard response.status == .ok, let object = try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [String: Any],
                          object["id"] as? String == id else { return nil }
                    return (object["stage"] as? String ?? "", object["share"] as? Double)
                }
                if let answer {
                    seen.append(answer.0)
                    if let share = answer.1 { shares.append(share) }
                    if answer.0.hasPrefix("simulating") { break }
                } else if !seen.isEmpty {
                    break
                }
                try await Task.sleep(for: .milliseconds(10))
            }
            #expect(try await heavy == .ok)
            #expect(seen.contains { $0.hasPrefix("simulating 400000 years") || $0.hasPrefix("building the supply network") }, "\(Set(seen))")
            #expect(shares.allSatisfy { (0...1).contains($0) })
            try await client.execute(uri: "/api/v1/progress/\(id)", method: .get) { response in
                #expect(response.status == .notFound)   // finished: no longer on the board
            }
        }
    }

    @Test func csvDownload() async throws {
        try await app().test(.router) { client in
            try await client.execute(uri: "/api/v1/risk?importer=USA%2BJPN&year=2022&format=csv", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/csv; charset=utf-8")
                #expect(Self.text(response).hasPrefix("rank,commodity,name,hhi,importRisk,score,"))
                // Saved under a name that says what it answers and from which data (the importer's '+' kept).
                let disposition = try #require(response.headers[.contentDisposition])
                #expect(disposition.hasPrefix("attachment; filename=\"lodestone-risk-USA+JPN-2022-") && disposition.hasSuffix(".csv\""), "\(disposition)")
            }
            try await client.execute(uri: "/api/v1/risk?importer=JPN&year=2022", method: .get) { response in
                #expect(response.headers[.contentDisposition] == nil)   // JSON is read in place
            }
        }
    }

    @Test func workbookAndCSVWithMetadata() async throws {
        try await app().test(.router) { client in
            try await client.execute(uri: "/api/v1/concentration?commodity=cobalt&format=xlsx", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                let disposition = try #require(response.headers[.contentDisposition])
                #expect(disposition.hasPrefix("attachment; filename=\"lodestone-concentration-cobalt-") && disposition.hasSuffix(".xlsx\""), "\(disposition)")
                #expect(Array(response.body.readableBytesView.prefix(4)) == [0x50, 0x4B, 0x03, 0x04])   // a zip
            }
            try await client.execute(uri: "/api/v1/concentration?commodity=cobalt&format=csv&metadata=true", method: .get) { response in
                let text = Self.text(response)
                #expect(text.hasPrefix("# Lodestone answer to: GET /api/v1/concentration?commodity=cobalt&format=csv&metadata=true\n# data version: "))
                #expect(text.contains("\nrank,country_code,country,tonnes,"))
                // The file name leaves out format, lang and metadata.
                #expect(response.headers[.contentDisposition]?.contains("-cobalt-") == true)
            }
            try await client.execute(uri: "/api/v1/concentration?commodity=cobalt&format=csv&metadata=maybe", method: .get) { response in
                #expect(response.status == .badRequest)
            }
        }
    }

    @Test func etagAnswers304AndIgnoresParameterOrder() async throws {
        try await app().test(.router) { client in
            let etag = try await client.execute(uri: "/api/v1/risk?importer=JPN&year=2022", method: .get) { $0.headers[.eTag] }
            let tag = try #require(etag)
            try await client.execute(uri: "/api/v1/risk?year=2022&importer=JPN", method: .get, headers: [.ifNoneMatch: tag]) { response in
                #expect(response.status == .notModified)
            }
            try await client.execute(uri: "/api/v1/risk?importer=USA&year=2022", method: .get, headers: [.ifNoneMatch: tag]) { response in
                #expect(response.status == .ok)
            }
        }
    }

    /// Issue 18, finding 4: HEAD, 405 with Allow, weak and * validators, duplicate parameters.
    @Test func methodsValidatorsAndDuplicateParametersFollowHTTP() async throws {
        try await app().test(.router) { client in
            try await client.execute(uri: "/api/v1/risk?importer=JPN&year=2022", method: .head) { response in
                #expect(response.status == .ok && response.body.readableBytes == 0)
                #expect(Int(response.headers[.contentLength] ?? "") ?? 0 > 1000)
            }
            for method in [HTTPRequest.Method.put, .delete, .init("TRACE")!] {
                try await client.execute(uri: "/api/v1/risk?importer=JPN", method: method) { response in
                    #expect(response.status == .methodNotAllowed && response.headers[.allow] == "GET, HEAD")
                }
            }
            try await client.execute(uri: "/api/v1/scenarios/run", method: .put) { response in
                #expect(response.status == .methodNotAllowed && response.headers[.allow] == "GET, HEAD, POST")
            }
            try await client.execute(uri: "/api/v1/nothing", method: .put) { #expect($0.status == .notFound) }
            let etag = try #require(try await client.execute(uri: "/api/v1/risk?importer=JPN&year=2022", method: .get) { $0.headers[.eTag] })
            for held in ["W/" + etag, "*", "\"other\", W/\(etag)"] {
                try await client.execute(uri: "/api/v1/risk?importer=JPN&year=2022", method: .get, headers: [.ifNoneMatch: held]) { response in
                    #expect(response.status == .notModified, "\(held)")
                }
            }
            try await client.execute(uri: "/api/v1/risk?importer=JPN&year=2022&year=2024", method: .get) { response in
                #expect(response.status == .badRequest)
                #expect(Self.text(response).contains("given twice"))
            }
            try await client.execute(uri: "/api/v1/risk?importer=JPN&commodity=gallium&commodity=cobalt", method: .get) { #expect($0.status == .ok) }
        }
    }

    @Test func postedScenarioRuns() async throws {
        let body = #"{"restricting": ["CHN"], "commodities": ["gallium"], "severity": 1, "importers": ["JPN", "USA"]}"#
        let expected = try ReportRenderer.json(engine.scenarioRun(ScenarioRunRequest(restricting: ["CHN"], commodities: ["gallium"], severity: 1,
                                                                                      importers: ["JPN", "USA"])))
        try await app().test(.router) { client in
            try await client.execute(uri: "/api/v1/scenarios/run", method: .post, body: ByteBuffer(string: body)) { response in
                #expect(response.status == .ok)
                #expect(Self.text(response) == expected)
            }
        }
    }

    @Test func postedGarbageAndOversizedBodiesAreRefused() async throws {
        var configuration = ServerConfiguration(logLevel: .warning)
        configuration.maxBodyBytes = 1024
        try await app(configuration).test(.router) { client in
            try await client.execute(uri: "/api/v1/scenarios/run", method: .post, body: ByteBuffer(string: "not json")) { response in
                #expect(response.status == .badRequest)
            }
            try await client.execute(uri: "/api/v1/scenarios/run", method: .post, body: ByteBuffer(string: #"{"preset": "china-graphite-2023"}"#)) { response in
                #expect(response.status == .badRequest)
                let error = try Self.errorBody(response)
                #expect(error.message.contains("'importers' is required"))
            }
            // A misspelt key is named, with the key meant, instead of a misleading consequence.
            let misspelt = #"{"restricting": ["CHN"], "commodity": ["gallium"], "severity": 1, "importers": ["JPN"]}"#
            try await client.execute(uri: "/api/v1/scenarios/run", method: .post, body: ByteBuffer(string: misspelt)) { response in
                #expect(response.status == .badRequest)
                let error = try Self.errorBody(response)
                #expect(error.message.contains("unknown key 'commodity' — did you mean 'commodities'?"), "\(error.message)")
            }
            let big = ByteBuffer(string: "{\"importers\": [\"" + String(repeating: "A", count: 4096) + "\"]}")
            try await client.execute(uri: "/api/v1/scenarios/run", method: .post, body: big) { response in
                #expect(response.status == .contentTooLarge)
            }
        }
    }

    @Test func tooManyImportersAreRefused() async throws {
        let importers = Array(repeating: "JPN", count: 40).joined(separator: ",")
        try await app().test(.router) { client in
            try await client.execute(uri: "/api/v1/scenarios/run?preset=china-graphite-2023&importer=\(importers)", method: .get) { response in
                #expect(response.status == .badRequest)
                let error = try Self.errorBody(response)
                #expect(error.message.contains("at most 24"))
            }
        }
    }

    /// The world map: Natural Earth countries keyed by ISO3, small enough to send to every page.
    @Test func worldGeometryIsServedKeyedByISO3() async throws {
        struct World: Decodable {
            struct Country: Decodable {
                var iso3: String
                var name: String
                var rings: [[Int]]
            }
            var source: String
            var countries: [Country]
        }
        try await app().test(.router) { client in
            try await client.execute(uri: "/world.json", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "application/json; charset=utf-8")
                #expect(response.body.readableBytes < 300_000)
                let world = try JSONDecoder().decode(World.self, from: Data(Self.text(response).utf8))
                #expect(world.source.contains("Natural Earth"))
                #expect(world.countries.count > 170)
                let codes = world.countries.map(\.iso3).filter { !$0.isEmpty }
                #expect(Set(codes).count == codes.count, "one outline per ISO3")
                // Every country the engine knows by ISO3 among the big producers has an outline.
                for iso3 in ["CHN", "COD", "AUS", "CHL", "ZAF", "USA", "RUS", "JPN", "FRA", "NOR", "TWN"] { #expect(codes.contains(iso3), "\(iso3)") }
                for country in world.countries {
                    #expect(!country.rings.isEmpty && country.rings.allSatisfy { $0.count >= 6 && $0.count % 2 == 0 }, "\(country.name)")
                }
            }
        }
    }

    @Test func dashboardAndOpenAPIAreServed() async throws {
        try await app().test(.router) { client in
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                #expect(Self.text(response).contains("dashboard.js"))
                #expect(!Self.text(response).contains("https://"))
            }
            for asset in ["/dashboard.js", "/dashboard.css", "/ui.js", "/charts.js", "/map.js", "/views/priorities.js", "/views/trace.js"] {
                try await client.execute(uri: asset, method: .get) { response in
                    #expect(response.status == .ok, "\(asset)")
                    #expect(!Self.text(response).contains("https://"), "\(asset) loads nothing from elsewhere")
                }
            }
            try await client.execute(uri: "/openapi.yaml", method: .get) { response in
                #expect(response.status == .ok)
                #expect(Self.text(response).hasPrefix("openapi: 3."))
            }
        }
    }
}
