import ArgumentParser
import Foundation
import LodestoneCore

struct GridCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "grid",
        abstract: "GeoPolRisk for every importer (all countries and groups) × commodity × year, as CSV.")

    @OptionGroup var storeOptions: StoreOptions

    @Option(help: "lodestone (default) or geopolrisk-py-2.0.1.")
    var method: GeoPolRiskMethod = .lodestone

    @Option(name: .shortAndLong, help: ArgumentHelp("Write the CSV here instead of stdout.", valueName: "file"))
    var output: String?

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
                do { try Data(text.utf8).write(to: URL(fileURLWithPath: output)) } catch {
                    throw CLIError.failure("cannot write \(output): \(error.localizedDescription)")
                }
                Console.note("wrote \(results.count) rows to \(output)")
            } else {
                Console.out(text)
            }
        }
    }
}
