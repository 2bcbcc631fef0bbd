import ArgumentParser
import LodestoneEngine

extension GeoPolRiskMethod: ExpressibleByArgument {}

/// `--importer`: the one name for "whose supply" on every command.
struct ImporterOption: ParsableArguments {
    @Option(name: [.customLong("importer"), .customLong("for", withSingleDash: false)],
            help: "Country, group or union (JPN, US-Japan, USA+JPN, EU).")
    var importer: String
}

/// `--partners`: a group whose members are flagged (and whose share is reported) on every command.
struct PartnersOption: ParsableArguments {
    @Option(name: [.customLong("partners"), .customLong("allies", withSingleDash: false)],
            help: "A partner group whose members are flagged and whose share is reported (G7, MSP, USA+AUS).")
    var partners: String?
}
