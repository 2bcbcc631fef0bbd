import CSQLite
import Foundation
import LodestoneCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension SQLiteStore {
    /// What is at a store path.
    enum Inspection {
        case missing
        /// A Lodestone store of a known version; `pendingMigrations` when it is an older one.
        case store(pendingMigrations: Bool)
    }

    /// Looks at `path` without changing it: the SQLite header is read as bytes, then the schema
    /// through a read-only connection. Throws `notAStore` or `newerSchema` for what we must not touch.
    static func inspect(_ path: String) throws -> Inspection {
        var info = stat()
        guard stat(path, &info) == 0 else {
            if errno == ENOENT { return .missing }
            throw StoreError.cannotOpen(path: path, reason: String(cString: strerror(errno)))
        }
        guard info.st_mode & S_IFMT == S_IFREG else { throw StoreError.notAStore(path: path, reason: "not a regular file") }
        guard info.st_size > 0 else { throw StoreError.notAStore(path: path, reason: "an empty file") }
        guard let handle = FileHandle(forReadingAtPath: path) else { throw StoreError.cannotOpen(path: path, reason: "cannot read it") }
        let header = (try? handle.read(upToCount: 100)) ?? Data()
        try? handle.close()
        guard header.count == 100, header.starts(with: Array("SQLite format 3\0".utf8)) else {
            throw StoreError.notAStore(path: path, reason: "not an SQLite database")
        }
        // With no companion file, nobody is writing and the file holds everything: read it
        // immutably, creating nothing beside it. Otherwise (a live or interrupted writer) a
        // plain read-only connection is needed to see committed data.
        let companions = ["-wal", "-journal"].contains { FileManager.default.fileExists(atPath: path + $0) }
        do {
            return try inspectSchema(path, mode: companions ? .readOnly : .immutable)
        } catch let error as StoreError {
            // A checkpoint by a writer that started meanwhile can disturb an immutable read.
            guard !companions, case .notAStore(_, let reason) = error, reason.hasPrefix("unreadable") else { throw error }
            return try inspectSchema(path, mode: .readOnly)
        }
    }

    private static func inspectSchema(_ path: String, mode: SQLiteDatabase.OpenMode) throws -> Inspection {
        let db = try connect(path, mode: mode)
        do {
            guard try db.tableExists("lodestone_migration") else {
                let tables = try db.scalarInt("SELECT count(*) FROM sqlite_master WHERE type = 'table'") ?? 0
                throw StoreError.notAStore(path: path, reason: tables == 0 ? "an SQLite database with no tables" : "an SQLite database of another program")
            }
            let applied = try db.prepare("SELECT name FROM lodestone_migration")
            var done: Set<String> = []
            while try applied.step() { done.insert(applied.text(0) ?? "") }
            let known = Set(Migrations.all.map(\.name))
            if let unknown = done.subtracting(known).sorted().first { throw StoreError.newerSchema(path: path, migration: unknown) }
            return .store(pendingMigrations: !known.isSubset(of: done))
        } catch let error as SQLiteError {
            if [SQLITE_BUSY, SQLITE_LOCKED].contains(error.code & 0xFF) { throw StoreError.cannotOpen(path: path, reason: error.message) }
            throw StoreError.notAStore(path: path, reason: "unreadable as SQLite (\(error.message))")
        }
    }

    /// Whether there is a Lodestone store at `path` (false: nothing there). Throws, without
    /// touching it, for a file that is not a Lodestone store of a known version.
    public static func exists(at path: String) throws -> Bool {
        if case .missing = try inspect(path) { return false }
        return true
    }

    /// Creates the store at `path` if there is none, holding `initialData()` (nil: empty). The
    /// store is built under a temporary name in the same folder and linked into place in one
    /// step, while an exclusive lock on the folder is held: concurrent callers wait for the one
    /// builder and then find its store. Returns false when a store was already there (then
    /// `initialData` is not called). Nothing is left behind if building fails or is interrupted
    /// by an error; what a killed builder leaves (a hidden `.name.partial-…` file) the next one removes.
    @discardableResult
    public static func create(at path: String, progress: CancellationFlag? = nil, with initialData: () throws -> NormalisedData?) throws -> Bool {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw StoreError.cannotOpen(path: path, reason: "cannot create the folder \(folder)")
        }
        let lock = try FolderLock(folder)
        defer { lock.release() }
        // Builders hold the lock while they build, so a partial file seen now is a killed builder's.
        let prefix = ".\(url.lastPathComponent).partial-"
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] where name.hasPrefix(prefix) {
            unlink((folder as NSString).appendingPathComponent(name))
        }
        if case .store = try inspect(path) { return false }
        let temporary = (folder as NSString).appendingPathComponent(".\(url.lastPathComponent).partial-\(UUID().uuidString)")
        defer { for suffix in ["", "-wal", "-shm", "-journal"] { unlink(temporary + suffix) } }
        try build(at: temporary, with: try initialData(), progress: progress)
        guard link(temporary, path) == 0 else {
            if errno == EEXIST { return false }
            throw StoreError.io(path: path, reason: "cannot move the new store into place (\(String(cString: strerror(errno))))")
        }
        return true
    }

    /// Builds a complete store in a file nobody else knows about, ending in WAL mode with no
    /// `-wal` file (everything checkpointed into the main file).
    private static func build(at path: String, with data: NormalisedData?, progress: CancellationFlag?) throws {
        do {
            let db = try SQLiteDatabase(path: path, mode: .readWriteCreate)
            try db.execute("PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL")
            try Migrations.apply(to: db)
            if let data { _ = try StoreWriter(db: db, path: path, progress: progress).fillIfEmpty(with: data) }
            try db.execute("PRAGMA journal_mode = WAL")
            try db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        } catch let error as SQLiteError {
            throw storeError(error, path: path, operation: "creation")
        }
        guard !FileManager.default.fileExists(atPath: path + "-wal") else {
            throw StoreError.io(path: path, reason: "the new store's write-ahead log was not checkpointed")
        }
    }
}

/// An exclusive `flock` on a folder, held by the process that builds a store in it.
private struct FolderLock {
    let descriptor: Int32

    init(_ folder: String) throws {
        descriptor = open(folder, O_RDONLY)
        guard descriptor >= 0 else { throw StoreError.cannotOpen(path: folder, reason: "cannot open the folder to lock it") }
        var result: Int32
        repeat { result = flock(descriptor, LOCK_EX) } while result != 0 && errno == EINTR
        guard result == 0 else {
            close(descriptor)
            throw StoreError.cannotOpen(path: folder, reason: "cannot lock the folder (\(String(cString: strerror(errno))))")
        }
    }

    func release() {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
