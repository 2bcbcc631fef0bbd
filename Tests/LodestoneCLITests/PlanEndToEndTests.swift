import Foundation
import LodestoneTestSupport
import Testing

@Suite struct PlanEndToEndTests {
    static let hasSolver = FileManager.default.fileExists(atPath: "/usr/lib/x86_64-linux-gnu/libCbcSolver.so.3")
        || FileManager.default.fileExists(atPath: "/usr/lib/aarch64-linux-gnu/libCbcSolver.so.3")

    @Test func withoutTheSolverThePlanSaysHowToInstallIt() {
        let r = CLI.run(["plan", "stockpile", "--importer", "JPN", "--draws", "100", "--store", CLI.sharedStore],
                        environment: ["LODESTONE_CBC_LIBRARY": "/nonexistent/libCbcSolver.so"])
        #expect(r.status == 69, "\(r.stderr)")
        #expect(r.stderr.contains("coinor-libcbc3") && r.stdout.isEmpty)
    }

    @Test(.enabled(if: hasSolver, "CBC is not installed here (sudo apt-get install coinor-libcbc3)"))
    func stockpileForJapanPrintsAPlanWithDaysAgainstJOGMEC() throws {
        let r = CLI.lodestone("plan", "stockpile", "--importer", "JPN", "--budget", "1e9", "--draws", "1000")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("Stockpile plan for Japan, 2024: 1000 simulated years"))
        #expect(r.stdout.contains("JOGMEC") && r.stdout.contains("frontier") && r.stdout.contains("Gallium (unwrought)"))
        let json = CLI.lodestone("plan", "stockpile", "--importer", "JPN", "--budget", "1e9", "--draws", "1000", "--format", "json")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let plan = try #require(object["plan"] as? [String: Any])
        #expect(plan["status"] as? String == "optimal")
        #expect((plan["spentUSD"] as? Double ?? 0) <= 1e9 * (1 + 1e-6))
    }

    @Test(.enabled(if: hasSolver, "CBC is not installed here (sudo apt-get install coinor-libcbc3)"))
    func investForUSJapanChoosesAPortfolioWithinTheBudget() throws {
        let r = CLI.lodestone("plan", "invest", "--importer", "US-Japan", "--budget", "5e9", "--horizon", "2030", "--draws", "500", "--format", "json")
        #expect(r.status == 0, "\(r.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let plan = try #require(object["plan"] as? [String: Any])
        #expect((plan["capexUSD"] as? Double ?? .infinity) <= 5e9)
        #expect((plan["expectedLossAfterUSD"] as? Double ?? .infinity) < (plan["expectedLossBeforeUSD"] as? Double ?? 0))
        let rows = try #require(object["rows"] as? [[String: Any]])
        #expect(rows.contains { $0["financed"] as? Bool == true })
    }

    @Test func badPlanInputGetsAClearMessage() {
        let r = CLI.lodestone("plan", "invest", "--importer", "US-Japan", "--budget", "-1")
        #expect(r.status == 64 && r.stderr.contains("--budget"))
        let p = CLI.lodestone("plan", "invest", "--importer", "JPN", "--budget", "1e9", "--projects", "/nonexistent.csv")
        #expect(p.status == 64 && p.stderr.contains("cannot read"), "\(p.stderr)")
    }
}

@Suite(.enabled(if: Fixtures.hasSharedData, Comment(rawValue: Fixtures.sharedDataReason))) struct NRCanProjectsTests {
    @Test func theNRCanInventoryIsReadAndItsUnsourcedProjectsListed() throws {
        let path = Fixtures.sharedData("projects-nrcan/nrcan_sync_2026-06-24.json")
        let r = CLI.lodestone("plan", "projects", "--nrcan", path, "--format", "json")
        #expect(r.status == 0, "\(r.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(object["nrcanListed"] as? Int == 291)
        #expect((object["nrcanMatched"] as? Int ?? 0) >= 5)
        let rows = try #require(object["rows"] as? [[String: Any]])
        let listed = rows.filter { ($0["origin"] as? String ?? "").hasPrefix("NRCan") }
        #expect(listed.count > 100 && listed.allSatisfy { ($0["capacityTonnes"] == nil || $0["capacityTonnes"] is NSNull) && $0["country"] as? String == "CAN" })
        #expect(rows.filter { $0["origin"] as? String == "projects file" }.count >= 60)
    }
}

