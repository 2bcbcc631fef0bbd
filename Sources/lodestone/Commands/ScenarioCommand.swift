import ArgumentParser
import Foundation
import LodestoneCore
import LodestoneStore

struct ScenarioCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scenario",
        abstract: "Export-restriction scenarios: real events as presets, or your own.",
        subcommands: [List.self, Show.self, Run.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the bundled real-event presets.")
        @OptionGroup var output: OutputOptions

        func run() throws {
            try runReportingErrors {
                let presets = try ScenarioLibrary.presets()
                if output.format == .json { return Console.out(try JSONOutput.render(presets)) }
                var table = TextTable([("name", false), ("effective", false), ("restricting", false), ("commodities", false),
                                       ("targets", false), ("severity", true), ("extraterritorial", false)])
                for p in presets {
                    table.add([p.name, p.effective ?? "", p.restricting.joined(separator: " "), p.commodities.joined(separator: " "),
                               p.targets.kind + (p.targets.countries.map { " " + $0.joined(separator: " ") } ?? ""),
                               Fmt.exact(p.severity), p.extraterritorial ? "yes" : "no"])
                }
                Console.out(output.format == .csv ? table.renderCSV() : table.renderAligned())
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show one preset in full (JSON, the format of scenario files).")
        @Argument(help: "Preset name (see 'scenario list').") var name: String

        func run() throws {
            try runReportingErrors {
                Console.out(try JSONOutput.render(try preset(named: name)))
            }
        }
    }

    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run a preset, a scenario file, or a restriction given by flags, for one or more importers.",
            discussion: """
            Examples:
              lodestone scenario run china-rare-earths-april-2025 --for JPN,USA,US-Japan
              lodestone scenario run --restrict CHN --commodity gallium,germanium --severity 1 --for USA
              lodestone scenario run --restrict CHN --commodity graphite --severity 0.5 --exempt G7 --for JPN
            """)

        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var output: OutputOptions

        @Argument(help: "Preset name (omit to define the restriction with --restrict …).") var name: String?
        @Option(help: ArgumentHelp("A scenario file (JSON, as 'scenario show' prints).", valueName: "file")) var file: String?
        @Option(help: "Importers to report, comma-separated (countries, groups, unions).") var `for`: String
        @Option(help: "Restricting countries, comma-separated (only without a preset or file).") var restrict: String?
        @Option(help: "Commodities, comma-separated (replaces a preset's).") var commodity: String?
        @Option(help: "Share of exports withheld, 0–1 (replaces a preset's).") var severity: Double?
        @Option(help: "Only these importers are targeted (comma-separated; replaces a preset's targets).") var targets: String?
        @Option(help: "Everyone except these is targeted (comma-separated; replaces a preset's targets).") var exempt: String?
        @Flag(inversion: .prefixedNo, help: "Also withhold re-exports of restricted-origin material through third countries (replaces a preset's setting).")
        var extraterritorial: Bool?
        @Option(help: "Duration in years (default 1, or the preset's).") var duration: Double?
        @Option(help: "Base year of trade and production (default: the last full year before a preset's event, else the latest; a commodity without trade that year then uses its nearest year, and says so).")
        var year: Int?
        @Option(help: ArgumentHelp("Market parameter file (default: the bundled one).", valueName: "file")) var parameters: String?
        @Option(help: "A group whose members are flagged as allies among partners (e.g. MSP, G7).") var allies: String?

        func validate() throws {
            let sources = [name != nil, file != nil, restrict != nil].filter { $0 }.count
            if name != nil || file != nil, restrict != nil {
                throw ValidationError("a preset or scenario file names its own restricting countries: drop --restrict, or define the whole restriction with --restrict, --commodity and --severity")
            }
            if sources != 1 { throw ValidationError("give exactly one of: a preset name, --file, or --restrict with --commodity") }
            if restrict != nil, commodity == nil { throw ValidationError("--restrict needs --commodity") }
            if restrict != nil, severity == nil { throw ValidationError("--restrict needs --severity (0–1)") }
            if targets != nil, exempt != nil { throw ValidationError("--targets and --exempt contradict each other: give one") }
            if let severity, !(severity.isFinite && (0...1).contains(severity)) { throw ValidationError("--severity \(severity) is outside 0–1 (the share of exports withheld)") }
            if let duration, !(duration.isFinite && duration > 0 && duration <= 10) { throw ValidationError("--duration \(duration) must be above 0 and at most 10 years") }
        }

        func run() throws {
            try runReportingErrors {
                let dataset = try storeOptions.loadDataset()
                let definition = try self.definition()
                let scenario = try definition.resolve(in: dataset)
                let importers = try list(self.for).map { try dataset.resolveImporter($0) }
                let allyCodes = try allies.map { try dataset.resolveImporter($0).members } ?? []
                let parameterSet = try ScenarioLibrary.marketParameters(at: parameters)
                guard let latest = dataset.tradeYears.last else { throw CLIError.failure("the store holds no trade") }
                let baseYear = year ?? definition.baseYear(latest: latest)
                let outcome = try dataset.run(scenario, year: baseYear, for: importers, parameters: parameterSet, allies: allyCodes,
                                              yearFallback: year == nil)
                try emit(outcome, definition: definition, dataset: dataset)
            }
        }

        /// The preset, file or flags, with every option given applied to it.
        private func definition() throws -> ScenarioDefinition {
            var definition: ScenarioDefinition
            if let name { definition = try preset(named: name) }
            else if let file { definition = try ScenarioLibrary.definition(at: (file as NSString).expandingTildeInPath) }
            else {
                definition = ScenarioDefinition(name: "custom", title: "Custom restriction", restricting: list(restrict ?? ""),
                                                commodities: [], targets: .init(kind: "everyone"), severity: 1, extraterritorial: false)
            }
            if let commodity {
                definition.commodities = list(commodity)
                definition.severities = definition.severities?.filter { definition.commodities.contains($0.key) }
            }
            if let severity { (definition.severity, definition.severities) = (severity, nil) }
            if let targets { definition.targets = .init(kind: "only", countries: list(targets)) }
            if let exempt { definition.targets = .init(kind: "everyone-except", countries: list(exempt)) }
            if let extraterritorial { definition.extraterritorial = extraterritorial }
            if let duration { definition.durationYears = duration }
            return definition
        }

        private func emit(_ outcome: ScenarioOutcome, definition: ScenarioDefinition, dataset: Dataset) throws {
            if output.format == .json { return Console.out(try JSONOutput.render(outcome)) }
            for gap in outcome.notAssessed { Console.note("not assessed: \(gap.commodity): \(gap.reason)") }
            let full = output.format == .csv
            var table = TextTable([("importer", false), ("commodity", false), ("consumption_t", true), ("direct_loss_t", true),
                                   ("indirect_loss_t", true), ("loss", true), ("shortfall_t", true), ("shortfall", true),
                                   ("stock_draw_t", true), ("price", true), ("extra_cost_usd", true)])
            for i in outcome.impacts {
                table.add([i.importer, i.commodity.rawValue,
                           full ? Fmt.exact(i.consumptionTonnes) : Fmt.tonnes(i.consumptionTonnes),
                           full ? Fmt.exact(i.directLossTonnes) : Fmt.tonnes(i.directLossTonnes),
                           full ? Fmt.exact(i.indirectLossTonnes) : Fmt.tonnes(i.indirectLossTonnes),
                           full ? Fmt.exact(i.lossShare) : Fmt.percent(i.lossShare),
                           full ? Fmt.exact(i.shortfallTonnes) : Fmt.tonnes(i.shortfallTonnes),
                           full ? Fmt.exact(i.shortfallShare) : Fmt.percent(i.shortfallShare),
                           full ? Fmt.exact(i.stockDrawTonnes) : Fmt.tonnes(i.stockDrawTonnes),
                           full ? Fmt.exact(i.priceChange) : Fmt.signedPercent(i.priceChange),
                           full ? Fmt.exact(i.extraCostUSD) : Fmt.tonnes(i.extraCostUSD)])
            }
            if full { return Console.out(table.renderCSV()) }
            Console.out("\(definition.title) [\(definition.name)], base year \(outcome.year), severity \(Fmt.exact(outcome.scenario.severity))"
                        + (outcome.scenario.extraterritorial ? ", extraterritorial" : "") + "\n")
            if let reference = definition.reference { Console.out("source: \(reference)\(definition.url.map { ", " + $0 } ?? "")\n") }
            for m in outcome.markets {
                Console.out("\(m.commodity) (\(m.supplyClass.rawValue), trade \(m.tradeYear)): withheld \(Fmt.tonnes(m.withheldTonnes)) t of \(Fmt.tonnes(m.consumptionTonnes)) t"
                            + (m.divertedTonnes > 0 ? ", \(Fmt.tonnes(m.divertedTonnes)) t diverted to non-targets" : "") + "\n")
                Console.out("  price outside \(Fmt.signedPercent(m.priceChangeOutside))\(m.priceCapped ? " (capped)" : ""), "
                            + "inside \(Fmt.signedPercent(m.priceChangeInside))\(m.insidePriceFloored ? " (floor)" : ""); "
                            + "other producers +\(Fmt.tonnes(m.supplyResponseTonnes)) t, demand −\(Fmt.tonnes(m.demandResponseTonnes)) t, "
                            + "stocks drawn \(Fmt.tonnes(m.stockDrawTonnes)) t, kept at home \(Fmt.tonnes(m.keptAtHomeTonnes)) t\n")
                if let note = m.note { Console.out("  note: \(note)\n") }
                let partners = m.partners.prefix(5).map { p in
                    "\(countryLabel(p.country, dataset).iso3) \(Fmt.tonnes(p.spareTonnes)) t" + (p.ally ? " (ally)" : "")
                }
                Console.out("  best placed to fill the gap (spare capacity, weighted by stability): \(partners.joined(separator: ", "))\n")
            }
            Console.out("\n" + table.renderAligned())
        }
    }
}

private func list(_ text: String) -> [String] {
    text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
}

private func preset(named name: String) throws -> ScenarioDefinition {
    let presets = try ScenarioLibrary.presets()
    if let match = presets.first(where: { $0.name.caseInsensitiveCompare(name) == .orderedSame }) { return match }
    let near = presets.map(\.name).min { a, b in a.commonPrefix(with: name).count > b.commonPrefix(with: name).count }
    throw CLIError.usage("unknown scenario '\(name)'" + (near.map { " — did you mean \($0)? ('lodestone scenario list' shows all)" } ?? ""))
}
