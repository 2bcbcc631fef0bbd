import Foundation
import LodestoneCore
import LodestoneStore

/// Paths and data shared by the test targets.
public enum Fixtures {
    /// The repository root, found from this file's location.
    public static let repoRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    public static func path(_ relative: String) -> String { repoRoot.appendingPathComponent(relative).path }

    /// A file of the shared reference data: `../shared/data/<relative>` beside the checkout, where
    /// CI keeps it too (see the shared data README).
    public static func sharedData(_ relative: String) -> String {
        repoRoot.deletingLastPathComponent().appendingPathComponent("shared/data").appendingPathComponent(relative).path
    }

    /// Whether `../shared/data` (the public releases) sits beside the checkout. Suites that read
    /// it are enabled only then, and say why they were skipped; `.ci/run` refuses to run without
    /// it, so CI never skips them.
    public static let hasSharedData: Bool = FileManager.default.fileExists(atPath: sharedData("README.md"))

    /// The reason a suite that needs the public releases gives when they are absent.
    public static let sharedDataReason = "needs ../shared/data beside the checkout (the USGS, BACI and BGS releases; see README, Data)"

    /// The bundled snapshot as normalised data, read once per test process.
    public static let bundledData: NormalisedData = {
        do { return try Snapshot.read(from: path("Sources/LodestoneStore/Resources/Snapshot")) } catch {
            fatalError("cannot read the bundled snapshot: \(error)")
        }
    }()

    /// The Dataset of the bundled snapshot, built once per test process.
    public static let bundledDataset: Dataset = bundledData.makeDataset()

    /// A fresh temporary directory, inside one directory per test process that is removed when
    /// the process exits (a full `swift test` writes about 1 GB of stores and files there).
    public static func temporaryDirectory() -> URL {
        let url = processDirectory.appendingPathComponent(UUID().uuidString)
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    private static let processDirectory: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("lodestone-test-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(at: Fixtures.processDirectory) }
        return url
    }()
}