@Suite struct LanguageEndToEndTests {
    @Test func japaneseAndArabicNamesInAndOut() throws {
        let ja = CLI.lodestone("risk", "--importer", "日本", "--lang", "ja")
        #expect(ja.status == 0, "\(ja.stderr)")
        #expect(ja.stdout.hasPrefix("GeoPolRisk for Japan (JPN)") && ja.stdout.contains("ガリウム"))
        let ar = CLI.lodestone("suppliers", "--importer", "الولايات المتحدة", "--commodity", "الجرمانيوم", "--lang", "ar", "--format", "json")
        #expect(ar.status == 0, "\(ar.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(ar.stdout.utf8)) as? [String: Any])
        let rows = try #require(object["rows"] as? [[String: Any]])
        let china = try #require(rows.compactMap { $0["country"] as? [String: Any] }.first { $0["iso3"] as? String == "CHN" })
        #expect(china["localName"] as? String == "الصين" && china["name"] as? String == "China")
        let bad = CLI.lodestone("risk", "--importer", "JPN", "--lang", "fr")
        #expect(bad.status == 64 && bad.stderr.contains("--lang"))
    }
}

@Suite struct SeriesEndToEndTests {
    @Test func aSeriesAnswersTheYearsWithDataAndNamesTheRest() throws {
        let r = CLI.lodestone("concentration", "--commodity", "gallium", "--years", "2012-2025", "--format", "json")
        #expect(r.status == 0, "\(r.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let years = try #require(object["years"] as? [Int]), missing = try #require(object["missingYears"] as? [[String: Any]])
        #expect(!years.isEmpty && years.allSatisfy { $0 >= 2012 && $0 <= 2025 })
        #expect(missing.contains { $0["year"] as? Int == 2012 && ($0["reason"] as? String ?? "").contains("data exist for") })
        #expect(Set(years).union(missing.compactMap { $0["year"] as? Int }) == Set(2012...2025))
        let table = CLI.lodestone("concentration", "--commodity", "gallium", "--years", "2012-2025")
        #expect(table.status == 0 && table.stdout.contains("no answer for 2012"))
        let none = CLI.lodestone("concentration", "--commodity", "gallium", "--years", "1990-1992")
        #expect(none.status == 1 && none.stderr.contains("no year of 1990–1992"))
    }

    @Test func aGapInsideTheYearsIsNamed() {
        let r = CLI.lodestone("suppliers", "--importer", "JPN", "--commodity", "gallium", "--year", "2023")
        #expect(r.status != 0)
        #expect(r.stderr.contains("2022, 2024") && !r.stderr.contains("2022–2024"), "\(r.stderr)")
    }
}

@Suite struct CountryEndToEndTests {
    @Test func aCountrysPageFromAnyOfItsNames() throws {
        let r = CLI.lodestone("country", "اليابان", "--partners", "MSP", "--format", "json")
        #expect(r.status == 0, "\(r.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect((object["country"] as? [String: Any])?["iso3"] as? String == "JPN")
        let rows = try #require(object["rows"] as? [[String: Any]])
        let values = rows.compactMap { $0["importValueKUSD"] as? Double }
        #expect(rows.count > 30 && values == values.sorted(by: >), "largest imports first")
        // A stage without trade codes (gold ore) has no import figure, not a zero.
        let gold = try #require(rows.first { $0["commodity"] as? String == "gold:mine" })
        #expect(gold["importValueKUSD"] == nil && gold["productionShare"] as? Double ?? 0 > 0)
        let gallium = try #require(rows.first { $0["commodity"] as? String == "gallium:refined" })
        #expect(((gallium["topSupplier"] as? [String: Any])?["iso3"] as? String) == "CHN")
        let presets = try #require(object["presets"] as? [[String: Any]])
        #expect(presets.contains { $0["name"] as? String == "china-japan-military-2026" })
        #expect(!presets.contains { $0["name"] as? String == "china-us-ban-2024" }, "the US ban does not target Japan")
        let table = CLI.lodestone("country", "日本")
        #expect(table.status == 0 && table.stdout.hasPrefix("Japan (JPN), 2024") && table.stdout.contains("hit by:"))
        #expect(CLI.lodestone("country", "Atlantis").status == 64)
    }
}

