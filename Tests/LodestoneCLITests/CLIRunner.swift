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

    static let cacheFolder = Fixtures.temporaryDirectory().appendingPathComponent("cache").path

    /// One store for all end-to-end tests, filled from the bundled snapshot by `data import`.
    static let sharedStore: String = {
        let path = Fixtures.temporaryDirectory().appendingPathComponent("store.sqlite").path
        let result = run(["data", "import", "--store", path])
        precondition(result.status == 0, "could not create the shared store: \(result.stderr)")
        return path
    }()

    /// Runs the binary. `environment` entries are added to (or, with a nil value, removed from)
    /// this process's environment; `stdout` replaces the captured output (e.g. /dev/full).
    /// Output goes through files, so a command that writes a lot to both streams cannot block.
    static func run(_ arguments: [String], environment: [String: String?] = [:], stdout target: FileHandle? = nil) -> Result {
        runConcurrently([arguments], environment: environment, stdout: target).first
            ?? Result(status: -1, stdout: "", stderr: "cannot run \(binary.path)")
    }

    /// Runs against the shared store.
    static func lodestone(_ arguments: String...) -> Result {
        run(arguments + ["--store", sharedStore])
    }

    /// Starts every command at once (stdout and stderr to files), then waits for all of them.
    static func runConcurrently(_ commands: [[String]], environment: [String: String?] = [:], stdout target: FileHandle? = nil) -> [Result] {
        let folder = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        var env = ProcessInfo.processInfo.environment
        // The tests' trade caches live with the tests, not in the user's ~/.cache.
        env["LODESTONE_CACHE_DIR"] = cacheFolder
        for (key, value) in environment { env[key] = value }
        var running: [(Process, URL, URL)] = []
        for (index, arguments) in commands.enumerated() {
            let out = folder.appendingPathComponent("\(index).out"), err = folder.appendingPathComponent("\(index).err")
            FileManager.default.createFile(atPath: out.path, contents: nil)
            FileManager.default.createFile(atPath: err.path, contents: nil)
            let process = Process()
            process.executableURL = binary
            process.arguments = arguments
            process.environment = env
            process.standardOutput = target ?? FileHandle(forWritingAtPath: out.path)
            process.standardError = FileHandle(forWritingAtPath: err.path)
            do { try process.run() } catch { continue }
            running.append((process, out, err))
        }
        return running.map { process, out, err in
            process.waitUntilExit()
            return Result(status: process.terminationStatus,
                          stdout: String(decoding: FileManager.default.contents(atPath: out.path) ?? Data(), as: UTF8.self),
                          stderr: String(decoding: FileManager.default.contents(atPath: err.path) ?? Data(), as: UTF8.self))
        }
    }
}
