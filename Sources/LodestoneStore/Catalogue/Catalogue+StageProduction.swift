import Foundation
import LodestoneCore

extension Catalogue {
    /// One stage's production by year, where each part came from, and what went wrong.
    struct StageProduction {
        struct Part {
            var label: String
            var years: [Int]
        }

        var years: ProductionSplice.Years = [:]
        var parts: [Part] = []
        var warnings: [ImportWarning] = []
        /// How a join was checked, for the commodity's notes.
        var notes: [String] = []

        /// The commodity's production series: the source, or each source with its years when
        /// more than one contributes ("World Mining Data: Tellurium (2018–2024); USGS MCS 2026:
        /// Tellurium, Refinery production (2025)").
        var series: String {
            let contributing = parts.filter { !$0.years.isEmpty }
            if contributing.count <= 1 { return (contributing.first ?? parts.first)?.label ?? "none bundled" }
            return contributing.map { "\($0.label) (\(ProductionSplice.yearsText($0.years)))" }.joined(separator: "; ")
        }

        mutating func add(_ country: CountryCode, _ year: Int, _ tonnes: Double) {
            guard tonnes.isFinite, tonnes > 0 else { return }
            years[year, default: [:]][country] = tonnes
        }

        func records(of id: CommodityID) -> [ProductionRecord] {
            years.keys.sorted().flatMap { year in
                (years[year] ?? [:]).sorted { $0.key.rawValue < $1.key.rawValue }.map { country, tonnes in
                    ProductionRecord(commodity: id, country: country, year: year, tonnes: tonnes, publishedAmount: tonnes)
                }
            }
        }
    }

    /// A stage's production from its primary source (`wmd`, `usgs`, `bgs`, `shares`); a proxy's
    /// is copied once every stage is built.
    func primaryProduction(
        _ source: ProductionSource, stage id: CommodityID, references: [String: Commodity], productionByID: [String: [ProductionRecord]],
        sources: CatalogueSources, lookup: CountryLookup
    ) -> StageProduction {
        var production = StageProduction()
        let location = "catalogue \(id)"
        let label: String
        if let wmd = source.wmd {
            label = "World Mining Data: \(references[wmd]?.productionSeries ?? wmd)"
            for r in productionByID[wmd] ?? [] { production.add(r.country, r.year, r.tonnes) }
        } else if let usgs = source.usgs {
            let edition = sources.usgs?.edition.map { "USGS MCS \($0)" } ?? "USGS MCS world data"
            label = "\(edition): \(usgs.commodity.trimmingCharacters(in: .whitespaces)), \(usgs.type)"
            if let table = sources.usgs {
                for (country, years) in table.tonnes(commodity: usgs.commodity, type: usgs.type) {
                    for (year, tonnes) in years { production.add(country, year, tonnes) }
                }
                if production.years.isEmpty { production.warnings.append(ImportWarning(location: location, message: "no USGS rows for '\(usgs.commodity)' / '\(usgs.type)'")) }
            }
        } else if let material = source.bgs, let world = source.worldTonnes {
            label = "BGS refined shares × IEA 2024 world total (\(Int(world)) t)"
            if let shares = sources.refinedShares?.shares[material]?[2024] {
                for (iso3, share) in shares { if let code = lookup.code(iso3: iso3) { production.add(code, 2024, share * world) } }
            } else {
                production.warnings.append(ImportWarning(location: location, message: "BGS refined shares for '\(material)' not given (--refined-shares); no production for this stage"))
            }
        } else if let shares = source.shares {
            label = "cited shares × \(Int(shares.worldTonnes)) t: \(shares.source)"
            for year in shares.years {
                for (iso3, share) in shares.countries.sorted(by: { $0.key < $1.key }) {
                    guard let code = lookup.code(iso3: iso3) else { continue }
                    production.add(code, year, share * shares.worldTonnes)
                }
            }
        } else if let proxy = source.proxy {
            label = "stand-in: production of \(proxy)"
        } else {
            return production
        }
        production.parts = [StageProduction.Part(label: label, years: production.years.keys.sorted())]
        return production
    }

