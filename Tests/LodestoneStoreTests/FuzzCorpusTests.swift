import Foundation
@_spi(Fuzzing) import LodestoneStore
import LodestoneTestSupport
import Testing

/// Replays the fuzz targets' seed corpus (Fuzz/Corpus, plus any crash inputs saved there after a
/// fix) through the same entry points, so `swift test` keeps every fixed crash fixed without
/// the fuzzer toolchain.
@Suite struct FuzzCorpusTests {
    static let targets: [(String, @Sendable (Data) -> Void)] = [
        ("FuzzZip", Fuzzing.zip), ("FuzzSourceDatabase", Fuzzing.sourceDatabases),
        ("FuzzSnapshot", Fuzzing.snapshot), ("FuzzScenarioJSON", Fuzzing.scenarioJSON),
        ("FuzzUSGSCommodities", Fuzzing.usgsCommoditiesData), ("FuzzUSGSSalient", Fuzzing.usgsSalientTables),
    ]

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
}
