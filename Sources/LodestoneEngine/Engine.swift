import Foundation
// The engine's answers are Core's types (datasets, scenarios, the cancellation flag): a front end
// that imports the engine sees them without importing Core. The store stays behind the engine.
@_exported import LodestoneCore
import LodestoneStore

/// The one place a front end asks a question: it holds the immutable Dataset, the bundled market
/// parameters, the scenario presets and the backtest observations, and answers one request type
/// per question with one Codable report. Every method is a pure function of (engine, request),
/// so one engine is shared read-only by every request of a server.
public struct Engine: Sendable {
    public let dataset: Dataset
    public let parameters: MarketParameters
    public let presets: [ScenarioDefinition]
    public let observations: [PriceObservation]
    public let exportDrops: [ExportDrop]
    /// The restriction-probability model behind `priorities` (nil when its bundled file is missing:
    /// then `priorities` says so, unless the request brings its own).
    public let riskModel: RestrictionRiskModel?
    /// What `data info` reports about the store the data came from (nil when built in memory).
    public let storeInfo: StoreInfo?
    /// A short hash of the data's provenance and the parameters: equal versions, equal answers.
    public let dataVersion: String
    /// How reports show the countries in Core's results (`CountryNames`).
    public let countryNames: CountryNames
    public let limits: EngineLimits

    public init(dataset: Dataset, parameters: MarketParameters, presets: [ScenarioDefinition], observations: [PriceObservation],
                exportDrops: [ExportDrop], riskModel: RestrictionRiskModel? = try? ScenarioLibrary.riskModel(), storeInfo: StoreInfo? = nil,
                limits: EngineLimits = EngineLimits()) {
        self.dataset = dataset
        countryNames = CountryNames(dataset)
        self.parameters = parameters
        self.presets = presets
        self.observations = observations
        self.exportDrops = exportDrops
        self.riskModel = riskModel
        self.storeInfo = storeInfo
        self.limits = limits
        var hash = StableHash()
        for p in dataset.provenance { hash.add("\(p.dataset)|\(p.version)|\(p.sha256)|\(p.rows)") }
        if let encoded = try? ReportRenderer.jsonData(parameters) { hash.add(encoded) }
        if let model = riskModel, let encoded = try? ReportRenderer.jsonData(model) { hash.add(encoded) }
        hash.add("presets:\(presets.map(\.name).joined(separator: ","))|observations:\(observations.count)|drops:\(exportDrops.count)")
        dataVersion = hash.hex
    }

    /// Opens the existing store at `storePath` (creating stores is the front end's decision: see
    /// the CLI's StoreOptions); an empty Lodestone store is filled from the bundled snapshot
    /// first (`note` is told, once). A file that is not a store is refused untouched.
    /// The trade comes from `cache` (a machine-local copy keyed by the store's state) when it
    /// holds one, which spares a cold process most of its load time.
    public static func open(storePath: String, limits: EngineLimits = EngineLimits(), cache: TradeCache? = TradeCache.standard,
                            note: (String) -> Void = { _ in }) throws(EngineError) -> Engine {
        try EngineError.wrapping {
            // Read access: a store that is only read never has its journal mode changed, and one
            // on a read-only filesystem is read where it lies. Only an empty store is reopened to fill it.
            var store = try SQLiteStore(path: storePath, create: false, access: .read)
            if try store.isEmpty() {
                store = try SQLiteStore(path: storePath, create: false, access: .write)
                guard let folder = Snapshot.bundledFolder else {
                    throw EngineError(.failure, "the store at \(storePath) is empty and no bundled snapshot was found — run 'lodestone data import --from PATH'")
                }
                try store.fillIfEmpty {
                    note("filling the empty store at \(storePath) from the bundled snapshot (one-time, a few seconds)")
                    return try Snapshot.read(from: folder)
                }
            }
            let dataset = try store.loadDataset(cache: cache)
            if let stale = staleCatalogueNote(dataset) { note(stale) }
            if let missing = missingNamesNote(dataset) { note(missing) }
            return try bundledLibraries(dataset: dataset, storeInfo: try store.info(), limits: limits)
        }
    }

    /// A note when the store was built with another catalogue than the bundled one (a store made
    /// by an earlier Lodestone keeps its figures until it is imported again), else nil.
    static func staleCatalogueNote(_ dataset: Dataset) -> String? {
        guard let stored = dataset.provenance.first(where: { $0.dataset == "catalogue" })?.version,
              let bundled = try? Catalogue.bundled().version, stored != bundled else { return nil }
        return "this store was built with catalogue \(stored), this lodestone has \(bundled): its stages, official anchors and "
            + "production bases may be out of date — rebuild it with 'lodestone data import' (the bundled snapshot) or from the public releases"
    }

    /// A note when a store built from the public releases has no names in other languages (one
    /// made before they were bundled), else nil.
    static func missingNamesNote(_ dataset: Dataset) -> String? {
        guard dataset.provenance.contains(where: { $0.dataset == "catalogue" }), dataset.countryNames.isEmpty else { return nil }
        return "this store has no country names in Japanese, Arabic or Chinese: rebuild it with 'lodestone data import' "
            + "(the bundled snapshot has them) or add --names ne_110m_admin_0_countries.geojson to an import from the releases"
    }

    /// An engine on the bundled snapshot, read straight into memory without a store (tests).
    public static func bundledSnapshot(limits: EngineLimits = EngineLimits()) throws(EngineError) -> Engine {
        let data = try bundledSnapshotData()
        return try EngineError.wrapping { try bundledLibraries(dataset: data.makeDataset(), storeInfo: nil, limits: limits) }
    }

    private static func bundledLibraries(dataset: Dataset, storeInfo: StoreInfo?, limits: EngineLimits) throws -> Engine {
        Engine(dataset: dataset, parameters: try ScenarioLibrary.marketParameters(), presets: try ScenarioLibrary.presets(),
               observations: try BacktestLibrary.priceObservations(), exportDrops: try BacktestLibrary.exportDrops(),
               riskModel: try ScenarioLibrary.riskModel(), storeInfo: storeInfo, limits: limits)
    }

    /// The same data with other market parameters, backtest observations or export drops (files
    /// a user gives in place of the bundled ones); nil keeps the engine's own.
    public func replacing(parameters: MarketParameters? = nil, observations: [PriceObservation]? = nil,
                          exportDrops: [ExportDrop]? = nil) -> Engine {
        Engine(dataset: dataset, parameters: parameters ?? self.parameters, presets: presets, observations: observations ?? self.observations,
               exportDrops: exportDrops ?? self.exportDrops, riskModel: riskModel, storeInfo: storeInfo, limits: limits)
    }

    /// `replacing` with the files at these paths (nil: the bundled one), read and checked.
    public func replacing(parametersFile: String?, observationsFile: String? = nil, exportDropsFile: String? = nil) throws(EngineError) -> Engine {
        if parametersFile == nil, observationsFile == nil, exportDropsFile == nil { return self }
        return try EngineError.wrapping {
            replacing(parameters: try parametersFile.map { try ScenarioLibrary.marketParameters(at: $0) },
                      observations: try observationsFile.map { try BacktestLibrary.priceObservations(at: $0) },
                      exportDrops: try exportDropsFile.map { try BacktestLibrary.exportDrops(at: $0) })
        }
    }
}
