import ArgumentParser
import LodestoneCore

struct ConcentrationCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "concentration",
        abstract: "Producers of a commodity, their shares, HHI and top-1/top-3 shares.")

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var output: OutputOptions

    @Option(help: "Commodity id or name (\"rare earths\", cobalt).")
    var commodity: String

    @Option(help: "Year (default: the latest year with production for this commodity).")
    var year: Int?

    @OptionGroup var topOption: TopOption

    struct Producer: Encodable {
        var code: Int
        var iso3: String
        var name: String
        var tonnes: Double
        var share: Double
    }

    struct Report: Encodable {
        var commodity: String
        var name: String
        var year: Int
        var unit: String
        var totalTonnes: Double
        var hhi: Double
        var top1Share: Double
        var top3Share: Double
        var producerCount: Int
        var producers: [Producer]
    }

    func run() throws {
        try runReportingErrors {
            let dataset = try storeOptions.loadDataset()
            let item = try dataset.resolveCommodity(commodity)
            guard let year = self.year ?? dataset.productionYears(of: item.id).last else {
                throw LodestoneError.noProduction(commodity: item.name, year: self.year ?? 0, available: [])
            }
            let c = try dataset.concentration(of: item.id, year: year)
            let producers = c.producers.map { p in
                let label = countryLabel(p.country, dataset)
                return Producer(code: p.country.rawValue, iso3: label.iso3, name: label.name, tonnes: p.tonnes, share: p.share)
            }
            let report = Report(commodity: item.id.rawValue, name: item.name, year: year, unit: "t", totalTonnes: c.totalTonnes,
                                hhi: c.hhi, top1Share: c.top1Share, top3Share: c.top3Share, producerCount: producers.count, producers: producers)
            if output.format == .json { return Console.out(try JSONOutput.render(report)) }
            let full = output.format == .csv
            var table = TextTable([("rank", true), ("iso3", false), ("country", false), ("tonnes", true), ("share", true), ("cumulative", true)])
            var cumulative = 0.0
            for (index, p) in producers.prefix(topOption.limit(producers.count)).enumerated() {
                cumulative += p.share
                table.add([String(index + 1), p.iso3, p.name, full ? Fmt.exact(p.tonnes) : Fmt.tonnes(p.tonnes),
                           full ? Fmt.exact(p.share) : Fmt.percent(p.share), full ? Fmt.exact(cumulative) : Fmt.percent(cumulative)])
            }
            if full { return Console.out(table.renderCSV()) }
            Console.out("""
                \(item.name) production \(year) (\(item.productionSeries), tonnes)
                total \(Fmt.tonnes(c.totalTonnes)) t · \(producers.count) producers · HHI \(Fmt.fixed(c.hhi, 4)) · top-1 \(Fmt.percent(c.top1Share)) · top-3 \(Fmt.percent(c.top3Share))


                """)
            Console.out(table.renderAligned())
        }
    }
}
