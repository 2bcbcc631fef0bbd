import ArgumentParser
import LodestoneEngine

/// The command of a registered question (`Questions.all`): its name, help and parameters come
/// from the registry, so a new question needs no command of its own. The store, output and year
/// options are the ones every command takes; the question's own parameters are read as
/// `--name value` (a list takes several values, repeated or comma-separated).
struct QuestionCommand<Q: Question>: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: Q.command.last, abstract: Q.summary, discussion: Self.discussion)
    }

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var yearOptions: YearOptions
    @Argument(parsing: .allUnrecognized, help: ArgumentHelp("The question's parameters (listed above).", valueName: "parameters"))
    var parameters: [String] = []

    /// The registry's parameters, listed under the discussion.
    static var discussion: String {
        let lines = Q.parameters.map { p in
            let flag = "--" + p.name + (p.aliases.isEmpty ? "" : " (or " + p.aliases.map { "--" + $0 }.joined(separator: ", ") + ")")
            let value: String = switch p.kind {
            case .list: " <value> ..."
            case .boolean: " <true|false>"
            case .choice(let words): " <" + words.joined(separator: "|") + ">"
            default: " <\(p.name)>"
            }
            return "  " + flag + value + (p.required ? " (required)" : "") + (p.positional ? ", or as the first argument" : "") + "\n      " + p.help
        }
        let yearNote: String = switch Q.years {
        case .none: "  (no --year or --years: the answer is not about a year)"
        case .single: "  --year only (no --years)"
        case .series: "  --year, or --years for one answer per year"
        }
        return [Q.discussion, "Parameters:\n" + (lines + [yearNote]).joined(separator: "\n")].filter { !$0.isEmpty }.joined(separator: "\n\n")
    }

    /// Beside `YearOptions`' own rule (not both): what this question takes.
    func validate() throws {
        let (year, years) = (yearOptions.year, yearOptions.years)
        if Q.years == .none, year != nil || years != nil { throw ValidationError("\(Q.command.joined(separator: " ")) is not about a year: leave out --year and --years") }
        if Q.years == .single, years != nil { throw ValidationError("\(Q.command.joined(separator: " ")) answers one year: use --year") }
    }

    func run() throws {
        try runReportingErrors {
            let input = try Q.input(try Self.pairs(parameters), origin: .commandLine)
            for parameter in Q.parameters where parameter.required && input.string(parameter.name) == nil {
                let example = parameter.positional ? " (or as the first argument: lodestone \(Q.command.joined(separator: " ")) VALUE)" : ""
                throw EngineError(.usage, "missing --\(parameter.name)\(example): \(parameter.help)")
            }
            let engine = try storeOptions.openEngine()
            try output.emit(yearOptions) { year in
                try ProgressLine.run { flag in try Q.answer(input, year: year, engine: engine, context: QuestionContext(cancellation: flag)) }
            }
        }
    }

    /// `--name value`, `--name=value`, a list's several values, and the positional parameter's
    /// bare value, as (name, value) pairs under each parameter's own name.
    static func pairs(_ words: [String]) throws(EngineError) -> [(String, String)] {
        var pairs: [(String, String)] = []
        var index = 0
        while index < words.count {
            let word = words[index]
            index += 1
            guard word.hasPrefix("--") else {
                guard let positional = Q.parameters.first(where: \.positional), !pairs.contains(where: { $0.0 == positional.name }) else {
                    throw EngineError(.usage, "unexpected argument '\(word)' — give each value after its option (see --help)")
                }
                pairs.append((positional.name, word))
                continue
            }
            let flag = word.dropFirst(2)
            let spelled = String(flag.prefix { $0 != "=" })
            guard let parameter = Q.parameters.first(where: { $0.name == spelled || $0.aliases.contains(spelled) || kebab($0.name) == spelled }) else {
                throw EngineError(.usage, "unknown option '--\(spelled)' — this command takes \(Q.parameters.map { "--" + $0.name }.joined(separator: ", ")) (see --help)")
            }
            if let equals = flag.firstIndex(of: "=") {
                pairs.append((parameter.name, String(flag[flag.index(after: equals)...])))
                continue
            }
            var values: [String] = []
            while index < words.count, !words[index].hasPrefix("--"), values.isEmpty || parameter.kind == .list {
                values.append(words[index])
                index += 1
            }
            guard !values.isEmpty else { throw EngineError(.usage, "--\(spelled) needs a value (see --help)") }
            pairs += values.map { (parameter.name, $0) }
        }
        return pairs
    }

    /// holdingRate → holding-rate, the CLI's spelling of a multi-word name.
    private static func kebab(_ name: String) -> String {
        String(name.flatMap { $0.isUppercase ? ["-", Character($0.lowercased())] : [$0] })
    }
}

/// The CLI's command for each registered question, at the top level or under its parent ("data").
enum RegisteredCommands {
    static func under(_ parent: [String]) -> [ParsableCommand.Type] {
        Questions.all.filter { Array($0.command.dropLast()) == parent && !handWritten.contains($0.command) }.map { command(for: $0) }
    }

    /// Questions whose command keeps options of its own (files to read, a --fit mode, progress
    /// of a Monte Carlo with a memory check): their commands still answer through the engine.
    static let handWritten: Set<[String]> = [
        ["priorities"], ["plan", "stockpile"], ["plan", "invest"], ["scenario", "list"], ["scenario", "run"], ["backtest"], ["data", "info"],
    ]

    private static func command<Q: Question>(for question: Q.Type) -> ParsableCommand.Type { QuestionCommand<Q>.self }
}
