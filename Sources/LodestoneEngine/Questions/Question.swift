import LodestoneCore

/// A question the engine answers, described once for every front end: the CLI builds its
/// command, the server its route, and the tests check the OpenAPI document against it.
///
/// Adding a question: its request and answer (`Engine+Name.swift`), its report, and a type
/// conforming to `Question` listed in `Questions.all` (see CONTRIBUTING.md).
public protocol Question: SendableMetatype {
    associatedtype Report: TabularReport
    /// The CLI's words for it: ["risk"], or ["data", "check"] for a subcommand.
    static var command: [String] { get }
    /// Its path under /api/v1 ("risk", "data/check").
    static var path: String { get }
    /// One line for `--help` and the OpenAPI summary.
    static var summary: String { get }
    /// More for `--help`: defaults, what is left out and where it goes.
    static var discussion: String { get }
    /// Its parameters, besides the year (see `years`) and the output's format, language and metadata.
    static var parameters: [QuestionParameter] { get }
    static var years: YearSupport { get }
    /// Long work: the server runs it through its limiter, follows its progress and stops it
    /// when its client leaves.
    static var heavy: Bool { get }
    /// The answer for one year (nil: the question's default year), with the input's parameters.
    static func answer(_ input: QuestionInput, year: Int?, engine: Engine, context: QuestionContext) throws(EngineError) -> Report
}

/// What the front end asking gives every answer besides its parameters.
public struct QuestionContext: Sendable {
    /// Set when the asker gives up (Ctrl-C, a closed connection, a newer request).
    public var cancellation: CancellationFlag
    /// The longest one solver call may take (the server's limit for heavy work).
    public var timeLimitSeconds: Double

    public init(cancellation: CancellationFlag = CancellationFlag(), timeLimitSeconds: Double = 60) {
        self.cancellation = cancellation
        self.timeLimitSeconds = timeLimitSeconds
    }
}

extension Question {
    public static var discussion: String { "" }
    public static var heavy: Bool { false }
    /// The names the input may hold: the parameters and the year's.
    public static var parameterNames: [String] {
        parameters.map(\.name) + years.parameterNames
    }
    /// The names that take a list.
    public static var listNames: Set<String> {
        Set(parameters.filter { $0.kind == .list }.map(\.name))
    }
    /// The input of a query string or command line, checked against these parameters.
    public static func input(_ pairs: [(String, String)], common: [String] = [], origin: QuestionInput.Origin) throws(EngineError) -> QuestionInput {
        try QuestionInput(pairs, allowed: origin == .query ? parameterNames : parameters.map(\.name), lists: listNames, common: common, origin: origin)
    }
}

/// Which of `year` and `years` a question takes.
public enum YearSupport: Sendable {
    /// Neither: the question is not about a year (the catalogue, the backtest).
    case none
    /// `year` only.
    case single
    /// `year`, or `years` (a range or list) for one answer per year.
    case series

    public var parameterNames: [String] {
        switch self {
        case .none: []
        case .single: ["year"]
        case .series: ["year", "years"]
        }
    }
}

/// One parameter of a question: the query key and the CLI's `--name` are the same word.
public struct QuestionParameter: Sendable {
    public enum Kind: Sendable, Equatable {
        /// Free text (a country, a commodity, a group).
        case text
        /// One or more values: repeated, comma-separated, or (on the command line) several after the flag.
        case list
        case integer
        /// A whole number from 0 to 2⁶⁴ − 1 (a random seed).
        case unsigned
        case number
        case boolean
        /// One of these words.
        case choice([String])
    }

    public var name: String
    public var kind: Kind
    public var required: Bool
    public var help: String
    /// Other spellings the CLI accepts (`--for` for `--importer`).
    public var aliases: [String]
    /// On the command line it may be given without its flag (`lodestone country JPN`).
    public var positional: Bool

    public init(_ name: String, _ kind: Kind, required: Bool = false, help: String, aliases: [String] = [], positional: Bool = false) {
        self.name = name
        self.kind = kind
        self.required = required
        self.help = help
        self.aliases = aliases
        self.positional = positional
    }

    /// A choice among an enum's raw values.
    public static func choice<T: RawRepresentable & CaseIterable>(_ name: String, _ type: T.Type, help: String) -> QuestionParameter where T.RawValue == String {
        QuestionParameter(name, .choice(T.allCases.map(\.rawValue)), help: help)
    }

    // The parameters several questions share, worded once.
    public static let importer = QuestionParameter("importer", .text, required: true, help: "Country, group or union (JPN, US-Japan, USA+JPN, EU).", aliases: ["for"])
    public static let commodity = QuestionParameter("commodity", .text, required: true, help: "Commodity id or name (\"rare earths\", cobalt, tungsten:metal).")
    public static let commodities = QuestionParameter("commodity", .list, help: "Commodities (repeat, list, or comma-separate; default: all).")
    public static let top = QuestionParameter("top", .integer, help: "Keep only the N largest rows.")
    public static let partners = QuestionParameter("partners", .text, help: "A partner group (US-Japan, Quad, G7, EU, MSP) whose members are marked.")
}