@Suite struct ReadOnlyStoreTests {
    /// A read command leaves a store in rollback-journal mode as it found it (issue 18, finding 3).
    @Test func aReadNeverChangesTheJournalMode() throws {
        let path = try StoreFile.copy(CLI.sharedStore)
        try StoreFile.execute("PRAGMA journal_mode = DELETE", at: path)
        let r = CLI.run(["risk", "--importer", "JPN", "--store", path, "--format", "csv"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try journalMode(path) == "delete")
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
    }

    /// A store on a read-only filesystem is read where it lies (finding 2). Needs a tmpfs mount,
    /// so it runs where the tests run as root (CI) and says so elsewhere.
    @Test(.enabled(if: getuid() == 0, "needs root to mount a read-only tmpfs"))
    func aStoreOnAReadOnlyFilesystemIsRead() throws {
        let mountPoint = Fixtures.temporaryDirectory().appendingPathComponent("ro").path
        try FileManager.default.createDirectory(atPath: mountPoint, withIntermediateDirectories: true)
        func sh(_ command: String) -> Int32 {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/bin/sh")
            p.arguments = ["-c", command]
            try? p.run()
            p.waitUntilExit()
            return p.terminationStatus
        }
        guard sh("mount -t tmpfs -o size=300m tmpfs '\(mountPoint)'") == 0 else { return }  // no mount permission in this container
        defer { _ = sh("umount '\(mountPoint)'") }
        let store = mountPoint + "/store.sqlite"
        #expect(sh("cp '\(CLI.sharedStore)' '\(store)' && mount -o remount,ro '\(mountPoint)'") == 0)
        let r = CLI.run(["risk", "--importer", "JPN", "--store", store, "--format", "csv"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("gallium:refined"))
    }

    private func journalMode(_ path: String) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", "-c", "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('PRAGMA journal_mode').fetchone()[0])", path]
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        p.waitUntilExit()
        return String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

/// Issue 18, finding 6: messages name the real problem, never a Swift type.
@Suite struct MessageEndToEndTests {
    @Test func emptyNamesTinyDurationsAndBadManifestsSaySo() throws {
        let empty = CLI.lodestone("risk", "--importer", "JPN", "--commodity", "")
        #expect(empty.status == 64 && empty.stderr.contains("--commodity is empty; give a value or leave it out"), "\(empty.stderr)")
        let tiny = CLI.lodestone("scenario", "run", "--restrict", "CHN", "--commodity", "gallium", "--severity", "1", "--importer", "USA", "--duration", "1e-300")
        #expect(tiny.status == 64 && tiny.stderr.contains("at least a day"), "\(tiny.stderr)")
        let folder = Fixtures.temporaryDirectory().appendingPathComponent("snap")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(#"{"format": "four"}"#.utf8).write(to: folder.appendingPathComponent("manifest.json"))
        let store = Fixtures.temporaryDirectory().appendingPathComponent("s.sqlite").path
        let bad = CLI.run(["data", "import", "--from", folder.path, "--store", store])
        #expect(bad.status != 0 && bad.stderr.contains("'format' should be a whole number") && !bad.stderr.contains("DecodingError"), "\(bad.stderr)")
    }
}
