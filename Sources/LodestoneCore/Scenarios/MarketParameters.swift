import Foundation

/// Market-response parameters for a one-year disruption, in layers: `defaults`, then the
/// commodity's supply class (`classes["by-product"]`), then its family ("gallium"), then its stage
/// ("gallium:refined"). Each layer names only the fields it changes, with its source.
///
/// - `supplyElasticity` ε_s ≥ 0: % change in producers' output per % price change; outside the
///   restricting countries capped by their spare capacity, inside them the output cut as the
///   domestic price falls.
/// - `demandElasticity` ε_d < 0: % change in consumption per % price change.
/// - `spareCapacityShare` σ ≥ 0: idle capacity of unrestricted producers as a share of their output.
/// - `resourcingShare` φ in 0...1: share of a target's lost supply it can re-source within the
///   year (qualification of new suppliers, logistics). It does not lower the outside price (the
///   whole loss bids there); it decides who goes short: a target bears (1 − φ) of its loss first.
/// - `maxPriceIncrease`: the largest relative price rise the model allows (e.g. 5 = +500 %).
/// - `maxPriceDecrease` in 0...1: the largest relative fall of the restricting countries' price.
/// - `stockMonths` ≥ 0: consumers' working stocks outside the restricting countries, in months of
///   consumption: the first buffer against a shortfall (they soften the physical shortfall, not
///   the price: stocks held against a disruption are not sold into it).
/// - `insideStockpilingShare` in 0...1: share of the supply kept at home that the restricting
///   countries' producers and state reserves hold back rather than sell on the domestic market.
/// - `precautionaryMonths` in 0...12: when a control is announced, buyers outside the restricting
///   countries, targeted or not (fearing the control will widen), add this many months of the
///   severity times what they took from those countries to their stocks within the year: extra
///   demand on the outside market.
/// - `licensingDelayMonths` in 0...12: a licensing regime holds deliveries to buyers who are not
///   targeted for this long, so only (12 − delay)/12 of what could be diverted to them arrives
///   within the year.
/// - `priceAdjustmentMonths` τ ≥ 0 and `announcementShare` a in 0...1: the path of a spot price
///   towards its annual equilibrium. At h months after the control, the move is
///   g(h) = 1 − (1 − a)·e^(−h/τ) of the equilibrium move: a share a at once (forward-looking
///   buyers and sellers), the rest as working stocks run down. τ = 0 means at once (g = 1).
public struct MarketParameters: Hashable, Sendable, Codable {
    public struct Entry: Hashable, Sendable, Codable {
        public var supplyElasticity: Double
        public var demandElasticity: Double
        public var spareCapacityShare: Double
        public var resourcingShare: Double
        public var maxPriceIncrease: Double
        public var maxPriceDecrease: Double
        public var stockMonths: Double
        public var insideStockpilingShare: Double
        public var precautionaryMonths: Double
        public var licensingDelayMonths: Double
        public var priceAdjustmentMonths: Double
        public var announcementShare: Double
        /// The sources of every layer applied, most general first.
        public var source: String

        public init(supplyElasticity: Double, demandElasticity: Double, spareCapacityShare: Double,
                    resourcingShare: Double, maxPriceIncrease: Double, maxPriceDecrease: Double = 0.9,
                    stockMonths: Double = 0, insideStockpilingShare: Double = 0, precautionaryMonths: Double = 0,
                    licensingDelayMonths: Double = 0, priceAdjustmentMonths: Double = 0, announcementShare: Double = 1,
                    source: String) {
            self.supplyElasticity = supplyElasticity
            self.demandElasticity = demandElasticity
            self.spareCapacityShare = spareCapacityShare
            self.resourcingShare = resourcingShare
            self.maxPriceIncrease = maxPriceIncrease
            self.maxPriceDecrease = maxPriceDecrease
            self.stockMonths = stockMonths
            self.insideStockpilingShare = insideStockpilingShare
            self.precautionaryMonths = precautionaryMonths
            self.licensingDelayMonths = licensingDelayMonths
            self.priceAdjustmentMonths = priceAdjustmentMonths
            self.announcementShare = announcementShare
            self.source = source
        }

        /// The same market after the first year of a disruption, when that year's one-off
        /// frictions are over: buyers have built their precautionary stocks and licences for
        /// buyers who are not targeted have been decided. Everything else is unchanged (the
        /// shortfall step caps a target's unre-sourced share by what the market gives up).
        public var afterFirstYear: Entry {
            var later = self
            later.precautionaryMonths = 0
            later.licensingDelayMonths = 0
            return later
        }

