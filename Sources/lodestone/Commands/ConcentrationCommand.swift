import ArgumentParser
import LodestoneCore

struct ConcentrationCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "concentration",
        abstract: "Producers of a commodity, their shares, HHI and top-1/top-3 shares.",
        discussion: "Where other stages of the same commodity (mine, refined, metal, component) have their own production series, their shares are shown side by side.")

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
        /// Shares in the other stages of the family, by stage id (absent: not a producer there).
        var stageShares: [String: Double]
    }

    struct StageSummary: Encodable {
        var commodity: String
        var stage: String
        var productionSeries: String
        var year: Int
        var totalTonnes: Double
        var hhi: Double
        var top1Share: Double
        var top3Share: Double
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
        /// The family's other stages with their own production series.
        var otherStages: [StageSummary]
    }

    func run() throws {
        try runReportingErrors {
            let dataset = try storeOptions.loadDataset()
            let item = try dataset.resolveCommodity(commodity)
            guard let year = self.year ?? dataset.productionYears(of: item.id).last else {
                throw LodestoneError.noProduction(commodity: item.name, year: self.year ?? 0, available: [])
            }
            let c = try dataset.concentration(of: item.id, year: year)
            // Other stages of the family with a production series of their own (not a stand-in
            // borrowed from another stage), in the same year.
            let others = dataset.commodities.filter { other in
                other.family == item.family && other.id != item.id && !other.isReference && !other.productionSeries.hasPrefix("stand-in")
                    && other.productionSeries != item.productionSeries
                    && dataset.productionYears(of: other.id).contains(year)
            }.sorted { $0.stage.rawValue < $1.stage.rawValue }
            let otherConcentrations = try others.map { try dataset.concentration(of: $0.id, year: year) }
            var countries = c.producers.map(\.country)
            for oc in otherConcentrations { for p in oc.producers where !countries.contains(p.country) { countries.append(p.country) } }
            let own = Dictionary(uniqueKeysWithValues: c.producers.map { ($0.country, $0) })
            let producers = countries.map { code in
                let label = countryLabel(code, dataset)
                var shares: [String: Double] = [:]
                for (other, oc) in zip(others, otherConcentrations) { shares[other.id.rawValue] = oc.producers.first { $0.country == code }?.share }
                return Producer(code: code.rawValue, iso3: label.iso3, name: label.name, tonnes: own[code]?.tonnes ?? 0,
                                share: own[code]?.share ?? 0, stageShares: shares)
            }
            let summaries = zip(others, otherConcentrations).map { other, oc in
                StageSummary(commodity: other.id.rawValue, stage: other.stage.rawValue, productionSeries: other.productionSeries, year: year,
                             totalTonnes: oc.totalTonnes, hhi: oc.hhi, top1Share: oc.top1Share, top3Share: oc.top3Share)
            }
            let report = Report(commodity: item.id.rawValue, name: item.name, year: year, unit: "t", totalTonnes: c.totalTonnes,
                                hhi: c.hhi, top1Share: c.top1Share, top3Share: c.top3Share, producerCount: c.producers.count,
                                producers: producers, otherStages: summaries)
            if output.format == .json { return Console.out(try JSONOutput.render(report)) }
            let full = output.format == .csv
            var table = TextTable([("rank", true), ("iso3", false), ("country", false), ("tonnes", true), ("share", true), ("cumulative", true)]
                                  + others.map { ("\($0.stage.rawValue)_share", true) })
            var cumulative = 0.0
            for (index, p) in producers.prefix(topOption.limit(producers.count)).enumerated() {
                cumulative += p.share
                table.add([String(index + 1), p.iso3, p.name, full ? Fmt.exact(p.tonnes) : Fmt.tonnes(p.tonnes),
                           full ? Fmt.exact(p.share) : Fmt.percent(p.share), full ? Fmt.exact(cumulative) : Fmt.percent(cumulative)]
                          + others.map { other in p.stageShares[other.id.rawValue].map { full ? Fmt.exact($0) : Fmt.percent($0) } ?? "" })
            }
            if full { return Console.out(table.renderCSV()) }
            Console.out("""
                \(item.name) production \(year) (\(item.productionSeries), tonnes)
                total \(Fmt.tonnes(c.totalTonnes)) t · \(c.producers.count) producers · HHI \(Fmt.fixed(c.hhi, 4)) · top-1 \(Fmt.percent(c.top1Share)) · top-3 \(Fmt.percent(c.top3Share))

                """)
            for s in summaries {
                let series = s.productionSeries.count > 60 ? String(s.productionSeries.prefix { $0 != ":" }) : s.productionSeries
                Console.out("\(s.stage) stage (\(s.commodity), \(series)): total \(Fmt.tonnes(s.totalTonnes)) t · HHI \(Fmt.fixed(s.hhi, 4)) · top-1 \(Fmt.percent(s.top1Share)) · top-3 \(Fmt.percent(s.top3Share))\n")
            }
            Console.out("\n")
            Console.out(table.renderAligned())
        }
    }
}
