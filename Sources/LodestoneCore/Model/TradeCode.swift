/// A version of the Harmonized System. Six-digit codes differ between versions (HS17 moved
/// germanium into 811292, which HS92 kept as 811230), so a code always travels with its version.
public enum Nomenclature: String, Hashable, Sendable, Codable, CaseIterable, Comparable {
    case hs92 = "HS92", hs96 = "HS96", hs02 = "HS02", hs07 = "HS07", hs12 = "HS12", hs17 = "HS17", hs22 = "HS22"

    /// From a BACI release name or a short form: "HS17", "hs17", "17".
    public init?(loose text: String) {
        let digits = text.uppercased().replacingOccurrences(of: "HS", with: "")
        self.init(rawValue: "HS" + digits)
    }

    public static func < (a: Self, b: Self) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// One HS6 code standing for a commodity stage, with the factor that turns traded gross weight
/// into the stage's content basis.
public struct TradeCode: Hashable, Sendable, Codable {
    public var nomenclature: Nomenclature
    public var hs6: Int
    /// Tonnes of content per tonne traded, in (0, 1] for ores and compounds (e.g. 0.1878 Li per
    /// tonne of Li₂CO₃). 1 for a gross-weight basis.
    public var contentFactor: Double
    /// Other stages that share this code (HS17 811292 holds gallium, germanium, hafnium, indium
    /// and rhenium among others). When not empty, each flow's value is split among this stage and
    /// those by the exporter's pool of production and imports (`Dataset+Basket`); tonnes follow
    /// from value and price.
    public var sharedWith: [CommodityID]
    /// A cited reference price, USD per kg as traded (for codes counted at content factor 1, the
    /// content's price; for a share of a basket, such as Dy+Tb in rare-earth compounds, the
    /// basket's cheapest grade). Flows of an unshared code whose unit value is below a quarter of
    /// it carry an implausible quantity (BACI's quantity estimates are sometimes off by orders of
    /// magnitude) and count by value only. For a shared code it turns each stage's share of a
    /// flow's value into tonnes: tonnes = value × share / price.
    public var referencePriceUSDPerKg: Double?

    /// Shared with other stages and split by value at reference prices (tonnes = value / price).
    public var isAllocated: Bool { !sharedWith.isEmpty && referencePriceUSDPerKg != nil }

    public init(nomenclature: Nomenclature, hs6: Int, contentFactor: Double = 1, sharedWith: [CommodityID] = [],
                referencePriceUSDPerKg: Double? = nil) {
        self.nomenclature = nomenclature
        self.hs6 = hs6
        self.contentFactor = contentFactor
        self.sharedWith = sharedWith
        self.referencePriceUSDPerKg = referencePriceUSDPerKg
    }
}
