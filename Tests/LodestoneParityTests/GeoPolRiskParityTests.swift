import Foundation
import LodestoneCore
import LodestoneTestSupport
import Testing

/// Lodestone's `geopolrisk-py-2.0.1` method against the reference package's own output
/// (Tests/Fixtures/geopolrisk/reference.csv, written by scripts/reference/make_reference.sh).
@Suite struct GeoPolRiskParityTests {
    struct Case {
        var importer: String
        var members: [CountryCode]
        var commodity: String
        var year: Int
        var fields: [String: String]
        var status: String
    }

    static let tolerance = 1e-9

    static func loadCases() throws -> [Case] {
        let text = try String(contentsOfFile: Fixtures.path("Tests/Fixtures/geopolrisk/reference.csv"), encoding: .utf8)
        let lines = text.split(separator: "\n").map(String.init)
        let header = lines[0].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        return lines.dropFirst().map { line in
            // Only `status` can hold commas; it is the last column.
            let parts = line.split(separator: ",", maxSplits: header.count - 1, omittingEmptySubsequences: false).map(String.init)
            let row = Dictionary(uniqueKeysWithValues: zip(header, parts))
            return Case(importer: row["importer"]!, members: row["members"]!.split(separator: ";").map { CountryCode(Int($0)!) },
                        commodity: row["commodity"]!, year: Int(row["year"]!)!, fields: row, status: row["status"]!)
        }
    }

    static func relativeDifference(_ a: Double, _ b: Double) -> Double {
        if a == b { return 0 }
        return abs(a - b) / max(abs(a), abs(b))
    }

    @Test func everyReferenceValueIsReproducedWithinTolerance() throws {
        let dataset = Fixtures.bundledDataset
        let cases = try Self.loadCases()
        #expect(cases.count >= 10 * 53 * 2, "fixture must cover ≥10 importers × every commodity × 2 years")
        var compared = 0, maxDifference = 0.0, worst = ""
        var onlyReference: [String] = [], onlyLodestone: [String] = []
        for item in cases {
            let commodity = try dataset.resolveCommodity(item.commodity, reference: true)
            let importer = Importer(id: item.importer, name: item.importer, members: item.members)
            let result = try? dataset.geoPolRisk(for: importer, commodity: commodity.id, year: item.year, method: .geopolriskPy)
            let label = "\(item.importer)/\(item.commodity)/\(item.year)"
            guard item.status == "ok" else {
                if result != nil { onlyLodestone.append("\(label): reference \(item.status)") }
                continue
            }
            guard let result else { onlyReference.append(label); continue }
            let pairs: [(String, Double)] = [
                ("hhi", result.hhi), ("import_risk", result.importRisk), ("price", result.priceUSDPerKg), ("score", result.score),
                ("cf", result.characterizationFactor), ("prod_qty", result.domesticProductionTonnes),
                ("numerator", result.riskWeightedImportTonnes), ("total_trade", result.importTonnes),
            ]
            for (field, ours) in pairs {
                let theirs = Double(item.fields[field]!)!
                let difference = Self.relativeDifference(ours, theirs)
                compared += 1
                if difference > maxDifference { maxDifference = difference; worst = "\(label) \(field): \(ours) vs \(theirs)" }
                #expect(difference <= Self.tolerance, "\(label) \(field): lodestone \(ours), reference \(theirs)")
            }
        }
        print("parity: \(cases.count) cases, \(compared) values compared, max relative difference \(maxDifference) (\(worst))")
        print("parity: only the reference produced \(onlyReference.count): \(onlyReference)")
        print("parity: only Lodestone produced \(onlyLodestone.count): \(onlyLodestone)")
        #expect(onlyReference.isEmpty)
        #expect(onlyLodestone.isEmpty)
    }
}
