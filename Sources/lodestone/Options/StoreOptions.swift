import ArgumentParser
import Foundation
import LodestoneEngine

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
    var location: StoreLocation { StoreLocation(explicit: store) }

    var path: String { location.path }

    /// The engine on this store: the store's data, the bundled parameters, presets and backtest
    /// observations. The missing default store, or an empty Lodestone store, is filled from the
    /// bundled snapshot first; a file that is not a store is refused untouched.
    func openEngine(limits: EngineLimits = EngineLimits()) throws -> Engine {
        let engine = try Engine.open(location, limits: limits, note: Console.note)
        OpenedEngine.current = engine
        return engine
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
