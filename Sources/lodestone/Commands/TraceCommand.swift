import ArgumentParser
import LodestoneCore

struct TraceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trace",
        abstract: "Who really supplies an importer: direct and origin-traced shares, through third countries.",
        discussion: "Re-exports are followed through the whole trade network (proportional mixing); see the README.")

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var output: OutputOptions

    @Option(help: "Country, group or union (JPN, US-Japan, USA+JPN).")
    var importer: String

    @Option(help: "Commodity id or name.")
    var commodity: String

    @Option(help: "Year (default: the latest year with production and trade data).")
    var year: Int?

    @OptionGroup var topOption: TopOption

    struct Origin: Encodable {
        var code: Int
        var iso3: String
        var name: String
        var directTonnes: Double
        var directShare: Double
        var tracedTonnes: Double
        var tracedShare: Double
    }

    struct Report: Encodable {
        var importer: ImporterJSON
        var commodity: String
        var name: String
        var year: Int
        var supplyTonnes: Double
        var domesticProductionTonnes: Double
        var unrecordedOwnSupplyTonnes: Double
        var unrecordedWorldSupplyTonnes: Double
        var origins: [Origin]
    }

    func run() throws {
        try runReportingErrors {
            let dataset = try storeOptions.loadDataset()
            let buyer = try dataset.resolveImporter(importer)
            let item = try dataset.resolveCommodity(commodity)
            guard let year = self.year ?? dataset.productionYears(of: item.id).last(where: dataset.tradeYears.contains) else {
                throw LodestoneError.noProduction(commodity: item.name, year: 0, available: [])
            }
            let trace = try dataset.traceOrigins(for: buyer, commodity: item.id, year: year)
            let origins = trace.origins.map { o in
                let label = countryLabel(o.country, dataset)
                return Origin(code: o.country.rawValue, iso3: label.iso3, name: label.name, directTonnes: o.directTonnes,
                              directShare: o.directShare, tracedTonnes: o.tracedTonnes, tracedShare: o.tracedShare)
            }
            let report = Report(importer: ImporterJSON(buyer, dataset), commodity: item.id.rawValue, name: item.name, year: year,
                                supplyTonnes: trace.supplyTonnes, domesticProductionTonnes: trace.domesticProductionTonnes,
                                unrecordedOwnSupplyTonnes: trace.unrecordedOwnSupplyTonnes,
                                unrecordedWorldSupplyTonnes: trace.unrecordedWorldSupplyTonnes, origins: origins)
            if output.format == .json { return Console.out(try JSONOutput.render(report)) }
            let full = output.format == .csv
            var table = TextTable([("rank", true), ("iso3", false), ("country", false), ("direct_t", true), ("direct_share", true),
                                   ("traced_t", true), ("traced_share", true), ("conduit", false)])
            for (index, o) in origins.prefix(topOption.limit(origins.count)).enumerated() {
                let conduit = o.directShare - o.tracedShare > 0.05 ? "conduit" : ""
                table.add([String(index + 1), o.iso3, o.name,
                           full ? Fmt.exact(o.directTonnes) : Fmt.tonnes(o.directTonnes), full ? Fmt.exact(o.directShare) : Fmt.percent(o.directShare),
                           full ? Fmt.exact(o.tracedTonnes) : Fmt.tonnes(o.tracedTonnes), full ? Fmt.exact(o.tracedShare) : Fmt.percent(o.tracedShare), conduit])
            }
            if full { return Console.out(table.renderCSV()) }
            Console.out("""
                \(item.name) supply of \(buyer.name) (\(buyer.id)), \(year): \(Fmt.tonnes(trace.supplyTonnes)) t (own production \(Fmt.tonnes(trace.domesticProductionTonnes)) t)
                direct = shipped from; traced = where it was produced, following re-exports. conduit: ships >5 points more than it originates
                exports that recorded production + imports cannot explain count as the exporter's own: \(Fmt.tonnes(trace.unrecordedOwnSupplyTonnes)) t here, \(Fmt.tonnes(trace.unrecordedWorldSupplyTonnes)) t elsewhere


                """)
            Console.out(table.renderAligned())
        }
    }
}
