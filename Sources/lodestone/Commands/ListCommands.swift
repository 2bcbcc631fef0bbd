import ArgumentParser
import LodestoneEngine

struct CommoditiesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "commodities", abstract: "List commodity stages, their HS codes, default stage and production years.")

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        try runReportingErrors { try output.emit(try storeOptions.openEngine().commodities()) }
    }
}

struct CountriesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "countries", abstract: "List countries with their codes.")

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        try runReportingErrors { try output.emit(try storeOptions.openEngine().countries()) }
    }
}

struct GroupsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "groups", abstract: "List built-in country groups and their members.")

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        try runReportingErrors { try output.emit(try storeOptions.openEngine().groups()) }
    }
}
