import Foundation
import LodestoneCore

/// The value-chain catalogue (`Resources/Catalogue/catalogue.json`): commodity families, their
/// stages, trade codes per HS version with cited factors from gross weight to content, and where
/// each stage's production comes from. `apply` turns it into stage commodities and production
/// records beside the reference definitions, so a store always holds both.
public struct Catalogue: Codable, Sendable {
    public struct Family: Codable, Sendable {
        public var family: String
        public var name: String
        public var symbol: String?
        public var supplyClass: Commodity.SupplyClass
        public var defaultStage: Commodity.Stage
        public var defaultReason: String
        public var stages: [Stage]
    }

    public struct Stage: Codable, Sendable {
        public var stage: Commodity.Stage
        public var name: String
        public var contentBasis: String
        public var codes: [Code]
        public var production: ProductionSource?
        public var notes: String?
        /// What the production series measures where it is not the stage's own output nor cited
        /// shares (then it is said by the source): `mine-output` for a mine series standing in.
        public var productionBasis: Commodity.ProductionBasis?
        /// A cited price of the traded form, USD per kg of content, where trade values do not
        /// measure the stage (a share of a basket); with its source in `notes`.
        public var unitValueUSDPerKg: Double?
        /// Where national statistics measure this stage (today: USGS US salient statistics).
        public var official: Official?
    }

    /// The USGS MCS US salient-statistics series (MCS 2026 data release: Commodity and
    /// Statistics_detail) that measure a stage. Several series of one measure are summed; a gap
    /// in any of them ("W", "NA", a bound) leaves the measure without an amount.
    public struct Official: Codable, Sendable {
        /// The release's Commodity ("Gallium", "Titanium sponge metal").
        public var usgs: String
        public var production: [String]?
        public var imports: [String]?
        public var exports: [String]?
        public var consumption: String?
        public var netImportReliance: String?
        /// Tonnes of the stage's content basis per tonne published (default 1).
        public var factor: Double?
        /// False when the series counts more forms than the stage's codes: then the figure is
        /// shown beside Lodestone's but never replaces it (default true).
        public var anchor: Bool?
        /// What differs between the series and the stage, shown beside the comparison.
        public var note: String?
        /// Measures ("exports", "consumption") whose series counts other forms or flows than the
        /// stage's, each with why: shown beside Lodestone's figure, never compared or used.
        public var otherBasis: [String: String]?
        /// The same measures in the MCS 2025 salient tables: the file's Commodity and its column
        /// names ("Imports_Metal_kg"); the MCS 2026 edition's figure wins any year both give.
        public var mcs2025: Older?
        /// The MCS 2026 "Import Sources" form (Statistics_detail: "Refined tin") whose shares by
        /// country split this stage's US imports, for a stage the trade data do not hold
        /// (`Dataset+ImportSources`).
        public var importSources: String?
    }

    public struct Older: Codable, Sendable {
        public var commodity: String
        public var production: [String]?
        public var imports: [String]?
        public var exports: [String]?
        public var consumption: String?
        public var netImportReliance: String?
    }

    public struct Code: Codable, Sendable {
        public var nomenclature: Nomenclature
        public var hs6: Int
        public var factor: Double
        public var sharedWith: [String]?
        public var priceUSDPerKg: Double?
        public var source: String
    }

    /// One of: a World Mining Data series (by reference commodity id), a USGS MCS world data
    /// series (the MCS 2025 layout), BGS refined shares times a world total, cited shares, or
    /// another stage's production standing in (`proxy`).
    ///
    /// Beside `wmd` or `usgs`, or alone, `usgsCommodities` names a series of the USGS MCS
    /// commodities data (the long layout of MCS 2026 on). It supersedes `usgs` for every year it
    /// publishes, extends `wmd` past its last year when the two agree (`ProductionSplice`), and
    /// alone is the stage's whole series.
    public struct ProductionSource: Codable, Sendable {
        public struct USGS: Codable, Sendable { public var commodity: String; public var type: String }
        /// Commodity and Statistics_detail of an MCS commodities-data row ("Gallium", "Primary production").
        public struct USGSCommodities: Codable, Sendable {
            public var commodity: String
            public var statistic: String
        }
        public struct Shares: Codable, Sendable {
            public var years: [Int]
            public var worldTonnes: Double
            public var countries: [String: Double]
            public var source: String
        }
        public var wmd: String?
        public var usgs: USGS?
        public var usgsCommodities: USGSCommodities?
        public var bgs: String?
        public var worldTonnes: Double?
        public var shares: Shares?
        public var proxy: String?
    }

