import ArgumentParser
import LodestoneCore

struct CommoditiesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "commodities", abstract: "List commodities, their HS codes and production years.")

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var output: OutputOptions

    struct Row: Encodable {
        var id: String
        var name: String
        var productionSeries: String
        var stage: String
        var hs6: [Int]
        var productionUnit: String
        var recyclingRate: Double?
        var productionYears: [Int]
    }

    func run() throws {
        try runReportingErrors {
            let dataset = try storeOptions.loadDataset()
            let rows = dataset.commodities.map {
                Row(id: $0.id.rawValue, name: $0.name, productionSeries: $0.productionSeries, stage: $0.stage.rawValue, hs6: $0.hs6,
                    productionUnit: $0.productionUnit, recyclingRate: $0.recyclingRate, productionYears: dataset.productionYears(of: $0.id))
            }
            if output.format == .json { return Console.out(try JSONOutput.render(rows)) }
            var table = TextTable([("id", false), ("name", false), ("production_series", false), ("stage", false), ("hs6", false), ("unit", false), ("years", false)])
            for r in rows {
                let years = r.productionYears.isEmpty ? "" : "\(r.productionYears.first!)-\(r.productionYears.last!)"
                table.add([r.id, r.name, r.productionSeries, r.stage, r.hs6.map(String.init).joined(separator: ";"), r.productionUnit, years])
            }
            Console.out(output.format == .csv ? table.renderCSV() : table.renderAligned())
        }
    }
}

struct CountriesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "countries", abstract: "List countries with their codes.")

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        try runReportingErrors {
            let dataset = try storeOptions.loadDataset()
            if output.format == .json { return Console.out(try JSONOutput.render(dataset.countries)) }
            var table = TextTable([("code", true), ("m49", true), ("iso3", false), ("name", false), ("former_until", true)])
            for c in dataset.countries {
                table.add([String(c.code.rawValue), String(c.m49), c.iso3, c.name, c.formerUntil.map(String.init) ?? ""])
            }
            Console.out(output.format == .csv ? table.renderCSV() : table.renderAligned())
        }
    }
}

struct GroupsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "groups", abstract: "List built-in country groups and their members.")

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        try runReportingErrors {
            let dataset = try storeOptions.loadDataset()
            if output.format == .json { return Console.out(try JSONOutput.render(dataset.groups)) }
            var table = TextTable([("id", false), ("name", false), ("members", false), ("source", false)])
            for g in dataset.groups {
                table.add([g.id, g.name, g.members.map { countryLabel($0, dataset).iso3 }.joined(separator: " "), g.source])
            }
            Console.out(output.format == .csv ? table.renderCSV() : table.renderAligned())
        }
    }
}
