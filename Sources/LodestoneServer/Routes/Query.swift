import Hummingbird
import LodestoneEngine

/// A request's query parameters as a question's input (checked against the names the endpoint
/// takes: see `QuestionInput`), plus the parameters every endpoint takes.
struct Query: Sendable {
    let input: QuestionInput
    /// The request as asked ("GET /api/v1/risk?importer=JPN"), for an export's metadata.
    let question: String

    /// Parameters every endpoint takes: the answer's format, the names' language, and whether
    /// a CSV starts with its metadata lines.
    static let common = ["format", "lang", "metadata"]

    /// For a registered question.
    init<Q: Question>(_ request: Request, for question: Q.Type) throws(EngineError) {
        self.question = Self.asked(request)
        input = try Q.input(Self.pairs(request), common: Self.common, origin: .query)
    }

    /// For a route that takes only the common parameters.
    init(_ request: Request) throws(EngineError) {
        question = Self.asked(request)
        input = try QuestionInput(Self.pairs(request), allowed: [], lists: [], common: Self.common, origin: .query)
    }

    private static func asked(_ request: Request) -> String {
        "\(request.method) \(request.uri.path)" + (request.uri.query.map { "?" + $0 } ?? "")
    }

    private static func pairs(_ request: Request) -> [(String, String)] {
        request.uri.queryParameters.map { (String($0.key), String($0.value)) }
    }

    func string(_ key: String) -> String? { input.string(key) }
    func int(_ key: String) throws(EngineError) -> Int? { try input.int(key) }
    func bool(_ key: String) throws(EngineError) -> Bool? { try input.bool(key) }

    /// json (default) or csv; a table is for terminals.
    func format() throws(EngineError) -> ReportFormat { try input.choice("format", default: ReportFormat.json) }
}
