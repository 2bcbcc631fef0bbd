/// A mineral commodity at one stage of its value chain — "tungsten:mine" (concentrate, W content),
/// "tungsten:metal" (unwrought tungsten) — or, for the GeoPolRisk reference method, one of
/// geopolrisk-py's own definitions ("tungsten": its HS92 codes at gross weight, World Mining Data
/// production).
///
/// A stage has its own trade codes per HS nomenclature, each with a factor from traded gross
/// weight to the stage's content basis, and its own production series where a source gives one,
/// so that imports, exports and production are compared on one basis.
public struct Commodity: Hashable, Sendable, Codable {
    public enum Stage: String, Hashable, Sendable, Codable, CaseIterable {
        /// Ores and concentrates, mine production.
        case mine
        /// Refined or chemical products (oxides, carbonates, separated compounds), refinery output.
        case refined
        /// Unwrought metal, ferro-alloys.
        case metal
        /// Manufactured components made of the material (permanent magnets).
        case component
        case unspecified

        /// The legacy stage names of the first schema (`extraction`, `processing`).
        public init(legacy text: String) {
            self = switch text {
            case "extraction": .mine
            case "processing": .refined
            default: Stage(rawValue: text) ?? .unspecified
            }
        }
    }

    /// How output can respond to a price rise within a year (USGS OFR 2025-1047; Nassar, Graedel &
    /// Harper 2015, Science Advances 1:e1400180, on by-product metals).
    public enum SupplyClass: String, Hashable, Sendable, Codable, CaseIterable {
        /// Mined for itself: output can rise up to spare capacity.
        case mainProduct = "main-product"
        /// Recovered from another metal's processing (gallium from alumina, germanium from zinc):
        /// output follows the host metal and cannot rise within a year.
        case byProduct = "by-product"
    }

    /// What a stage's production series measures.
    public enum ProductionBasis: String, Hashable, Sendable, Codable, CaseIterable {
        /// The stage's own output (refinery output for a refined stage, smelter output for metal).
        case stageOutput = "stage-output"
        /// Mine output standing in for a later stage, for which no country-level series exists.
        case mineOutput = "mine-output"
        /// Cited country shares times a cited world total (`productionWorldTonnes`).
        case citedShares = "cited-shares"
    }

    public var id: CommodityID
    /// Display name, e.g. "Cobalt", "Tungsten metal".
    public var name: String
    /// The commodity family this stage belongs to ("tungsten"); for a reference definition, its id.
    public var family: String
    public var stage: Stage
    /// The stage a family's bare name stands for (where supply is most concentrated or most
    /// traded; the reason is in `notes`).
    public var isDefaultStage: Bool
    /// A geopolrisk-py 2.0.1 definition, used by `--method geopolrisk-py-2.0.1` only.
    public var isReference: Bool
    /// The production series, e.g. "Rare Earths (REO)" or "USGS MCS 2025: Primary production".
    public var productionSeries: String
    public var category: String
    /// Chemical symbol or short form where the source gives one ("Co", "REE", "Cr2O3").
    public var symbol: String?
    /// Trade codes, in order of preference by nomenclature: for each year the first
    /// nomenclature with trade is used alone (HS92 and HS17 are never mixed in one year).
    public var tradeCodes: [TradeCode]
    /// What tonnes mean for this stage: "W content", "Li2O content", "gross weight".
    public var contentBasis: String
    /// Unit of the production series as published ("metr. t", "kg", "Mio m3", "ct").
    public var productionUnit: String
    /// Tonnes per unit of `productionUnit`; nil when no mass conversion exists.
    public var tonnesPerProductionUnit: Double?
    /// End-of-life recycling input rate (EU 2023), 0...1, when known.
    public var recyclingRate: Double?
    public var supplyClass: SupplyClass
    /// Sources of the factors and production, allocation methods, why this is the default stage.
    public var notes: String
    /// What the production series measures.
    public var productionBasis: ProductionBasis
    /// For cited shares, the cited world total, tonnes: what the named countries' shares leave is
    /// output the source does not attribute.
    public var productionWorldTonnes: Double?
    /// A cited price of the stage's traded form, USD per kg of content, where the trade value
    /// does not measure it (heavy rare earths travel inside rare-earth compounds, whose whole value
    /// the flows carry): the unit value losses and costs are valued at. Nil: value ÷ tonnes.
    public var citedUnitValueUSDPerKg: Double?

    public init(
        id: CommodityID, name: String, productionSeries: String, category: String, stage: Stage,
        symbol: String?, hs6: [Int], productionUnit: String, tonnesPerProductionUnit: Double?,
        recyclingRate: Double?, family: String? = nil, isDefaultStage: Bool = false, isReference: Bool = true,
        tradeCodes: [TradeCode]? = nil, contentBasis: String = "gross weight", supplyClass: SupplyClass = .mainProduct,
        notes: String = "", productionBasis: ProductionBasis = .stageOutput, productionWorldTonnes: Double? = nil,
        citedUnitValueUSDPerKg: Double? = nil
    ) {
        self.id = id
        self.name = name
        self.productionSeries = productionSeries
        self.category = category
        self.stage = stage
        self.symbol = symbol
        self.tradeCodes = tradeCodes ?? hs6.map { TradeCode(nomenclature: .hs92, hs6: $0) }
        self.productionUnit = productionUnit
        self.tonnesPerProductionUnit = tonnesPerProductionUnit
        self.recyclingRate = recyclingRate
        self.family = family ?? id.rawValue
        self.isDefaultStage = isDefaultStage
        self.isReference = isReference
        self.contentBasis = contentBasis
        self.supplyClass = supplyClass
        self.notes = notes
        self.productionBasis = productionBasis
        self.productionWorldTonnes = productionWorldTonnes
        self.citedUnitValueUSDPerKg = citedUnitValueUSDPerKg
    }

    /// The six-digit codes, all nomenclatures, in order.
    public var hs6: [Int] { tradeCodes.map(\.hs6) }

    /// Nomenclatures in order of preference, without repeats.
    public var nomenclatures: [Nomenclature] {
        tradeCodes.reduce(into: []) { list, code in if !list.contains(code.nomenclature) { list.append(code.nomenclature) } }
    }

    /// Whether trade-based metrics (import mix, GeoPolRisk) can be computed.
    public var isTraded: Bool { !tradeCodes.isEmpty }
}
