import Foundation
import LodestoneTestSupport
import Testing

@Suite struct PrioritiesEndToEndTests {
    @Test func prioritiesAreReproducibleBySeed() {
        let args = ["priorities", "--importer", "US-Japan", "--draws", "2000", "--seed", "9", "--format", "csv"]
        let a = CLI.run(args + ["--store", CLI.sharedStore]), b = CLI.run(args + ["--store", CLI.sharedStore])
        #expect(a.status == 0, "\(a.stderr)")
        #expect(a.stdout == b.stdout, "byte for byte")
        #expect(a.stdout.hasPrefix("rank,commodity,name,tier,tierConfidence,expectedLossShare,expectedLossShareStandardError,"))
    }

    @Test func tableIsRankedByLossShareAndFitsA100ColumnTerminal() throws {
        let r = CLI.lodestone("priorities", "--importer", "JPN", "--draws", "2000")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("Priority minerals for Japan (JPN), base year 2024"))
        let lines = r.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.allSatisfy { $0.count <= 100 }, "widest line: \(lines.map(\.count).max() ?? 0)")
        let header = try #require(lines.first { $0.hasPrefix(" #  commodity") })
        for column in ["tier", "conf", "loss", "±se", "loss USD/yr", "short", "driver"] {
            #expect(header.contains(column), "missing \(column)")
        }
        // Rows are in rank order, by the loss share (5th column, a percentage), largest first.
        let rows = lines.compactMap { line -> (Int, Double)? in
            let cells = line.split(separator: " ")
            guard cells.count > 5, let rank = Int(cells[0]), cells[4].hasSuffix("%"), let share = Double(cells[4].dropLast()) else { return nil }
            return (rank, share)
        }
        #expect(rows.count > 30 && rows.map(\.0) == Array(1...rows.count))
        #expect(zip(rows, rows.dropFirst()).allSatisfy { $0.1 >= $1.1 })
        #expect(r.stderr.contains("not assessed") && r.stderr.contains("gold:mine"))
    }

    @Test func jsonCarriesStandardErrorsTiersAndTheNotAssessed() throws {
        let r = CLI.lodestone("priorities", "--importer", "USA", "--draws", "2000", "--commodity", "gallium,graphite,tungsten:mine,gold", "--format", "json")
        #expect(r.status == 0, "\(r.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(json["rankedBy"] as? String == "expectedLossShare")
        #expect(json["blocks"] as? Int == 32)
        #expect((json["importer"] as? [String: Any])?["id"] as? String == "USA")
        let thresholds = try #require(json["tierThresholds"] as? [[String: Any]])
        #expect(thresholds.compactMap { $0["minimumExpectedLossShare"] as? Double } == [0.06, 0.03, 0.01])
        let columns = try #require(json["columns"] as? [[String: String]])
        #expect(columns.contains { $0["key"] == "expectedLossShareStandardError" && $0["unit"] == "share" })
        #expect(columns.contains { $0["key"] == "cvar95LossUSD" && $0["unit"] == "usd" })
        let rows = try #require(json["rows"] as? [[String: Any]])
        #expect(rows.compactMap { $0["commodity"] as? String } .sorted() == ["gallium:refined", "graphite:mine"])
        for row in rows {
            for key in ["expectedLossShare", "expectedLossShareStandardError", "expectedLossUSD", "expectedLossUSDStandardError",
                        "p95LossUSD", "cvar95LossUSD", "expectedShortfallShare", "expectedShortfallShareStandardError", "tierConfidence"] {
                #expect(row[key] is Double || row[key] is Int, "missing \(key)")
            }
            #expect(["high", "elevated", "moderate", "limited"].contains(row["tier"] as? String ?? ""))
            let driver = try #require((row["drivers"] as? [[String: Any]])?.first?["exporter"] as? [String: Any])
            #expect(driver["iso3"] is String && driver["code"] is Int && driver["name"] is String)
        }
        let gaps = try #require(json["notAssessed"] as? [[String: Any]])
        #expect(gaps.compactMap { $0["commodity"] as? String } == ["tungsten:mine", "gold:mine"])
        #expect((gaps.first?["reason"] as? String)?.contains("no apparent consumption") == true)
        #expect((gaps.last?["reason"] as? String)?.contains("no HS trade codes") == true)
    }

    @Test func requestsOverTheMemoryLimitAreRefusedAsUsageErrors() {
        let all = CLI.lodestone("priorities", "--importer", "USA", "--draws", "20000000")
        #expect(all.status == 64)
        #expect(all.stderr.contains("over the 1024 MB limit") && all.stderr.contains("draws or fewer") && all.stderr.contains("fewer commodities"))
        #expect(all.stdout.isEmpty)
        let one = CLI.lodestone("priorities", "--importer", "USA", "--draws", "2000000000", "--commodity", "gallium")
        #expect(one.status == 64 && one.stderr.contains("over the 1024 MB limit"))
        #expect(CLI.lodestone("priorities", "--importer", "JPN", "--draws", "0").status == 64)
    }

    @Test func aMisspelledImporterIsAUsageErrorWithASuggestion() {
        let r = CLI.lodestone("priorities", "--importer", "Jpan", "--draws", "100")
        #expect(r.status == 64)
        #expect(r.stderr.contains("did you mean Japan (JPN)"))
        #expect(r.stdout.isEmpty)
    }
}
