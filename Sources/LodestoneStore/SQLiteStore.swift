import CSQLite
import Foundation
import LodestoneCore

/// Where Lodestone keeps its normalised data: one SQLite file, schema from `Migrations`. It
/// replaces all data in one transaction (`replaceAll`), builds the in-memory Dataset
/// (`loadDataset`), reads everything back for snapshots (`exportAll`) and describes itself (`info`).
///
/// Opening is careful with files that are not ours: a file is inspected through a read-only
/// connection first, and one that is not a Lodestone store of a known version is refused
/// without changing its journal mode, size or any byte. New stores are built under a temporary
/// name and moved into place in one step (`create(at:with:)`), so no process ever sees a half-made
/// store and concurrent first users wait for one builder.
public final class SQLiteStore {
    public let path: String
    let db: SQLiteDatabase

    /// What the caller will do with the store: `read` opens it so that it cannot write (unless
    /// the schema needs migrating first), `write` for writing.
    public enum Access: Sendable { case read, write }

    /// Opens the store at `path`. Without a file there: with `create`, makes an empty store
    /// (see `create(at:with:)`); otherwise throws `StoreError.noStore`.
    public init(path: String, create: Bool = true, access: Access = .write) throws {
        self.path = path
        if case .missing = try Self.inspect(path) {
            guard create else { throw StoreError.noStore(path: path) }
            try Self.create(at: path) { nil }
        }
        guard case .store(let pending) = try Self.inspect(path) else { throw StoreError.noStore(path: path) }
        if access == .read, !pending {
            // A read-write connection that refuses writes (query_only) removes the `-wal` and
            // `-shm` files it opens when it closes; a read-only one cannot, so it is the fallback
            // for files we may not write; on a read-only filesystem, where even that cannot make
            // its `-shm`, the file is read as it is (immutable: nobody can be writing it there).
            // None of them changes the journal mode.
            func readable(_ db: SQLiteDatabase) -> Bool { (try? db.scalarInt("SELECT count(*) FROM sqlite_master")) != nil }
            if let db = try? SQLiteDatabase(path: path, mode: .readWrite), (try? db.execute("PRAGMA query_only = ON")) != nil, readable(db) {
                self.db = db
            } else if let db = try? SQLiteDatabase(path: path, mode: .readOnly), readable(db) {
                self.db = db
            } else if Self.onReadOnlyFilesystem(path), let db = try? SQLiteDatabase(path: path, mode: .immutable), readable(db) {
                self.db = db
            } else {
                db = try Self.connect(path, mode: .readOnly)
            }
            return
        }
        if pending, access == .read, Self.onReadOnlyFilesystem(path) {
            throw StoreError.cannotOpen(path: path, reason: "it is on a read-only filesystem and was made by an earlier Lodestone: its schema "
                + "must be updated once where it can be written (run any command on a writable copy), or rebuild it with 'lodestone data import'")
        }
        db = try Self.connect(path, mode: .readWrite)
        do {
            try db.execute("PRAGMA foreign_keys = ON")
            if try db.scalarText("PRAGMA journal_mode")?.lowercased() != "wal" { try db.execute("PRAGMA journal_mode = WAL") }
            try db.execute("PRAGMA synchronous = NORMAL")
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

    /// Whether the file's filesystem is mounted read-only.
    static func onReadOnlyFilesystem(_ path: String) -> Bool {
        var info = statvfs()
        return statvfs(path, &info) == 0 && (info.f_flag & UInt(ST_RDONLY)) != 0
    }

    static func connect(_ path: String, mode: SQLiteDatabase.OpenMode) throws -> SQLiteDatabase {
        do { return try SQLiteDatabase(path: path, mode: mode) } catch let error as SQLiteError {
            throw StoreError.cannotOpen(path: path, reason: error.message)
        }
    }
}
