import ArgumentParser
import Foundation
import LodestoneCore
import LodestoneStore

struct GridCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "grid",
        abstract: "GeoPolRisk for every importer (all countries and groups) × commodity × year, as CSV.")

    @OptionGroup var storeOptions: StoreOptions

    @Option(help: "lodestone (default) or geopolrisk-py-2.0.1.")
    var method: GeoPolRiskMethod = .lodestone

    @Option(name: .shortAndLong, help: ArgumentHelp("Write the CSV here instead of stdout (written whole or not at all; links are never followed).", valueName: "file"))
    var output: String?

    @Flag(help: "Replace an existing file (or link) at -o.")
    var force = false

    func run() throws {
        try runReportingErrors {
            let dataset = try storeOptions.loadDataset()
            let results = dataset.riskGrid(importers: dataset.allImporters, method: method)
            var text = "importer,commodity,year,hhi,import_risk,score,cf,price_usd_per_kg,imports_t,production_t\n"
            text.reserveCapacity(results.count * 160)
            for r in results {
                text += "\(r.importer),\(r.commodity),\(r.year),\(r.hhi),\(r.importRisk),\(r.score),\(r.characterizationFactor),\(r.priceUSDPerKg),\(r.importTonnes),\(r.domesticProductionTonnes)\n"
            }
            if let output {
                try AtomicFile.write(Data(text.utf8), to: (output as NSString).expandingTildeInPath, force: force)
                Console.note("wrote \(results.count) rows to \(output)")
            } else {
                Console.out(text)
            }
        }
    }
}
