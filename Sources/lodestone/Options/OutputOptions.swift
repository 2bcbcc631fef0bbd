import ArgumentParser

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, csv, json
}

struct OutputOptions: ParsableArguments {
    @Option(name: .long, help: "Output format: table (aligned, for people), csv or json (stable, documented in the README).")
    var format: OutputFormat = .table
}