        /// The share of the equilibrium price move reached `months` after a control takes effect.
        public func pricePath(months: Double) -> Double {
            guard priceAdjustmentMonths > 0 else { return 1 }
            return 1 - (1 - announcementShare) * exp(-max(0, months) / priceAdjustmentMonths)
        }

        /// Files written before a field existed take its neutral value (floor −90 %, no stocks,
        /// no stockpiling, no precautionary buying, no licensing delay, prices at once).
        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            self.init(supplyElasticity: try c.decode(Double.self, forKey: .supplyElasticity),
                      demandElasticity: try c.decode(Double.self, forKey: .demandElasticity),
                      spareCapacityShare: try c.decode(Double.self, forKey: .spareCapacityShare),
                      resourcingShare: try c.decode(Double.self, forKey: .resourcingShare),
                      maxPriceIncrease: try c.decode(Double.self, forKey: .maxPriceIncrease),
                      maxPriceDecrease: try c.decodeIfPresent(Double.self, forKey: .maxPriceDecrease) ?? 0.9,
                      stockMonths: try c.decodeIfPresent(Double.self, forKey: .stockMonths) ?? 0,
                      insideStockpilingShare: try c.decodeIfPresent(Double.self, forKey: .insideStockpilingShare) ?? 0,
                      precautionaryMonths: try c.decodeIfPresent(Double.self, forKey: .precautionaryMonths) ?? 0,
                      licensingDelayMonths: try c.decodeIfPresent(Double.self, forKey: .licensingDelayMonths) ?? 0,
                      priceAdjustmentMonths: try c.decodeIfPresent(Double.self, forKey: .priceAdjustmentMonths) ?? 0,
                      announcementShare: try c.decodeIfPresent(Double.self, forKey: .announcementShare) ?? 1,
                      source: try c.decode(String.self, forKey: .source))
        }

