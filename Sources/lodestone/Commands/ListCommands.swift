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

struct CountryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "country",
        abstract: "One country's page: what it produces, what it imports and from whom, the presets that hit it, and who else produces it.",
        discussion: "Any name works: lodestone country JPN, lodestone country 日本, lodestone country اليابان. --format json prints what GET /api/v1/country returns.")

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "The country (ISO3, number or name in English, Japanese or Arabic).") var country: String
    @Option(help: "Base year (default: the latest with production and trade).") var year: Int?
    @Option(help: "A group whose members are listed first among the other producers, e.g. MSP or Quad.") var partners: String?

    func run() throws {
        try runReportingErrors {
            try output.emit(try storeOptions.openEngine().countryProfile(CountryProfileRequest(country: country, year: year, partners: partners)))
        }
    }
}
