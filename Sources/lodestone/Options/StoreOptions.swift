import ArgumentParser
import Foundation
import LodestoneCore
import LodestoneEngine
import LodestoneStore

/// `--store PATH`: where the normalised data live. Default: $LODESTONE_STORE, else
/// $XDG_DATA_HOME/lodestone/lodestone.sqlite (~/.local/share/lodestone/lodestone.sqlite).
///
/// A store is created unasked only at the built-in default path (filled from the bundled
/// snapshot, with a note on stderr); a `--store` or `$LODESTONE_STORE` path that does not exist
/// is an error, so a typo never builds a new store somewhere. `data import` creates one anywhere.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Path of the store (SQLite).", valueName: "path"))
    var store: String?

    /// The store's path, and whether it is the built-in default.
    var location: (path: String, isDefault: Bool) {
        if let store { return ((store as NSString).expandingTildeInPath, false) }
        if let env = ProcessInfo.processInfo.environment["LODESTONE_STORE"], !env.isEmpty { return ((env as NSString).expandingTildeInPath, false) }
        return (Self.defaultPath, true)
    }

    var path: String { location.path }

    static var defaultPath: String {
        (UserDirectory.data.path as NSString).appendingPathComponent("lodestone/lodestone.sqlite")
    }

    /// At the built-in default path only, a missing store is created from the bundled snapshot.
    func createDefaultStoreIfMissing() throws {
        let (path, isDefault) = location
        guard isDefault, try !SQLiteStore.exists(at: path) else { return }
        // Concurrent first users wait here for the one that builds it.
        try SQLiteStore.create(at: path) {
            Console.note("creating a new store at \(path) from the bundled snapshot (one-time, a few seconds)")
            return try Self.bundledSnapshot()
        }
    }

    /// Opens the existing store (refusing, untouched, a file that is not one), after creating it
    /// if it is the missing default.
    func openStore(access: SQLiteStore.Access = .read) throws -> SQLiteStore {
        try createDefaultStoreIfMissing()
        return try SQLiteStore(path: path, create: false, access: access)
    }

    /// The engine on this store: the store's data, the bundled parameters, presets and backtest
    /// observations. An empty Lodestone store is filled from the bundled snapshot first; a file
    /// that is not a store is refused untouched.
    func openEngine(limits: EngineLimits = EngineLimits()) throws -> Engine {
        try createDefaultStoreIfMissing()
        let engine = try Engine.open(storePath: path, limits: limits, note: Console.note)
        OpenedEngine.current = engine
        return engine
    }

    static func bundledSnapshot() throws -> NormalisedData {
        guard let folder = Snapshot.bundledFolder else {
            throw CLIError.failure("no bundled snapshot was found — run 'lodestone data import --from PATH'")
        }
        return try Snapshot.read(from: folder)
    }
}

/// The engine this command opened, for output in another language (`--lang`): one command,
/// one engine, one thread.
enum OpenedEngine {
    nonisolated(unsafe) static var current: Engine?
}

/// Errors the CLI itself raises: usage errors exit 64, failures 1.
enum CLIError: Error {
    case usage(String)
    case failure(String)
}

/// Runs a command body, mapping domain errors to messages on stderr and exit codes: the
/// engine's error kinds (which the core's and the store's errors map to) decide the code.
@discardableResult
func runReportingErrors<T>(_ body: () throws -> T) throws -> T {
    func exit(_ error: EngineError) -> ExitCode {
        Console.note(error.message)
        return ExitCode(error.kind.exitCode)
    }
    do {
        return try body()
    } catch let error as EngineError {
        throw exit(error)
    } catch let error as LodestoneError {
        throw exit(EngineError(error))
    } catch let error as StoreError {
        throw exit(EngineError(error))
    } catch CLIError.usage(let message) {
        Console.note(message)
        throw ExitCode(64)
    } catch CLIError.failure(let message) {
        Console.note(message)
        throw ExitCode(1)
    } catch let exit as ExitCode {
        throw exit
    } catch {
        Console.note(Console.describe(error))
        throw ExitCode(1)
    }
}