        /// This entry with the fields `layer` sets replaced, and its source appended.
        func applying(_ layer: Layer, named name: String) -> Entry {
            var entry = self
            if let v = layer.supplyElasticity { entry.supplyElasticity = v }
            if let v = layer.demandElasticity { entry.demandElasticity = v }
            if let v = layer.spareCapacityShare { entry.spareCapacityShare = v }
            if let v = layer.resourcingShare { entry.resourcingShare = v }
            if let v = layer.maxPriceIncrease { entry.maxPriceIncrease = v }
            if let v = layer.maxPriceDecrease { entry.maxPriceDecrease = v }
            if let v = layer.stockMonths { entry.stockMonths = v }
            if let v = layer.insideStockpilingShare { entry.insideStockpilingShare = v }
            if let v = layer.precautionaryMonths { entry.precautionaryMonths = v }
            if let v = layer.licensingDelayMonths { entry.licensingDelayMonths = v }
            if let v = layer.priceAdjustmentMonths { entry.priceAdjustmentMonths = v }
            if let v = layer.announcementShare { entry.announcementShare = v }
            entry.source += " | \(name): \(layer.source)"
            return entry
        }
    }

    /// A partial entry: the fields one class, family or stage changes.
    public struct Layer: Hashable, Sendable, Codable {
        public var supplyElasticity: Double?
        public var demandElasticity: Double?
        public var spareCapacityShare: Double?
        public var resourcingShare: Double?
        public var maxPriceIncrease: Double?
        public var maxPriceDecrease: Double?
        public var stockMonths: Double?
        public var insideStockpilingShare: Double?
        public var precautionaryMonths: Double?
        public var licensingDelayMonths: Double?
        public var priceAdjustmentMonths: Double?
        public var announcementShare: Double?
        public var source: String

        public init(supplyElasticity: Double? = nil, demandElasticity: Double? = nil, spareCapacityShare: Double? = nil,
                    resourcingShare: Double? = nil, maxPriceIncrease: Double? = nil, maxPriceDecrease: Double? = nil,
                    stockMonths: Double? = nil, insideStockpilingShare: Double? = nil, precautionaryMonths: Double? = nil,
                    licensingDelayMonths: Double? = nil, priceAdjustmentMonths: Double? = nil, announcementShare: Double? = nil,
                    source: String) {
            self.supplyElasticity = supplyElasticity
            self.demandElasticity = demandElasticity
            self.spareCapacityShare = spareCapacityShare
            self.resourcingShare = resourcingShare
            self.maxPriceIncrease = maxPriceIncrease
            self.maxPriceDecrease = maxPriceDecrease
            self.stockMonths = stockMonths
            self.insideStockpilingShare = insideStockpilingShare
            self.precautionaryMonths = precautionaryMonths
            self.licensingDelayMonths = licensingDelayMonths
            self.priceAdjustmentMonths = priceAdjustmentMonths
            self.announcementShare = announcementShare
            self.source = source
        }
    }

    public var version: String
    public var defaults: Entry
    /// By supply class ("main-product", "by-product").
    public var classes: [String: Layer]
    /// By family ("gallium") or stage id ("gallium:refined").
    public var commodities: [String: Layer]

    public init(version: String, defaults: Entry, classes: [String: Layer] = [:], commodities: [String: Layer] = [:]) {
        self.version = version
        self.defaults = defaults
        self.classes = classes
        self.commodities = commodities
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        version = try container.decode(String.self, forKey: .version)
        defaults = try container.decode(Entry.self, forKey: .defaults)
        classes = try container.decodeIfPresent([String: Layer].self, forKey: .classes) ?? [:]
        commodities = try container.decodeIfPresent([String: Layer].self, forKey: .commodities) ?? [:]
    }

    /// The parameters for one commodity stage: defaults ← class ← family ← stage.
    public func entry(for info: Commodity) -> Entry {
        var entry = defaults
        if let layer = classes[info.supplyClass.rawValue] { entry = entry.applying(layer, named: info.supplyClass.rawValue) }
        if info.family != info.id.rawValue, let layer = commodities[info.family] { entry = entry.applying(layer, named: info.family) }
        if let layer = commodities[info.id.rawValue] { entry = entry.applying(layer, named: info.id.rawValue) }
        return entry
    }

    /// Rejects values outside their ranges, naming the layer and field.
    public func validate() throws(LodestoneError) {
        let layers = classes.sorted { $0.key < $1.key }.map { ("class \($0.key)", $0.value) }
            + commodities.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        try Self.check(defaults, name: "defaults")
        for (name, layer) in layers { try Self.check(defaults.applying(layer, named: name), name: name) }
        for name in classes.keys where Commodity.SupplyClass(rawValue: name) == nil {
            throw .invalidParameter("market parameters: unknown supply class '\(name)' (use main-product or by-product)")
        }
    }

    private static func check(_ e: Entry, name: String) throws(LodestoneError) {
        func bad(_ field: String, _ value: Double, _ range: String) -> LodestoneError {
            .invalidParameter("market parameters '\(name)': \(field) \(value) must be \(range)")
        }
        guard e.supplyElasticity.isFinite, e.supplyElasticity >= 0 else { throw bad("supplyElasticity", e.supplyElasticity, "≥ 0") }
        guard e.demandElasticity.isFinite, e.demandElasticity < 0 else { throw bad("demandElasticity", e.demandElasticity, "< 0") }
        guard e.spareCapacityShare.isFinite, e.spareCapacityShare >= 0 else { throw bad("spareCapacityShare", e.spareCapacityShare, "≥ 0") }
        guard (0...1).contains(e.resourcingShare) else { throw bad("resourcingShare", e.resourcingShare, "in 0–1") }
        guard e.maxPriceIncrease.isFinite, e.maxPriceIncrease > 0 else { throw bad("maxPriceIncrease", e.maxPriceIncrease, "> 0") }
        guard (0...1).contains(e.maxPriceDecrease) else { throw bad("maxPriceDecrease", e.maxPriceDecrease, "in 0–1") }
        guard e.stockMonths.isFinite, (0...24).contains(e.stockMonths) else { throw bad("stockMonths", e.stockMonths, "in 0–24") }
        guard (0...1).contains(e.insideStockpilingShare) else { throw bad("insideStockpilingShare", e.insideStockpilingShare, "in 0–1") }
        guard (0...12).contains(e.precautionaryMonths) else { throw bad("precautionaryMonths", e.precautionaryMonths, "in 0–12") }
        guard (0...12).contains(e.licensingDelayMonths) else { throw bad("licensingDelayMonths", e.licensingDelayMonths, "in 0–12") }
        guard e.priceAdjustmentMonths.isFinite, (0...60).contains(e.priceAdjustmentMonths) else {
            throw bad("priceAdjustmentMonths", e.priceAdjustmentMonths, "in 0–60")
        }
        guard (0...1).contains(e.announcementShare) else { throw bad("announcementShare", e.announcementShare, "in 0–1") }
    }
}
