/// A mineral commodity as Lodestone models it: one production series and the HS6 codes of its trade.
public struct Commodity: Hashable, Sendable, Codable {
    public enum Stage: String, Hashable, Sendable, Codable, CaseIterable {
        case extraction, processing, unspecified
    }

    public var id: CommodityID
    /// Display name, e.g. "Cobalt", "Rare earth" (the GeoPolRisk reference name).
    public var name: String
    /// The World Mining Data table the production series comes from, e.g. "Rare Earths (REO)".
    public var productionSeries: String
    /// World Mining Data category, e.g. "Non-Ferrous Metals".
    public var category: String
    public var stage: Stage
    /// Chemical symbol or short form where the source gives one ("Co", "REE", "Cr2O3").
    public var symbol: String?
    /// HS 1992 six-digit codes whose trade stands for this commodity; the primary code first.
    public var hs6: [Int]
    /// Unit of the production series as published ("metr. t", "kg", "Mio m3", "ct").
    public var productionUnit: String
    /// Tonnes per unit of `productionUnit`; nil when no mass conversion exists.
    public var tonnesPerProductionUnit: Double?
    /// End-of-life recycling input rate (EU 2023), 0...1, when known.
    public var recyclingRate: Double?

    public init(
        id: CommodityID, name: String, productionSeries: String, category: String, stage: Stage,
        symbol: String?, hs6: [Int], productionUnit: String, tonnesPerProductionUnit: Double?,
        recyclingRate: Double?
    ) {
        self.id = id
        self.name = name
        self.productionSeries = productionSeries
        self.category = category
        self.stage = stage
        self.symbol = symbol
        self.hs6 = hs6
        self.productionUnit = productionUnit
        self.tonnesPerProductionUnit = tonnesPerProductionUnit
        self.recyclingRate = recyclingRate
    }

    /// Whether trade-based metrics (import mix, GeoPolRisk) can be computed.
    public var isTraded: Bool { !hs6.isEmpty }
}
