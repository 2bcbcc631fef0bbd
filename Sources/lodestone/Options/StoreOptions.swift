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
        let environment = ProcessInfo.processInfo.environment
        let data: String
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") {
            data = xdg
        } else {
            let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? FileManager.default.homeDirectoryForCurrentUser.path
            data = (home as NSString).appendingPathComponent(".local/share")
        }
        return (data as NSString).appendingPathComponent("lodestone/lodestone.sqlite")
    }

    /// Opens the existing store (refusing, untouched, a file that is not one). At the default
    /// path only, a missing store is first created from the bundled snapshot.
    func openStore(access: SQLiteStore.Access = .read) throws -> SQLiteStore {
        let (path, isDefault) = location
        if isDefault, try !SQLiteStore.exists(at: path) {
            // Concurrent first users wait here for the one that builds it.
            try SQLiteStore.create(at: path) {
                Console.note("creating a new store at \(path) from the bundled snapshot (one-time, a few seconds)")
                return try Self.bundledSnapshot()
            }
        }
        return try SQLiteStore(path: path, create: false, access: access)
    }

    /// The engine on this store: the store's data, the bundled parameters, presets and backtest
    /// observations. An empty Lodestone store is filled from the bundled snapshot first.
    func openEngine() throws -> Engine {
        _ = try openStore(access: .read)
        return try Engine.open(storePath: path, note: Console.note)
    }

    /// Opens the store and builds the Dataset. A Lodestone store that holds no data (made by an
    /// older version, or an interrupted first use) is filled from the bundled snapshot first.
    func loadDataset() throws -> Dataset {
        var store = try openStore(access: .read)
        if try store.isEmpty() {
            store = try openStore(access: .write)
            Console.note("the store at \(path) holds no data: filling it from the bundled snapshot (one-time, a few seconds)")
            try store.fillIfEmpty(with: Self.bundledSnapshot)
        }
        return try store.loadDataset(cache: TradeCache.standard)
    }

    static func bundledSnapshot() throws -> NormalisedData {
        guard let folder = Snapshot.bundledFolder else {
            throw CLIError.failure("no bundled snapshot was found — run 'lodestone data import --from PATH'")
        }
        return try Snapshot.read(from: folder)
    }
}

/// Errors the CLI itself raises: usage errors exit 64, failures 1.
enum CLIError: Error {
    case usage(String)
    case failure(String)
}

/// Runs a command body, mapping domain errors to messages on stderr and exit codes.
func runReportingErrors(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let error as LodestoneError {
        Console.note(error.description)
        switch error {
        case .unknownCountry, .unknownCommodity, .unknownGroup, .emptySelection, .invalidParameter: throw ExitCode(64)
        case .notTraded, .noProduction, .noTrade, .noCommodityTrade, .noQuantities, .damagedData, .cancelled: throw ExitCode(1)
        }
    } catch let error as EngineError {
        Console.note(error.message)
        throw ExitCode(error.kind.exitCode)
    } catch let error as StoreError {
        Console.note(error.description)
        throw ExitCode(1)
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
