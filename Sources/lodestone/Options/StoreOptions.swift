import ArgumentParser
import Foundation
import LodestoneCore
import LodestoneStore

/// `--store PATH`: where the normalised data live. Default: $LODESTONE_STORE, else
/// ~/.local/share/lodestone/lodestone.sqlite. A missing or empty store is filled from the
/// bundled snapshot on first use.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Path of the store (SQLite).", valueName: "path"))
    var store: String?

    var path: String {
        if let store { return (store as NSString).expandingTildeInPath }
        if let env = ProcessInfo.processInfo.environment["LODESTONE_STORE"], !env.isEmpty { return env }
        let home = FileManager.default.homeDirectoryForCurrentUser.path
        return (home as NSString).appendingPathComponent(".local/share/lodestone/lodestone.sqlite")
    }

    func openStore() throws -> SQLiteStore {
        try SQLiteStore(path: path)
    }

    /// Opens the store, bootstrapping it from the bundled snapshot when it holds no data.
    func loadDataset() throws -> Dataset {
        let store = try openStore()
        if try store.isEmpty() {
            guard let folder = Snapshot.bundledFolder else {
                throw CLIError.failure("the store at \(path) is empty and no bundled snapshot was found — run 'lodestone data import --from PATH'")
            }
            Console.note("creating the store at \(path) from the bundled snapshot (one-time, a few seconds)")
            try store.replaceAll(with: try Snapshot.read(from: folder))
        }
        return try store.loadDataset()
    }
}

/// Errors the CLI itself raises: usage errors exit 64, failures 1.
enum CLIError: Error {
    case usage(String)
    case failure(String)
}

/// Messages on stderr, data on stdout. Writing never traps: `FileHandle.write(_:)` does (a
/// `try!` inside Foundation) when the device is full, so only the throwing API is used.
enum Console {
    static func note(_ message: String) {
        // Nowhere left to report a failure to write stderr itself.
        try? FileHandle.standardError.write(contentsOf: Data("lodestone: \(message)\n".utf8))
    }

    /// Writes data to stdout. If that fails (disk full, closed output) the data the user asked
    /// for cannot be delivered: say so on stderr and exit 1 at once.
    static func out(_ text: String) {
        do {
            try FileHandle.standardOutput.write(contentsOf: Data(text.utf8))
        } catch {
            note("cannot write the output (\(describe(error))) — is the disk full, or the reading end closed?")
            exit(1)
        }
    }

    /// The system's words for a file error ("No space left on device"), else the error itself.
    static func describe(_ error: any Error) -> String {
        let nsError = error as NSError
        if let posix = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, posix.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(posix.code)))
        }
        if nsError.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(nsError.code))) }
        return nsError.localizedDescription
    }
}

/// Runs a command body, mapping domain errors to messages on stderr and exit codes.
func runReportingErrors(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let error as LodestoneError {
        Console.note(error.description)
        switch error {
        case .unknownCountry, .unknownCommodity, .unknownGroup, .emptySelection, .invalidParameter: throw ExitCode(64)
        case .notTraded, .noProduction, .noTrade, .noCommodityTrade, .noQuantities, .damagedData: throw ExitCode(1)
        }
    } catch let error as StoreError {
        Console.note(error.description)
        throw ExitCode(1)
    } catch CLIError.usage(let message) {
        Console.note(message)
        throw ExitCode(64)
    } catch CLIError.failure(let message) {
        Console.note(message)
        throw ExitCode(1)
    }
}
