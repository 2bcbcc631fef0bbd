import ArgumentParser
import LodestoneCore

extension GeoPolRiskMethod: ExpressibleByArgument {}

struct RiskCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "risk",
        abstract: "GeoPolRisk score, import risk, price and characterisation factor for an importer.",
        discussion: "Sorted by score unless --sort says otherwise. Commodities that cannot be assessed are listed on stderr (table) or under notAssessed (json).")

    enum SortKey: String, ExpressibleByArgument, CaseIterable {
        case score, cf, hhi, importRisk = "import-risk", price, commodity
    }

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var output: OutputOptions

    @Option(help: "Country, group or union (JPN, US-Japan, USA+JPN).")
    var importer: String

    @Option(help: "Year (default: the latest year with both production and trade data).")
    var year: Int?

    @Option(name: .long, parsing: .upToNextOption, help: "Commodities (repeat, list, or comma-separate; default: all traded).")
    var commodity: [String] = []

    @Option(help: "lodestone (default) or geopolrisk-py-2.0.1 (reference behaviour, defects included).")
    var method: GeoPolRiskMethod = .lodestone

    @Option(help: "Sort by: score, cf, hhi, import-risk, price, commodity.")
    var sort: SortKey = .score

    struct Row: Encodable {
        var commodity: String
        var name: String
        var hhi: Double
        var importRisk: Double
        var score: Double
        var characterizationFactor: Double
        /// Nil (JSON null) when the importer imports none: there is no import price to report.
        var priceUSDPerKg: Double?
        var importTonnes: Double
        var domesticProductionTonnes: Double

        private enum CodingKeys: String, CodingKey {
            case commodity, name, hhi, importRisk, score, characterizationFactor, priceUSDPerKg, importTonnes, domesticProductionTonnes
        }

        /// Writes a missing price as null, so every row has the same keys.
        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(commodity, forKey: .commodity)
            try c.encode(name, forKey: .name)
            try c.encode(hhi, forKey: .hhi)
            try c.encode(importRisk, forKey: .importRisk)
            try c.encode(score, forKey: .score)
            try c.encode(characterizationFactor, forKey: .characterizationFactor)
            try c.encode(priceUSDPerKg, forKey: .priceUSDPerKg)
            try c.encode(importTonnes, forKey: .importTonnes)
            try c.encode(domesticProductionTonnes, forKey: .domesticProductionTonnes)
        }
    }

    struct Skipped: Encodable {
        var commodity: String
        var reason: String
    }

    struct Report: Encodable {
        var importer: ImporterJSON
        var year: Int
        var method: String
        var results: [Row]
        var notAssessed: [Skipped]
    }

    func run() throws {
        try runReportingErrors {
            let dataset = try storeOptions.loadDataset()
            let buyer = try dataset.resolveImporter(importer)
            let year = try self.year ?? latestAssessableYear(dataset)
            let selected = try selectedCommodities(commodity, in: dataset, default: dataset.commodities(for: method).filter { $0.isTraded || method == .lodestone },
                                                   reference: method == .geopolriskPy)
            var rows: [Row] = [], skipped: [Skipped] = []
            for item in selected {
                do {
                    let r = try dataset.geoPolRisk(for: buyer, commodity: item.id, year: year, method: method)
                    // The corrected method reports a gap, not zeros: nothing imported and nothing produced
                    // is nothing to assess; nothing imported leaves the import price undefined.
                    if method == .lodestone, r.importTonnes == 0, r.domesticProductionTonnes == 0 {
                        skipped.append(Skipped(commodity: item.id.rawValue,
                                               reason: "\(buyer.name) recorded no imports and no production of \(item.name) in \(year): nothing to assess"))
                        continue
                    }
                    let price: Double? = method == .lodestone && r.importTonnes == 0 ? nil : r.priceUSDPerKg
                    rows.append(Row(commodity: item.id.rawValue, name: item.name, hhi: r.hhi, importRisk: r.importRisk, score: r.score,
                                    characterizationFactor: r.characterizationFactor, priceUSDPerKg: price,
                                    importTonnes: r.importTonnes, domesticProductionTonnes: r.domesticProductionTonnes))
                } catch let error as LodestoneError {
                    if case .noTrade = error { throw error }
                    if selected.count == 1 { throw error }
                    skipped.append(Skipped(commodity: item.id.rawValue, reason: error.description))
                }
            }
            if rows.isEmpty, let first = skipped.first {
                throw CLIError.failure("nothing to assess for \(buyer.name) in \(year): \(first.reason)")
            }
            rows.sort(by: order)
            try emit(Report(importer: ImporterJSON(buyer, dataset), year: year, method: method.rawValue, results: rows, notAssessed: skipped))
        }
    }

    private func order(_ a: Row, _ b: Row) -> Bool {
        switch sort {
        case .score: (a.score, b.commodity) > (b.score, a.commodity)
        case .cf: (a.characterizationFactor, b.commodity) > (b.characterizationFactor, a.commodity)
        case .hhi: (a.hhi, b.commodity) > (b.hhi, a.commodity)
        case .importRisk: (a.importRisk, b.commodity) > (b.importRisk, a.commodity)
        case .price: (a.priceUSDPerKg ?? -1, b.commodity) > (b.priceUSDPerKg ?? -1, a.commodity)
        case .commodity: a.commodity < b.commodity
        }
    }

    private func emit(_ report: Report) throws {
        if output.format == .json { return Console.out(try JSONOutput.render(report)) }
        let full = output.format == .csv
        var table = TextTable([("rank", true), ("commodity", false), ("hhi", true), ("import_risk", true), ("score", true),
                               ("cf_kg_cu_eq_per_kg", true), ("price_usd_per_kg", true), ("imports_t", true), ("production_t", true)])
        for (index, row) in report.results.enumerated() {
            table.add([
                String(index + 1), full ? row.commodity : row.name,
                full ? Fmt.exact(row.hhi) : Fmt.fixed(row.hhi, 4), full ? Fmt.exact(row.importRisk) : Fmt.fixed(row.importRisk, 4),
                full ? Fmt.exact(row.score) : Fmt.significant(row.score), full ? Fmt.exact(row.characterizationFactor) : Fmt.significant(row.characterizationFactor),
                row.priceUSDPerKg.map { full ? Fmt.exact($0) : Fmt.significant($0) } ?? (full ? "" : "n/a"),
                full ? Fmt.exact(row.importTonnes) : Fmt.tonnes(row.importTonnes),
                full ? Fmt.exact(row.domesticProductionTonnes) : Fmt.tonnes(row.domesticProductionTonnes),
            ])
        }
        if full { return Console.out(table.renderCSV()) }
        Console.out("GeoPolRisk for \(report.importer.name) (\(report.importer.id)), \(report.year), method \(report.method)\n\n")
        Console.out(table.renderAligned())
        if !report.notAssessed.isEmpty {
            Console.note("not assessed (\(report.notAssessed.count)): " + report.notAssessed.map(\.commodity).joined(separator: ", ")
                         + " — use --format json for reasons")
        }
    }
}
