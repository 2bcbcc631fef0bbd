import Foundation
@_spi(Fuzzing) import LodestoneStore
import LodestoneTestSupport
import Testing

/// Replays the fuzz targets' seed corpus (Fuzz/Corpus, plus any crash inputs saved there after a
/// fix) through the same entry points, so `swift test` keeps every fixed crash fixed without
/// the fuzzer toolchain.
@Suite struct FuzzCorpusTests {
    /// The fixed targets, then one per source reader, generated from `SourceReaders.all` as
    /// scripts/fuzz.sh generates them: a reader without a seed corpus fails here.
    static let targets: [(String, @Sendable (Data) -> Void)] = [
        ("FuzzZip", Fuzzing.zip), ("FuzzSourceDatabase", Fuzzing.sourceDatabases),
        ("FuzzSnapshot", Fuzzing.snapshot), ("FuzzScenarioJSON", Fuzzing.scenarioJSON),
    ] + SourceReaders.all.map { reader in
        let name = reader.name
        return ("FuzzReader-\(name)", { @Sendable data in Fuzzing.read(reader: name, data) })
    }

    @Test(arguments: targets.indices)
    func theCorpusRunsWithoutATrap(index: Int) throws {
        let (name, entry) = Self.targets[index]
        let folder = Fixtures.path("Fuzz/Corpus/\(name)")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        #expect(!files.isEmpty)
        for file in files {
            entry(try Data(contentsOf: URL(fileURLWithPath: (folder as NSString).appendingPathComponent(file))))
        }
    }

    /// Each reader's seeds are files of its kind: it recognises them and reads them whole.
    @Test(arguments: SourceReaders.all.map { $0.name })
    func everyReaderReadsItsOwnSeeds(name: String) throws {
        let folder = Fixtures.path("Fuzz/Corpus/FuzzReader-\(name)")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        var read = 0
        for file in files {
            let data = try Data(contentsOf: URL(fileURLWithPath: (folder as NSString).appendingPathComponent(file)))
            if Self.readsWhole(name, data) { read += 1 }
        }
        #expect(read > 0, "no seed of \(name) reads without error")
    }

    static func readsWhole(_ name: String, _ data: Data) -> Bool {
        guard let reader = SourceReaders.named(name) else { return false }
        return readsWhole(reader, data)
    }

    static func readsWhole<R: SourceReader>(_ reader: R.Type, _ data: Data) -> Bool {
        let file = R.self == BACIReader.self ? "BACI_HS17_Y2022_V202601.csv" : "seed"
        let context = SourceContext(countries: Fixtures.bundledData.countries, tradeCodes: [.hs17: [250410, 811292]],
                                    iso2ToISO3: ["CN": "CHN", "US": "USA", "JP": "JPN", "AU": "AUS"])
        return (try? R.read(data, file: file, context: context)).map { $0.rowCount > 0 } ?? false
    }
}

