import LodestoneCore

/// `priorities`: which minerals an importer should worry about first, from a Monte Carlo over
/// simulated years of restriction events (`Dataset.simulateRestrictionRisk`).
public struct PrioritiesRequest: Sendable, Hashable, Codable {
    public static let defaultDraws = 100_000
    public static let defaultSeed: UInt64 = 2025

    /// A country, group or union (USA, JPN, US-Japan, EU).
    public var importer: String
    /// Base year; default the latest year with both production and trade.
    public var year: Int?
    /// Commodities or stages (gallium, tungsten:metal); default the default stage of every family.
    public var commodities: [String]
    /// Simulated years, at least 1; bounded by the memory limit and `EngineLimits.maxDraws`.
    public var draws: Int
    /// Same seed, same answer byte for byte.
    public var seed: UInt64
    /// Replaces the engine's bundled restriction-probability model (the CLI's --risk-model file).
    public var riskModel: RestrictionRiskModel?
    /// Replaces the engine's bundled market parameters (the CLI's --parameters file).
    public var parameters: MarketParameters?

    public init(importer: String, year: Int? = nil, commodities: [String] = [], draws: Int = defaultDraws, seed: UInt64 = defaultSeed,
                riskModel: RestrictionRiskModel? = nil, parameters: MarketParameters? = nil) {
        self.importer = importer
        self.year = year
        self.commodities = commodities
        self.draws = draws
        self.seed = seed
        self.riskModel = riskModel
        self.parameters = parameters
    }
}

extension Engine {
    /// Ranks the selected stages by expected annual loss share, with tiers, standard errors and
    /// tail figures. Stages the data cannot assess are listed with their reason; if none can be
    /// assessed, that is a no-data error. Requests beyond `EngineLimits.maxDraws` or the memory
    /// limit are refused before any work. Once `cancellation` is set the simulation stops at its
    /// next check and this throws a failure saying so.
    public func priorities(_ request: PrioritiesRequest, cancellation: CancellationFlag? = nil) throws(EngineError) -> PrioritiesReport {
        try checkYear(request.year)
        guard request.draws >= 1 else { throw EngineError(.usage, "draws \(request.draws) must be at least 1") }
        guard request.draws <= limits.maxDraws else {
            throw EngineError(.usage, "draws \(request.draws) is over the limit of \(limits.maxDraws) per request here; ask for \(limits.maxDraws) or fewer")
        }
        let buyer = try importer(request.importer)
        let names = try names(request.commodities, what: "commodity")
        var selection: [Commodity] = []
        for name in names {
            let item = try commodity(name)
            if !selection.contains(item) { selection.append(item) }
        }
        guard selection.count <= limits.maxCommodities else {
            throw EngineError(.usage, "\(selection.count) commodities asked for; at most \(limits.maxCommodities) per request")
        }
        // Without a selection, every family at every stage the importer consumes, ranked by its most exposed one.
        let byFamily = selection.isEmpty
        if byFamily { selection = dataset.valueChainStages }
        // Refuse before any work; stages that turn out not assessable only lower the need.
        let candidates = selection.filter(dataset.hasTrade).count
        if RestrictionRisk.estimatedMemoryBytes(draws: request.draws, commodities: candidates) > RestrictionRisk.memoryLimitBytes {
            throw EngineError(.usage, Self.memoryMessage(draws: request.draws, commodities: candidates))
        }
        let year = try year(request.year)
        guard let model = request.riskModel ?? riskModel else {
            throw EngineError(.failure, "the bundled restriction-probability model is missing — reinstall lodestone or pass a risk model file")
        }
        let risk: RestrictionRisk
        do {
            let history = try presets.map { definition throws(LodestoneError) in try definition.resolve(in: dataset) }
            risk = try dataset.simulateRestrictionRisk(
                for: buyer, year: year, draws: request.draws, seed: request.seed, model: model, parameters: request.parameters ?? parameters,
                history: history, commodities: selection.map(\.id), cancellation: cancellation)
        } catch {
            throw EngineError(error)
        }
        if risk.commodities.isEmpty {
            let reason = risk.notAssessed.first.map { ": \($0.commodity.rawValue): \($0.reason)" } ?? ""
            throw EngineError(.noData, "nothing to assess for \(buyer.name) in \(year)\(reason)")
        }
        return PrioritiesReport(byFamily ? risk.mostExposedStagePerFamily(in: dataset) : risk, importer: buyer, model: model, parameters: request.parameters ?? parameters, in: dataset,
                                countryNames: countryNames)
    }

    /// What a request over the memory limit needs and what fits instead.
    static func memoryMessage(draws: Int, commodities: Int) -> String {
        let needed = RestrictionRisk.estimatedMemoryBytes(draws: draws, commodities: commodities)
        let most = RestrictionRisk.maxDraws(commodities: commodities)
        let size = needed == .max ? "more memory than this machine can address" : "about \(needed >> 20) MB of memory"
        return "\(draws) draws for \(commodities) commodit\(commodities == 1 ? "y" : "ies") would need \(size), "
            + "over the \(RestrictionRisk.memoryLimitBytes >> 20) MB limit: ask for \(most) draws or fewer"
            + (commodities > 1 ? ", or name fewer commodities" : "")
    }
}
