import ArgumentParser
import Foundation
import LodestoneEngine

struct ScenarioCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scenario",
        abstract: "Export-restriction scenarios: real events as presets, or your own.",
        subcommands: [List.self, Show.self, Run.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the bundled real-event presets, with the base year each run uses by default.")
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            try runReportingErrors { try output.emit(try storeOptions.openEngine().scenarioList()) }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show one preset in full (JSON, the format of scenario files; 'severities' are the per-commodity severities a run uses).")
        @Argument(help: "Preset name (see 'scenario list').") var name: String
        /// Accepted like every other command's; a preset needs no data.
        @OptionGroup var storeOptions: StoreOptions

        func run() throws {
            try runReportingErrors {
                Console.out(try ReportRenderer.json(try Engine.preset(named: name, in: try Engine.bundledPresets())))
            }
        }
    }

    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run a preset, a scenario file, or a restriction given by flags, for one or more importers.",
            discussion: """
            Examples:
              lodestone scenario run china-rare-earths-april-2025
              lodestone scenario run china-rare-earths-april-2025 --importer JPN,USA,US-Japan
              lodestone scenario run --restrict CHN --commodity gallium,germanium --severity 1 --importer USA
              lodestone scenario run --restrict CHN --commodity graphite --severity 0.5 --exempt G7 --importer JPN
            """)

        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var output: OutputOptions

        @Argument(help: "Preset name (omit to define the restriction with --restrict …).") var name: String?
        @Option(help: ArgumentHelp("A scenario file (JSON, as 'scenario show' prints).", valueName: "file")) var file: String?
        @Option(name: [.customLong("importer"), .customLong("for")],
                help: "Importers to report, comma-separated (countries, groups, unions); default all: every country that consumes the commodity, largest shortfall first.")
        var importer: String = "all"
        @Option(help: "Restricting countries, comma-separated (only without a preset or file).") var restrict: String?
        @Option(help: "Commodities, comma-separated (replaces a preset's).") var commodity: String?
        @Option(help: "Share of exports withheld, 0–1 (replaces a preset's).") var severity: Double?
        @Option(help: "Only these importers are targeted (comma-separated; replaces a preset's targets).") var targets: String?
        @Option(help: "Everyone except these is targeted (comma-separated; replaces a preset's targets).") var exempt: String?
        @Flag(inversion: .prefixedNo, help: "Also withhold re-exports of restricted-origin material through third countries (replaces a preset's setting).")
        var extraterritorial: Bool?
        @Option(help: "Duration in years (default 1, or the preset's); from year 2 the market clears without the first year's precautionary buying and licensing delay.") var duration: Double?
        @Option(help: "Base year of trade and production (default: the last full year before a preset's event, else the latest; a commodity without trade that year then uses its nearest year, and says so).")
        var year: Int?
        @Option(help: ArgumentHelp("Market parameter file (default: the bundled one).", valueName: "file")) var parameters: String?
        @OptionGroup var partnersOption: PartnersOption
        @OptionGroup var topOption: TopOption

        func validate() throws {
            if name != nil || file != nil, restrict != nil {
                throw ValidationError("a preset or scenario file names its own restricting countries: drop --restrict, or define the whole restriction with --restrict, --commodity and --severity")
            }
        }

        func run() throws {
            try runReportingErrors {
                let engine = try storeOptions.openEngine().replacing(parametersFile: parameters)
                let definition = try file.map { path throws(EngineError) in try Engine.scenarioDefinition(at: path) }
                let request = ScenarioRunRequest(
                    preset: name, definition: definition, restricting: restrict.map { [$0] }, commodities: commodity.map { [$0] },
                    severity: severity, targets: targets.map { [$0] }, exempt: exempt.map { [$0] }, extraterritorial: extraterritorial,
                    durationYears: duration, year: year, importers: [importer], partners: partnersOption.partners,
                    top: topOption.top)
                try output.emit(try ProgressLine.run { flag in try engine.scenarioRun(request, cancellation: flag) })
            }
        }
    }
}
