import Foundation
import LodestoneTestSupport

/// Runs the built `lodestone` binary and captures what it prints.
enum CLI {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static let binary: URL = {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("lodestone")
        if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
        return Fixtures.repoRoot.appendingPathComponent(".build/debug/lodestone")
    }()

    /// One store for all end-to-end tests, filled from the bundled snapshot by `data import`.
    static let sharedStore: String = {
        let path = Fixtures.temporaryDirectory().appendingPathComponent("store.sqlite").path
        let result = run(["data", "import", "--store", path])
        precondition(result.status == 0, "could not create the shared store: \(result.stderr)")
        return path
    }()

    static func run(_ arguments: [String]) -> Result {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        do { try process.run() } catch { return Result(status: -1, stdout: "", stderr: "cannot run \(binary.path): \(error)") }
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                      stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// Runs against the shared store.
    static func lodestone(_ arguments: String...) -> Result {
        run(arguments + ["--store", sharedStore])
    }
}
