import ArgumentParser
import LodestoneCore

struct SuppliersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "suppliers",
        abstract: "Who supplies an importer: shares by quantity and value, governance of each supplier, import HHI.")

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var output: OutputOptions

    @Option(help: "Country, group or union (JPN, Quad, USA+JPN).")
    var importer: String

    @Option(help: "Commodity id or name.")
    var commodity: String

    @Option(help: "Year (default: the latest year with trade data).")
    var year: Int?

    @Option(help: "A partner group whose share to report (e.g. G7, MSP, or USA+AUS).")
    var partners: String?

    @OptionGroup var topOption: TopOption

    struct Supplier: Encodable {
        var code: Int
        var iso3: String
        var name: String
        var tonnes: Double
        var valueKUSD: Double
        var tonnesShare: Double
        var valueShare: Double
        var governanceScore: Double?
        var inPartnerGroup: Bool
    }

    struct Report: Encodable {
        var importer: ImporterJSON
        var commodity: String
        var name: String
        var year: Int
        var totalTonnes: Double
        var totalValueKUSD: Double
        var internalTonnes: Double
        var importHHI: Double
        var governanceWeightedRisk: Double
        var partnerGroup: String?
        var partnerShare: Double?
        var suppliers: [Supplier]
    }

    func run() throws {
        try runReportingErrors {
            let dataset = try storeOptions.loadDataset()
            let buyer = try dataset.resolveImporter(importer)
            let item = try dataset.resolveCommodity(commodity)
            let partnerGroup = try partners.map { text throws(LodestoneError) in
                let selection = try dataset.resolveImporter(text)
                return CountryGroup(id: selection.id, name: selection.name, members: selection.members, source: "")
            }
            guard let year = self.year ?? dataset.tradeYears.last else { throw LodestoneError.noTrade(year: 0, available: []) }
            let mix = try dataset.importMix(for: buyer, commodity: item.id, year: year, partners: partnerGroup)
            let suppliers = mix.suppliers.map { s in
                let label = countryLabel(s.country, dataset)
                return Supplier(code: s.country.rawValue, iso3: label.iso3, name: label.name, tonnes: s.tonnes, valueKUSD: s.valueKUSD,
                                tonnesShare: s.tonnesShare, valueShare: s.valueShare, governanceScore: s.governanceScore, inPartnerGroup: s.inPartnerGroup)
            }
            let report = Report(importer: ImporterJSON(buyer, dataset), commodity: item.id.rawValue, name: item.name, year: year,
                                totalTonnes: mix.totalTonnes, totalValueKUSD: mix.totalValueKUSD, internalTonnes: mix.internalTonnes,
                                importHHI: mix.importHHI, governanceWeightedRisk: mix.governanceWeightedRisk,
                                partnerGroup: mix.partnerGroup, partnerShare: mix.partnerShare, suppliers: suppliers)
            if output.format == .json { return Console.out(try JSONOutput.render(report)) }
            let full = output.format == .csv
            var columns: [(String, Bool)] = [("rank", true), ("iso3", false), ("country", false), ("tonnes", true), ("tonnes_share", true),
                                             ("value_kusd", true), ("value_share", true), ("governance", true)]
            if partnerGroup != nil { columns.append(("partner", false)) }
            var table = TextTable(columns)
            for (index, s) in suppliers.prefix(topOption.limit(suppliers.count)).enumerated() {
                var row = [String(index + 1), s.iso3, s.name, full ? Fmt.exact(s.tonnes) : Fmt.tonnes(s.tonnes),
                           full ? Fmt.exact(s.tonnesShare) : Fmt.percent(s.tonnesShare),
                           full ? Fmt.exact(s.valueKUSD) : Fmt.tonnes(s.valueKUSD), full ? Fmt.exact(s.valueShare) : Fmt.percent(s.valueShare),
                           s.governanceScore.map { full ? Fmt.exact($0) : Fmt.fixed($0, 3) } ?? ""]
                if partnerGroup != nil { row.append(s.inPartnerGroup ? "yes" : "") }
                table.add(row)
            }
            if full { return Console.out(table.renderCSV()) }
            var header = """
                \(item.name) imports of \(buyer.name) (\(buyer.id)), \(year)
                \(Fmt.tonnes(mix.totalTonnes)) t from \(suppliers.count) suppliers, \(Fmt.tonnes(mix.totalValueKUSD)) kUSD · import HHI \(Fmt.fixed(mix.importHHI, 4)) · governance-weighted risk \(Fmt.fixed(mix.governanceWeightedRisk, 4))
                """
            if let share = mix.partnerShare, let group = partnerGroup { header += " · from \(group.id) \(Fmt.percent(share))" }
            if mix.internalTonnes > 0 { header += "\ninternal trade (not counted above): \(Fmt.tonnes(mix.internalTonnes)) t" }
            Console.out(header + "\ngovernance: WGI political stability, normalised, 0 = most stable, 1 = least\n\n")
            Console.out(table.renderAligned())
        }
    }
}
