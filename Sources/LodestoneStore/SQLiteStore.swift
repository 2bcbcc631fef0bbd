import CSQLite
import Foundation
import LodestoneCore

/// The SQLite backend of `DataStore`: one file, schema from `Migrations`.
public final class SQLiteStore: DataStore {
    public let path: String
    let db: SQLiteDatabase

    /// Opens (creating if needed) the store at `path` and brings its schema up to date.
    public init(path: String, create: Bool = true) throws {
        self.path = path
        let exists = FileManager.default.fileExists(atPath: path)
        if !exists, !create { throw StoreError.cannotOpen(path: path, reason: "no such file") }
        if !exists {
            let directory = (path as NSString).deletingLastPathComponent
            if !directory.isEmpty {
                try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            }
        }
        do {
            db = try SQLiteDatabase(path: path, mode: .readWriteCreate)
            try db.execute("PRAGMA foreign_keys = ON; PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL")
        } catch let error as SQLiteError {
            throw StoreError.cannotOpen(path: path, reason: error.message)
        }
        if exists {
            let hasTables = (try? db.scalarInt("SELECT count(*) FROM sqlite_master WHERE type = 'table'")) ?? nil
            guard let hasTables else { throw StoreError.notAStore(path: path) }
            if hasTables > 0, !((try? db.tableExists("lodestone_migration")) ?? false) {
                throw StoreError.notAStore(path: path)
            }
        }
        do {
            try Migrations.apply(to: db)
        } catch let error as SQLiteError {
            throw StoreError.database(operation: "migration", reason: error.message)
        }
    }

    /// Whether the store holds any imported data.
    public func isEmpty() throws -> Bool {
        try wrap("read") { try db.scalarInt("SELECT count(*) FROM country") ?? 0 } == 0
    }

    func wrap<T>(_ operation: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as SQLiteError {
            throw Self.storeError(error, path: path, operation: operation)
        }
    }

    /// Maps a driver error: corruption is a damaged store, anything else a failed operation.
    static func storeError(_ error: SQLiteError, path: String, operation: String) -> StoreError {
        switch error.code & 0xFF {
        case SQLITE_CORRUPT, SQLITE_NOTADB, SQLITE_FORMAT: .damaged(path: path, reason: error.message)
        default: .database(operation: operation, reason: error.message)
        }
    }
}