    /// How the MCS commodities data joins a stage's primary series.
    enum PrimaryKind {
        /// None: the commodities data is the whole series.
        case none
        /// An older USGS edition: superseded for the years the newer one publishes.
        case olderUSGSEdition
        /// Another compiler (World Mining Data): extended past its last year when they agree.
        case otherCompiler
    }

    /// Adds the USGS MCS commodities-data series `wanted` to `production` by `kind`'s rule.
    /// Without the file (no --usgs of that layout) the primary series stays as it is.
    static func join(_ wanted: ProductionSource.USGSCommodities, from table: USGSCommoditiesData?, to production: inout StageProduction,
                     kind: PrimaryKind, stage id: String) {
        guard let table else { return }
        let edition = table.edition.map { "USGS MCS \($0)" } ?? "USGS MCS"
        let label = "\(edition): \(wanted.commodity), \(wanted.statistic)"
        var newer: ProductionSplice.Years = [:]
        for (country, years) in table.tonnes(commodity: wanted.commodity, statistic: wanted.statistic) {
            for (year, tonnes) in years where tonnes.isFinite && tonnes > 0 { newer[year, default: [:]][country] = tonnes }
        }
        let location = "catalogue \(id)"
        guard !newer.isEmpty else {
            production.warnings.append(ImportWarning(location: location, message: "no \(edition) rows for '\(wanted.commodity)' / '\(wanted.statistic)'"))
            return
        }
        switch kind {
        case .none:
            production.years = newer
            production.parts = [StageProduction.Part(label: label, years: newer.keys.sorted())]
        case .olderUSGSEdition:
            production.years = ProductionSplice.supersede(production.years, with: newer)
            for index in production.parts.indices { production.parts[index].years.removeAll { newer[$0] != nil } }
            production.parts.append(StageProduction.Part(label: label, years: newer.keys.sorted()))
        case .otherCompiler:
            switch ProductionSplice.extend(production.years, with: newer) {
            case .extended(let joined, let added, let agreement):
                production.years = joined
                production.parts.append(StageProduction.Part(label: label, years: added))
                production.notes.append("\(label) extends \(production.parts.first?.label ?? "the primary series") to \(ProductionSplice.yearsText(added)): \(agreement.summary).")
            case .nothingToAdd:
                break
            case .noSharedYear:
                production.warnings.append(ImportWarning(location: location, message:
                    "\(label) not joined: no year with production in both it and the primary series to check that they agree"))
            case .disagree(let agreement):
                production.warnings.append(ImportWarning(location: location, message:
                    "\(label) not joined to \(production.parts.first?.label ?? "the primary series"): \(agreement.summary); its later years are left out"))
            }
        }
    }

    /// The gross-weight stage of a reference commodity: its World Mining Data records as they
    /// are, and the years an MCS commodities-data series adds past them when the two agree
    /// (published amount = tonnes ÷ the reference's tonnes per production unit).
    static func referenceStageProduction(
        _ reference: Commodity, stage id: CommodityID, worldMiningData: [ProductionRecord],
        joining wanted: ProductionSource.USGSCommodities, from table: USGSCommoditiesData?
    ) -> (records: [ProductionRecord], series: String, notes: [String], warnings: [ImportWarning]) {
        var production = StageProduction()
        for r in worldMiningData { production.add(r.country, r.year, r.tonnes) }
        production.parts = [StageProduction.Part(label: "World Mining Data: \(reference.productionSeries)", years: Set(worldMiningData.map(\.year)).sorted())]
        join(wanted, from: table, to: &production, kind: .otherCompiler, stage: id.rawValue)
        let own = worldMiningData.map { ProductionRecord(commodity: id, country: $0.country, year: $0.year, tonnes: $0.tonnes, publishedAmount: $0.publishedAmount) }
        guard production.parts.count > 1, let added = production.parts.last?.years else { return (own, reference.productionSeries, [], production.warnings) }
        let perUnit = reference.tonnesPerProductionUnit.flatMap { $0.isFinite && $0 > 0 ? $0 : nil } ?? 1
        let later = production.records(of: id).filter { added.contains($0.year) }.map { r in
            ProductionRecord(commodity: id, country: r.country, year: r.year, tonnes: r.tonnes, publishedAmount: r.tonnes / perUnit)
        }
        return (own + later, production.series, production.notes, production.warnings)
    }
}
