import ArgumentParser

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, csv, json
}

struct OutputOptions: ParsableArguments {
    @Option(name: .long, help: "Output format: table (aligned, for people), csv or json (stable, documented in the README).")
    var format: OutputFormat = .table
}

/// `--top N`: how many rows tables and CSV show (JSON always lists all).
struct TopOption: ParsableArguments {
    @Option(help: "Show only the N largest rows (tables and csv; json lists all).")
    var top: Int?

    func validate() throws {
        if let top, top < 1 { throw ValidationError("--top must be at least 1") }
    }

    func limit(_ count: Int) -> Int { min(count, top ?? count) }
}