    public var version: String
    public var families: [Family]
    /// Production added to the gross-weight stage of a reference commodity that no family
    /// covers, by reference id ("aluminium"): only `usgsCommodities`, extending World Mining Data.
    public var referenceStages: [String: ProductionSource]?

    /// The catalogue bundled with the module.
    public static func bundled() throws -> Catalogue {
        guard let url = Bundle.module.url(forResource: "catalogue", withExtension: "json", subdirectory: "Catalogue"),
              let data = try? Data(contentsOf: url) else {
            throw StoreError.io(path: "Resources/Catalogue/catalogue.json", reason: "the bundled catalogue is missing — reinstall lodestone")
        }
        return try decode(data, location: "catalogue.json")
    }

    public static func decode(_ data: Data, location: String) throws -> Catalogue {
        do { return try JSONDecoder().decode(Catalogue.self, from: data) } catch {
            throw StoreError.malformedSource(location: location, reason: "not a Lodestone catalogue (\(error))")
        }
    }

    /// Every HS6 code of a nomenclature that some stage uses (what a BACI import keeps).
    public func codes(in nomenclature: Nomenclature) -> Set<Int> {
        Set(families.flatMap(\.stages).flatMap(\.codes).filter { $0.nomenclature == nomenclature }.map(\.hs6))
    }

    /// Checks ranges and references: factors in (0, 2], known stages for shared codes and proxies,
    /// one default stage per family that exists.
    public func validate() throws {
        let ids = Set(families.flatMap { family in family.stages.map { "\(family.family):\($0.stage.rawValue)" } })
        for family in families {
            guard family.stages.contains(where: { $0.stage == family.defaultStage }) else {
                throw StoreError.malformedSource(location: "catalogue \(family.family)", reason: "default stage \(family.defaultStage.rawValue) is not among its stages")
            }
            for stage in family.stages {
                let here = "catalogue \(family.family):\(stage.stage.rawValue)"
                for code in stage.codes {
                    guard code.factor.isFinite, code.factor > 0, code.factor <= 2 else {
                        throw StoreError.malformedSource(location: here, reason: "content factor \(code.factor) for \(code.hs6) must be in (0, 2]")
                    }
                    guard (10_000...999_999).contains(code.hs6) else { throw StoreError.malformedSource(location: here, reason: "\(code.hs6) is not an HS6 code") }
                    for other in code.sharedWith ?? [] where !ids.contains(other) {
                        throw StoreError.malformedSource(location: here, reason: "shares \(code.hs6) with unknown stage '\(other)'")
                    }
                }
                if let source = stage.production, source.usgsCommodities != nil, source.bgs != nil || source.shares != nil || source.proxy != nil {
                    throw StoreError.malformedSource(location: here, reason: "usgsCommodities goes with wmd or usgs, or alone; not with bgs, shares or proxy")
                }
                if let proxy = stage.production?.proxy, !ids.contains(proxy) {
                    throw StoreError.malformedSource(location: here, reason: "production proxy '\(proxy)' is not a stage")
                }
                if let shares = stage.production?.shares {
                    let total = shares.countries.values.reduce(0, +)
                    guard shares.worldTonnes > 0, shares.countries.values.allSatisfy({ $0 >= 0 }), total <= 1.0001 else {
                        throw StoreError.malformedSource(location: here, reason: "shares must be ≥ 0 and sum to at most 1, world tonnes > 0")
                    }
                }
            }
        }
        let familyIDs = Set(families.map(\.family))
        for (reference, source) in referenceStages ?? [:] {
            let here = "catalogue referenceStages.\(reference)"
            guard !familyIDs.contains(reference) else {
                throw StoreError.malformedSource(location: here, reason: "a family covers '\(reference)': give its production in the family's stage")
            }
            guard source.usgsCommodities != nil, source.wmd == nil, source.usgs == nil, source.bgs == nil, source.shares == nil, source.proxy == nil else {
                throw StoreError.malformedSource(location: here, reason: "a reference stage takes usgsCommodities only (World Mining Data is already its series)")
            }
        }
    }
}
