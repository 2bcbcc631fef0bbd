/// Market-response parameters per commodity, for one disruption year.
///
/// - `supplyElasticity` ε_s ≥ 0: % change in unrestricted producers' output per % price change,
///   capped by their spare capacity.
/// - `demandElasticity` ε_d ≤ 0: % change in consumption per % price change.
/// - `spareCapacityShare` σ ≥ 0: idle capacity of unrestricted producers as a share of their output.
/// - `resourcingShare` φ in 0...1: share of a target's lost supply it can re-source on the world
///   market within the year; the rest is lost outright (qualification of new suppliers, logistics).
/// - `maxPriceIncrease`: the largest relative price rise the model allows (e.g. 5 = +500 %).
public struct MarketParameters: Hashable, Sendable, Codable {
    public struct Entry: Hashable, Sendable, Codable {
        public var supplyElasticity: Double
        public var demandElasticity: Double
        public var spareCapacityShare: Double
        public var resourcingShare: Double
        public var maxPriceIncrease: Double
        public var source: String

        public init(supplyElasticity: Double, demandElasticity: Double, spareCapacityShare: Double,
                    resourcingShare: Double, maxPriceIncrease: Double, source: String) {
            self.supplyElasticity = supplyElasticity
            self.demandElasticity = demandElasticity
            self.spareCapacityShare = spareCapacityShare
            self.resourcingShare = resourcingShare
            self.maxPriceIncrease = maxPriceIncrease
            self.source = source
        }
    }

    public var version: String
    public var defaults: Entry
    public var commodities: [String: Entry]

    public init(version: String, defaults: Entry, commodities: [String: Entry] = [:]) {
        self.version = version
        self.defaults = defaults
        self.commodities = commodities
    }

    public func entry(for commodity: CommodityID) -> Entry { commodities[commodity.rawValue] ?? defaults }

    /// Rejects values outside their ranges, naming the commodity and field.
    public func validate() throws(LodestoneError) {
        for (name, e) in [("defaults", defaults)] + commodities.sorted(by: { $0.key < $1.key }) {
            func bad(_ field: String, _ value: Double, _ range: String) -> LodestoneError {
                .invalidParameter("market parameters '\(name)': \(field) \(value) must be \(range)")
            }
            guard e.supplyElasticity.isFinite, e.supplyElasticity >= 0 else { throw bad("supplyElasticity", e.supplyElasticity, "≥ 0") }
            guard e.demandElasticity.isFinite, e.demandElasticity < 0 else { throw bad("demandElasticity", e.demandElasticity, "< 0") }
            guard e.spareCapacityShare.isFinite, e.spareCapacityShare >= 0 else { throw bad("spareCapacityShare", e.spareCapacityShare, "≥ 0") }
            guard (0...1).contains(e.resourcingShare) else { throw bad("resourcingShare", e.resourcingShare, "in 0–1") }
            guard e.maxPriceIncrease.isFinite, e.maxPriceIncrease > 0 else { throw bad("maxPriceIncrease", e.maxPriceIncrease, "> 0") }
        }
    }
}
