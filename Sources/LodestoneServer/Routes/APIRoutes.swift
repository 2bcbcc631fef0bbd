import Foundation
import Hummingbird
import LodestoneEngine

/// The JSON API: one GET endpoint per engine question under /api/v1, parameters in the query,
/// plus POST /api/v1/scenarios/run for a scenario given as a JSON body.
struct APIRoutes: Sendable {
    let engines: EngineHolder
    /// The engine now: a request reads it once and keeps it for its whole answer.
    var engine: Engine { engines.current }
    let configuration: ServerConfiguration
    let cache: ResponseCache
    let limiter: ComputeLimiter
    let board = ProgressBoard()

    init(engines: EngineHolder, configuration: ServerConfiguration) {
        self.engines = engines
        self.configuration = configuration
        cache = ResponseCache(capacity: configuration.cachedResponses, maxBytes: configuration.cacheBytes)
        limiter = ComputeLimiter(maxConcurrent: configuration.maxConcurrentComputations, timeLimitSeconds: configuration.computeTimeLimitSeconds)
    }

    func register(on router: Router<LodestoneRequestContext>) {
        router.get("/healthz") { _, _ in
            Self.json(#"{"dataVersion": "\#(engine.dataVersion)", "status": "ok"}"# + "\n")
        }
        router.get("/api/v1/risk") { request, _ in
            await answer(request, allowed: ["importer", "year", "years", "commodity", "method", "sort"]) { q in
                try byYear(q) { year in
                    try engine.risk(RiskRequest(importer: q.required("importer"), year: year, commodities: q.list("commodity"),
                                                method: q.choice("method", default: GeoPolRiskMethod.lodestone),
                                                sort: q.choice("sort", default: RiskRequest.Sort.score)))
                }
            }
        }
        router.get("/api/v1/suppliers") { request, _ in
            await answer(request, allowed: ["importer", "commodity", "year", "years", "partners", "top"]) { q in
                try byYear(q) { year in
                    try engine.suppliers(SuppliersRequest(importer: q.required("importer"), commodity: q.required("commodity"),
                                                          year: year, partners: q.string("partners"), top: q.int("top")))
                }
            }
        }
        router.get("/api/v1/concentration") { request, _ in
            await answer(request, allowed: ["commodity", "year", "years", "top"]) { q in
                try byYear(q) { year in try engine.concentration(ConcentrationRequest(commodity: q.required("commodity"), year: year, top: q.int("top"))) }
            }
        }
        router.get("/api/v1/trace") { request, _ in
            await answer(request, allowed: ["importer", "commodity", "year", "years", "top"]) { q in
                try byYear(q) { year in
                    try engine.trace(TraceRequest(importer: q.required("importer"), commodity: q.required("commodity"), year: year, top: q.int("top")))
                }
            }
        }
        router.get("/api/v1/country") { request, _ in
            await answer(request, allowed: ["country", "year", "partners"]) { q in
                try render(engine.countryProfile(CountryProfileRequest(country: q.required("country"), year: q.int("year"), partners: q.string("partners"))), q)
            }
        }
        router.get("/api/v1/priorities") { request, context in
            await answer(request, context, allowed: ["importer", "year", "commodity", "draws", "seed"], heavy: true) { q, flag in
                try render(engine.priorities(Self.prioritiesRequest(q), cancellation: flag), q)
            }
        }
        router.get("/api/v1/plan/stockpile") { request, context in
            await answer(request, context, allowed: Self.stockpileParameters, heavy: true) { q, flag in
                try render(engine.planStockpile(Self.stockpileRequest(q, timeLimit: configuration.computeTimeLimitSeconds), cancellation: flag), q)
            }
        }
        router.get("/api/v1/plan/invest") { request, context in
            await answer(request, context, allowed: Self.investParameters, heavy: true) { q, flag in
                try render(engine.planInvestment(Self.investRequest(q, timeLimit: configuration.computeTimeLimitSeconds), cancellation: flag), q)
            }
        }
        router.get("/api/v1/scenarios") { request, _ in
            await answer(request, allowed: []) { q in try render(engine.scenarioList(), q) }
        }
        router.get("/api/v1/scenarios/run") { request, context in
            await answer(request, context, allowed: Self.runParameters, heavy: true) { q, flag in
                try render(engine.scenarioRun(Self.runRequest(q), cancellation: flag), q)
            }
        }
        router.post("/api/v1/scenarios/run") { request, context in
            await postRun(request, context: context)
        }
        router.get("/api/v1/scenarios/:name") { request, context in
            let name = context.parameters.get("name") ?? ""
            return await answer(request, allowed: []) { _ in
                Rendered(text: try ReportRenderer.json(engine.preset(named: name)), format: .json)
            }
        }
        router.get("/api/v1/progress/:id") { _, context in
            progress(context.parameters.get("id") ?? "")
        }
        router.get("/api/v1/backtest") { request, context in
            await answer(request, context, allowed: [], heavy: true) { q, flag in try render(engine.backtest(cancellation: flag), q) }
        }
        router.get("/api/v1/commodities") { request, _ in
            await answer(request, allowed: []) { q in try render(engine.commodities(), q) }
        }
        router.get("/api/v1/countries") { request, _ in
            await answer(request, allowed: []) { q in try render(engine.countries(), q) }
        }
        router.get("/api/v1/groups") { request, _ in
            await answer(request, allowed: []) { q in try render(engine.groups(), q) }
        }
        router.get("/api/v1/data/check") { request, _ in
            await answer(request, allowed: ["importer", "year", "years"]) { q in
                try byYear(q) { year in try engine.officialCheck(OfficialCheckRequest(importer: q.required("importer"), year: year)) }
            }
        }
        router.get("/api/v1/data") { request, _ in
            await answer(request, allowed: []) { q in try render(engine.dataInfo(), q) }
        }
    }

    /// Every fixed path the API answers (GET, and POST where `MethodMiddleware.postPaths` says).
    static let paths: Set<String> = [
        "/healthz", "/api/v1/risk", "/api/v1/suppliers", "/api/v1/concentration", "/api/v1/trace", "/api/v1/country", "/api/v1/priorities",
        "/api/v1/plan/stockpile", "/api/v1/plan/invest", "/api/v1/scenarios", "/api/v1/scenarios/run", "/api/v1/backtest",
        "/api/v1/commodities", "/api/v1/countries", "/api/v1/groups", "/api/v1/data/check", "/api/v1/data", "/openapi.yaml", "/",
    ]

    static let runParameters = ["preset", "restricting", "commodity", "severity", "targets", "exempt", "extraterritorial",
                                "duration", "year", "importer", "partners", "top"]

    static func prioritiesRequest(_ q: Query) throws(EngineError) -> PrioritiesRequest {
        var request = PrioritiesRequest(importer: try q.required("importer"), year: try q.int("year"), commodities: q.list("commodity"))
        if let draws = try q.int("draws") { request.draws = draws }
        if let seed = try q.unsigned("seed") { request.seed = seed }
        return request
    }

    static let stockpileParameters = ["importer", "year", "commodity", "budget", "draws", "seed", "holdingRate", "purchaseShare", "disruptionYears"]
    static let investParameters = ["importer", "year", "budget", "horizon", "permittingSpeedup", "draws", "seed", "partners"]

    /// The solver gets the server's time limit for heavy work (each solve; cancellation stops the rest).
    static func stockpileRequest(_ q: Query, timeLimit: Double) throws(EngineError) -> StockpileRequest {
        var request = StockpileRequest(importer: try q.required("importer"), year: try q.int("year"), commodities: q.list("commodity"),
                                       budgetUSD: try q.double("budget"), timeLimitSeconds: max(1, timeLimit))
        if let draws = try q.int("draws") { request.draws = draws }
        if let seed = try q.unsigned("seed") { request.seed = seed }
        if let rate = try q.double("holdingRate") { request.holdingCostRate = rate }
        if let share = try q.double("purchaseShare") { request.purchaseShare = share }
        if let years = try q.double("disruptionYears") {
            guard (1...20).contains(years) else { throw EngineError(.usage, "disruptionYears must be 1–20") }
            request.disruptionYears = years
        }
        guard request.holdingCostRate > 0, request.holdingCostRate <= 1 else { throw EngineError(.usage, "holdingRate must be in (0, 1], e.g. 0.06") }
        guard request.purchaseShare > 0, request.purchaseShare <= 1 else { throw EngineError(.usage, "purchaseShare must be in (0, 1], e.g. 0.02") }
        return request
    }

    static func investRequest(_ q: Query, timeLimit: Double) throws(EngineError) -> InvestmentRequest {
        guard let budget = try q.double("budget") else { throw EngineError(.usage, "missing query parameter 'budget' (USD, e.g. 5e9)") }
        guard budget >= 0 else { throw EngineError(.usage, "budget must be ≥ 0 USD, e.g. 5e9") }
        var request = InvestmentRequest(importer: try q.required("importer"), year: try q.int("year"), budgetUSD: budget,
                                        timeLimitSeconds: max(1, timeLimit))
        if let horizon = try q.int("horizon") { request.horizon = horizon }
        if let speedup = try q.int("permittingSpeedup") {
            guard (0...10).contains(speedup) else { throw EngineError(.usage, "permittingSpeedup must be 0–10 years") }
            request.permittingSpeedupYears = speedup
        }
        if let draws = try q.int("draws") { request.draws = draws }
        if let seed = try q.unsigned("seed") { request.seed = seed }
        request.partners = q.string("partners")
        return request
    }

    static func runRequest(_ q: Query) throws(EngineError) -> ScenarioRunRequest {
        ScenarioRunRequest(preset: q.string("preset"), restricting: q.optionalList("restricting"), commodities: q.optionalList("commodity"),
                           severity: try q.double("severity"), targets: q.optionalList("targets"), exempt: q.optionalList("exempt"),
                           extraterritorial: try q.bool("extraterritorial"), durationYears: try q.double("duration"), year: try q.int("year"),
                           importers: q.list("importer"), partners: q.string("partners"), top: try q.int("top"))
    }

    // MARK: Answering

    struct Rendered: Sendable {
        var bytes: Data
        var format: ReportFormat

        init(text: String, format: ReportFormat) {
            bytes = Data(text.utf8)
            self.format = format
        }

        init(_ answer: RenderedAnswer) {
            bytes = answer.bytes
            format = answer.format
        }
    }

    /// The report in the query's `format`, with names in its `lang` (en, ja, ar); a CSV with
    /// `metadata=true` starts with its context, a workbook always carries it.
    private func render(_ report: some TabularReport, _ q: Query) throws(EngineError) -> Rendered {
        let format = try q.format()
        return Rendered(try ReportRenderer.export(report, as: format, localizer: try localizer(q), context: engine.exportContext(question: q.question),
                                                  metadata: try q.bool("metadata") ?? false))
    }

    private func localizer(_ q: Query) throws(EngineError) -> Localizer? {
        try q.string("lang").map { language throws(EngineError) in try engine.localizer(language) }
    }

    /// One year (`year`, or the engine's default) or a time series (`years=2018-2024`, or a list),
    /// as the CLI's --year and --years.
    private func byYear<Report: TabularReport>(_ q: Query, _ make: (Int?) throws -> Report) throws -> Rendered {
        guard let text = q.string("years") else { return try render(make(try q.int("year")), q) }
        if q.string("year") != nil { throw EngineError(.usage, "give year or years, not both") }
        let series = try ReportRenderer.series(try Engine.parseYears(text)) { try make($0) }
        return Rendered(try ReportRenderer.export(series: series.reports, years: series.years, missing: series.missing, as: try q.format(),
                                                  localizer: try localizer(q), context: engine.exportContext(question: q.question),
                                                  metadata: try q.bool("metadata") ?? false))
    }

    /// A cheap GET answer (computed on the request's task).
    private func answer(_ request: Request, allowed: [String], _ compute: @escaping @Sendable (Query) throws -> Rendered) async -> Response {
        await answer(request, nil, allowed: allowed, heavy: false) { q, _ in try compute(q) }
    }

    /// A GET answer: 304 when the client holds the current version, else from the cache, else
    /// computed (expensive work through the limiter, stopped if its client goes away), rendered,
    /// cached and sent with its ETag.
    private func answer(_ request: Request, _ context: LodestoneRequestContext? = nil, allowed: [String], heavy: Bool = false,
                        _ compute: @escaping @Sendable (Query, CancellationFlag) throws -> Rendered) async -> Response {
        let version = engine.dataVersion  // kept for the whole answer, even if the store is reopened meanwhile
        let key = version + "|" + request.uri.path + "?" + (request.uri.query ?? "")
        let etag = "\"" + StableHash.hex(of: [version, Self.canonical(request)]) + "\""
        // A weak validator (W/"…") matches its strong form for GET (RFC 9110 13.1.2), and * any.
        if let held = request.headers[.ifNoneMatch], held.split(separator: ",").contains(where: { tag in
            let trimmed = tag.trimmingCharacters(in: .whitespaces)
            return trimmed == "*" || trimmed == etag || (trimmed.hasPrefix("W/") && String(trimmed.dropFirst(2)) == etag)
        }) {
            return Response(status: .notModified, headers: [.eTag: etag])
        }
        let file = Self.fileName(request, version: version, format: (try? Query(request, allowed: allowed).format()) ?? .json)
        if let hit = cache.get(key) { return Self.ok(hit.body, contentType: hit.contentType, etag: etag, fileName: file) }
        let work: @Sendable (CancellationFlag) -> Result<Rendered, EngineError> = { flag in
            do {
                return .success(try compute(try Query(request, allowed: allowed), flag))
            } catch let error as EngineError {
                return .failure(error)
            } catch {
                return .failure(EngineError(.failure, "unexpected error: \(error)"))
            }
        }
        let result: Result<Rendered, EngineError>
        if heavy {
            let flag = CancellationFlag()
            ConnectionWatch.cancel(flag, whenClientLeaves: context?.channel)
            let task = follow(request, flag)
            defer { if let task { board.remove(task) } }
            switch await limiter.run(flag: flag, work) {
            case .done(let outcome): result = outcome
            case .busy: return Self.busy(limiter.maxConcurrent)
            case .timedOut: return Self.timedOut(configuration.computeTimeLimitSeconds)
            case .cancelled: return Self.cancelled()
            }
        } else {
            result = work(CancellationFlag())
        }
        switch result {
        case .success(let rendered):
            let body = ByteBuffer(bytes: rendered.bytes)
            cache.put(key, .init(body: body, contentType: rendered.format.contentType))
            return Self.ok(body, contentType: rendered.format.contentType, etag: etag, fileName: file)
        case .failure(let error):
            return APIError.response(error)
        }
    }

    /// Puts a heavy request's flag on the progress board under its `X-Lodestone-Task` id, if it gave one.
    private func follow(_ request: Request, _ flag: CancellationFlag) -> String? {
        let value = request.headers.first { $0.name.canonicalName == ProgressBoard.header.lowercased() }?.value
        guard let id = ProgressBoard.id(value) else { return nil }
        flag.begin("waiting for a free computation slot")
        return board.add(id, flag) ? id : nil
    }

    /// GET /api/v1/progress/{id}: the stage and share done of a running heavy request.
    private func progress(_ id: String) -> Response {
        guard let progress = board.progress(id) else {
            return APIError.response(status: .notFound, kind: "not-found",
                                     message: "no computation '\(id)' is running: it finished, was stopped, or never sent the \(ProgressBoard.header) header")
        }
        var headers: HTTPFields = [.contentType: "application/json; charset=utf-8"]
        headers[.cacheControl] = "no-store"
        let text = (try? ReportRenderer.json(ProgressAnswer(id: id, stage: progress.stage, share: progress.share))) ?? "{}"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    struct ProgressAnswer: Encodable {
        var id: String
        var stage: String
        var share: Double?

        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(id, forKey: .id)
            try c.encode(stage, forKey: .stage)
            try c.encode(share, forKey: .share)   // null while the length of the stage is unknown
        }

        enum CodingKeys: String, CodingKey { case id, stage, share }
    }

    /// POST /api/v1/scenarios/run: a `ScenarioRunRequest` as JSON, at most `maxBodyBytes`.
    private func postRun(_ request: Request, context: LodestoneRequestContext) async -> Response {
        let buffer: ByteBuffer
        switch await RequestBody.read(request, channel: context.channel, upTo: configuration.maxBodyBytes, within: configuration.bodyTimeoutSeconds) {
        case .success(let body): buffer = body
        case .failure(let problem): return problem.response(maxBytes: configuration.maxBodyBytes, seconds: configuration.bodyTimeoutSeconds)
        }
        let query: Query
        let runRequest: ScenarioRunRequest
        do {
            query = try Query(request, allowed: [])
            runRequest = try Self.decode(buffer)
        } catch {
            return APIError.response(error)
        }
        let engine = engine
        let flag = CancellationFlag()
        ConnectionWatch.cancel(flag, whenClientLeaves: context.channel)
        let task = follow(request, flag)
        defer { if let task { board.remove(task) } }
        switch await limiter.run(flag: flag, { flag -> Result<Rendered, EngineError> in
            do {
                return .success(try render(try engine.scenarioRun(runRequest, cancellation: flag), query))
            } catch let error as EngineError {
                return .failure(error)
            } catch {
                return .failure(EngineError(.failure, "unexpected error: \(error)"))
            }
        }) {
        case .done(.success(let rendered)):
            var headers: HTTPFields = [.contentType: rendered.format.contentType]
            headers[.cacheControl] = "no-store"
            if rendered.format.isFile { headers[.contentDisposition] = "attachment; filename=\"lodestone-scenario-run.\(rendered.format.rawValue)\"" }
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: rendered.bytes)))
        case .done(.failure(let error)): return APIError.response(error)
        case .busy: return Self.busy(limiter.maxConcurrent)
        case .timedOut: return Self.timedOut(configuration.computeTimeLimitSeconds)
        case .cancelled: return Self.cancelled()
        }
    }

    /// The keys a scenario request may have: any other is named rather than ignored
    /// (`commodity` for `commodities` would otherwise read as "no commodities").
    static let runRequestKeys = ["preset", "definition", "restricting", "commodities", "severity", "targets", "exempt", "extraterritorial",
                                 "durationYears", "year", "importers", "partners", "top"]

    static func decode(_ buffer: ByteBuffer) throws(EngineError) -> ScenarioRunRequest {
        if let object = try? JSONSerialization.jsonObject(with: Data(buffer.readableBytesView)) as? [String: Any],
           let unknown = object.keys.sorted().first(where: { !runRequestKeys.contains($0) }) {
            let near = NameKey.suggestion(for: unknown, among: runRequestKeys.map { (NameKey.of($0), $0) })
            throw EngineError(.usage, "the scenario request has an unknown key '\(unknown)'" + (near.map { " — did you mean '\($0)'?" } ?? "")
                + " (keys: \(runRequestKeys.joined(separator: ", ")))")
        }
        do {
            return try JSONDecoder().decode(ScenarioRunRequest.self, from: Data(buffer.readableBytesView))
        } catch let DecodingError.keyNotFound(key, context) {
            throw EngineError(.usage, "the scenario request has no '\((context.codingPath + [key]).map(\.stringValue).joined(separator: "."))' — 'importers' is required")
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context) {
            throw EngineError(.usage, "the scenario request's '\(context.codingPath.map(\.stringValue).joined(separator: "."))' has the wrong type: \(context.debugDescription)")
        } catch let DecodingError.dataCorrupted(context) where !context.codingPath.isEmpty {
            throw EngineError(.usage, "the scenario request's '\(context.codingPath.map(\.stringValue).joined(separator: "."))': \(context.debugDescription)")
        } catch {
            throw EngineError(.usage, "the body is not JSON of a scenario request (see /openapi.yaml, ScenarioRunRequest)")
        }
    }

    /// The path and the query pairs sorted, so `?a=1&b=2` and `?b=2&a=1` share an ETag.
    static func canonical(_ request: Request) -> String {
        let pairs = request.uri.queryParameters.map { "\($0.key)=\($0.value)" }.sorted()
        return request.uri.path + "?" + pairs.joined(separator: "&")
    }

    static func ok(_ body: ByteBuffer, contentType: String, etag: String, fileName: String? = nil) -> Response {
        var headers: HTTPFields = [.contentType: contentType, .eTag: etag]
        headers[.cacheControl] = "no-cache"
        // A CSV or workbook is saved, not read in the browser: named for what it answers and the data it came from.
        if contentType.hasPrefix("text/csv") || contentType.hasPrefix("application/vnd.openxml"), let fileName { headers[.contentDisposition] = "attachment; filename=\"\(fileName)\"" }
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: body))
    }

    /// lodestone-risk-JPN-2024-<data version>.csv: the endpoint, the query's values in the order
    /// given (format, lang and metadata left out), the data version; characters outside
    /// [A-Za-z0-9.+-] become '_'; .xlsx for a workbook.
    static func fileName(_ request: Request, version: String, format: ReportFormat = .csv) -> String {
        let endpoint = request.uri.path.split(separator: "/").dropFirst(2).joined(separator: "-")
        let values = request.uri.queryParameters.filter { !Query.common.contains(String($0.key)) }.map { String($0.value) }
        let parts = (["lodestone", endpoint.isEmpty ? "answer" : endpoint] + values + [String(version.prefix(8))]).map { part in
            String(part.unicodeScalars.map { scalar -> Character in
                scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar) || ".+".unicodeScalars.contains(scalar)) ? Character(scalar) : "_"
            })
        }
        return String(parts.joined(separator: "-").prefix(150)) + (format == .xlsx ? ".xlsx" : ".csv")
    }

    static func json(_ text: String) -> Response {
        Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    static func busy(_ limit: Int) -> Response {
        APIError.response(status: .serviceUnavailable, kind: "unavailable",
                          message: "the server is already running \(limit) heavy computations (scenario runs, priorities, the backtest); retry in a few seconds", headers: [.retryAfter: "5"])
    }

    static func timedOut(_ seconds: Double) -> Response {
        APIError.response(status: .serviceUnavailable, kind: "unavailable",
                          message: "the computation took longer than \(String(format: "%g", seconds)) s and was stopped; ask for fewer importers, commodities or draws")
    }

    /// The client went away (or the server is stopping): there is probably nobody to read this.
    static func cancelled() -> Response {
        APIError.response(status: .serviceUnavailable, kind: "unavailable", message: LodestoneError.cancelled.description)
    }
}
