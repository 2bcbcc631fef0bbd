import Foundation
import LodestoneTestSupport
import Testing

/// Issue 8: no failed command changes a byte of the store, and reads that overlap imports see
/// one whole state or the other.
@Suite struct StoreIntegrityTests {
    /// Inputs that each make a command fail, in a fresh folder.
    struct BadInputs {
        let folder = Fixtures.temporaryDirectory()
        var path: (String) -> String { { folder.appendingPathComponent($0).path } }

        func make() throws {
            let wheel = folder.appendingPathComponent("good.whl")
            try ZipFixture.fakeWheel(at: wheel)
            let good = try Data(contentsOf: wheel)
            try good.prefix(good.count / 2).write(to: URL(fileURLWithPath: path("truncated.whl")))
            var flipped = good
            flipped[flipped.count / 3] ^= 0x04
            try flipped.write(to: URL(fileURLWithPath: path("flipped.whl")))
            try Data("PK\u{3}\u{4} not really a zip".utf8).write(to: URL(fileURLWithPath: path("fake.whl")))
            try SmallWorld.writeSnapshot(to: folder.appendingPathComponent("poisoned")) { $0.governance[0].year = 9_000_000_000_000_000_000 }
            try SmallWorld.writeSnapshot(to: folder.appendingPathComponent("huge-year")) { $0.governance[0].year = 30_000_000 }
            try SmallWorld.writeSnapshot(to: folder.appendingPathComponent("tampered"))
            try Data("{}".utf8).write(to: URL(fileURLWithPath: path("tampered/manifest.json")))
            try FileManager.default.createDirectory(atPath: path("occupied"), withIntermediateDirectories: true)
            FileManager.default.createFile(atPath: path("occupied/notes.txt"), contents: Data("mine".utf8))
            FileManager.default.createFile(atPath: path("existing.csv"), contents: Data("keep".utf8))
            FileManager.default.createFile(atPath: path("BACI_HS17_Y2024_V202601.csv"), contents: Data("no,header\n1,2\n".utf8))
            FileManager.default.createFile(atPath: path("scenario.json"), contents: Data("{\"name\": 3}".utf8))
        }

        var commands: [[String]] {
            [
                ["risk", "--importer", "Jpan"],
                ["risk", "--importer", "JPN", "--year", "1990"],
                ["concentration", "--commodity", "cobolt"],
                ["suppliers", "--importer", "JPN", "--commodity", "antimony:metal", "--year", "2022"],
                ["concentration", "--commodity", "cobalt:mine", "--year", "2010"],
                ["data", "import", "--from", "/nonexistent/geopolrisk.whl"],
                ["data", "import", "--from", path("truncated.whl")],
                ["data", "import", "--from", path("flipped.whl")],
                ["data", "import", "--from", path("fake.whl")],
                ["data", "import", "--from", path("poisoned")],
                ["data", "import", "--from", path("huge-year")],
                ["data", "import", "--from", path("tampered")],
                ["data", "import", "--from", path("good.whl"), "--baci", path("BACI_HS17_Y2024_V202601.csv")],
                ["data", "import", "--from", path("good.whl"), "--usgs", "/nonexistent/usgs.csv"],
                ["data", "export-snapshot", path("occupied")],
                ["grid", "-o", path("existing.csv")],
                ["grid", "-o", path("no-such-folder/grid.csv")],
                ["data", "export-snapshot", path("existing.csv")],
                ["data", "import", "--from", path("occupied")],
                ["scenario", "run", "--file", path("scenario.json"), "--for", "USA"],
                ["scenario", "run", "--restrict", "CHN", "--commodity", "graphite", "--severity", "1.5", "--for", "USA"],
                ["priorities", "--importer", "JPN", "--draws", "0"],
            ]
        }
    }

    @Test func failedCommandsLeaveEveryByteOfTheStore() throws {
        let store = try StoreFile.copy(CLI.sharedStore)
        let inputs = BadInputs()
        try inputs.make()
        let before = StoreFile.snapshot(store)
        var changed: [String] = []
        for command in inputs.commands {
            let r = CLI.run(command + ["--store", store])
            #expect(r.status == 1 || r.status == 64, "\(command) should fail: \(r.status) \(r.stderr)")
            #expect(!r.stderr.isEmpty)
            if StoreFile.snapshot(store) != before { changed.append(command.joined(separator: " ")) }
        }
        let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
        let r = CLI.run(["risk", "--importer", "JPN", "--store", store], stdout: full)
        #expect(r.status == 1)
        if StoreFile.snapshot(store) != before { changed.append("risk > /dev/full") }
        #expect(changed.isEmpty, "store bytes changed after: \(changed)")
    }

    /// Importer processes switch a store between two small snapshots while reader processes
    /// run `risk`: every read succeeds and prints exactly what one of the two states gives.
    @Test func readsOverlappingImportsSeeOneOfTheTwoStates() throws {
        let folder = Fixtures.temporaryDirectory()
        let one = folder.appendingPathComponent("one"), two = folder.appendingPathComponent("two")
        try SmallWorld.writeSnapshot(version: 1, to: one)
        try SmallWorld.writeSnapshot(version: 2, to: two)
        let store = folder.appendingPathComponent("s.sqlite").path
        let read = ["risk", "--importer", "DDD", "--year", "2020", "--format", "csv", "--store", store]
        #expect(CLI.run(["data", "import", "--from", two.path, "--store", store]).status == 0)
        let stateTwo = CLI.run(read)
        #expect(CLI.run(["data", "import", "--from", one.path, "--store", store]).status == 0)
        let stateOne = CLI.run(read)
        #expect(stateOne.status == 0 && stateTwo.status == 0 && stateOne.stdout != stateTwo.stdout, "\(stateOne.stderr)")
        var commands: [[String]] = []
        for round in 0..<12 {
            commands.append(["data", "import", "--from", (round % 2 == 0 ? two : one).path, "--store", store])
            commands.append(read)
            commands.append(read)
        }
        let results = CLI.runConcurrently(commands)
        var reads = 0
        for (command, r) in zip(commands, results) {
            #expect(r.status == 0, "\(command.prefix(2)): \(r.stderr)")
            if command == read {
                reads += 1
                #expect(r.stdout == stateOne.stdout || r.stdout == stateTwo.stdout, "a read mixed the two states:\n\(r.stdout)")
            }
        }
        #expect(reads == 24)
    }
}
