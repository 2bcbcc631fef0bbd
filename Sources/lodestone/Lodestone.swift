import ArgumentParser

@main
struct Lodestone: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lodestone",
        abstract: "Critical-minerals supply-chain risk from public data.",
        discussion: """
        Countries by ISO3 (JPN), number (392) or English name; importers may also be groups
        (US-Japan, Quad, G7, AUKUS, EU, MSP) or unions joined with '+' (USA+JPN).
        Commodities by id or name ("rare earths"). Data come from the store (--store); at the
        default path a new store is filled from the bundled snapshot on first use, elsewhere
        'lodestone data import --store PATH' creates one.
        """,
        version: "0.1.0",
        // The registered questions' commands come from the registry (`Questions.all`).
        subcommands: RegisteredCommands.under([]) + [
            ScenarioCommand.self, BacktestCommand.self, PrioritiesCommand.self, PlanCommand.self, GridCommand.self, DataCommand.self, ServeCommand.self,
        ]
    )
}
