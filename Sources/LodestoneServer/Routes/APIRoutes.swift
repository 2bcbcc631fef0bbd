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
        for question in Questions.all { register(question, on: router) }
        router.post("/api/v1/scenarios/run") { request, context in
            await postRun(request, context: context)
        }
        router.get("/api/v1/scenarios/:name") { request, context in
            let name = context.parameters.get("name") ?? ""
            return await answer(request, query: { try Query($0) }) { _ in
                Rendered(text: try ReportRenderer.json(engine.preset(named: name)), format: .json)
            }
        }
        router.get("/api/v1/progress/:id") { _, context in
            progress(context.parameters.get("id") ?? "")
        }
    }

    /// GET /api/v1/<path> for a registered question: its parameters from the query, one answer
    /// or (with `years`) a series, heavy work through the limiter with the server's time limit.
    private func register<Q: Question>(_ question: Q.Type, on router: Router<LodestoneRequestContext>) {
        let timeLimit = configuration.computeTimeLimitSeconds
        router.get(RouterPath(stringLiteral: "/api/v1/" + Q.path)) { request, context in
            await answer(request, context, query: { try Query($0, for: Q.self) }, heavy: Q.heavy) { q, flag in
                let context = QuestionContext(cancellation: flag, timeLimitSeconds: timeLimit)
                guard Q.years == .series, let years = try q.input.years() else {
                    return try render(Q.answer(q.input, year: try q.int("year"), engine: engine, context: context), q)
                }
                return try renderSeries(years, q) { year in try Q.answer(q.input, year: year, engine: engine, context: context) }
            }
        }
    }

    /// Every fixed path the API answers (GET, and POST where `MethodMiddleware.postPaths` says).
    static let paths: Set<String> = Set(Questions.all.map { "/api/v1/" + $0.path } + ["/healthz", "/openapi.yaml", "/"])

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

    /// One answer per year of `years` (the years without data named, as the CLI's --years).
    private func renderSeries<Report: TabularReport>(_ years: [Int], _ q: Query, _ make: (Int) throws -> Report) throws -> Rendered {
        let series = try ReportRenderer.series(years) { try make($0) }
        return Rendered(try ReportRenderer.export(series: series.reports, years: series.years, missing: series.missing, as: try q.format(),
                                                  localizer: try localizer(q), context: engine.exportContext(question: q.question),
                                                  metadata: try q.bool("metadata") ?? false))
    }

    /// A cheap GET answer (computed on the request's task).
    private func answer(_ request: Request, query: @escaping @Sendable (Request) throws -> Query,
                        _ compute: @escaping @Sendable (Query) throws -> Rendered) async -> Response {
        await answer(request, nil, query: query, heavy: false) { q, _ in try compute(q) }
    }

    /// A GET answer: 304 when the client holds the current version, else from the cache, else
    /// computed (expensive work through the limiter, stopped if its client goes away), rendered,
    /// cached and sent with its ETag.
    private func answer(_ request: Request, _ context: LodestoneRequestContext? = nil, query: @escaping @Sendable (Request) throws -> Query, heavy: Bool = false,
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
        let file = Self.fileName(request, version: version, format: (try? query(request).format()) ?? .json)
        if let hit = cache.get(key) { return Self.ok(hit.body, contentType: hit.contentType, etag: etag, fileName: file) }
        let work: @Sendable (CancellationFlag) -> Result<Rendered, EngineError> = { flag in
            do {
                return .success(try compute(try query(request), flag))
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
        /// Null while the length of the stage is unknown.
        @OrNull var share: Double?
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
            query = try Query(request)
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
