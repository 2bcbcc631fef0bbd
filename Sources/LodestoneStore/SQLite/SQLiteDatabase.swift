import CSQLite
import Foundation

/// A single SQLite connection. Owns the handle; not shared across threads.
///
/// A deliberately thin layer over the C API: prepared statements, typed binds and reads,
/// and transactions that roll back on any thrown error. Driver messages never reach users
/// directly: callers wrap them in `StoreError` with a sentence about what to do.
package final class SQLiteDatabase {
    let handle: OpaquePointer
    package let path: String

    /// `immutable` reads the file as it is, taking no locks and creating no `-wal` or `-shm`
    /// file: for looking at a file that may not be ours, and only when no other process writes it.
    package enum OpenMode: Sendable { case readOnly, immutable, readWrite, readWriteCreate }

    package init(path: String, mode: OpenMode = .readWriteCreate) throws {
        var db: OpaquePointer?
        let flags: Int32 = switch mode {
        case .readOnly: SQLITE_OPEN_READONLY
        case .immutable: SQLITE_OPEN_READONLY | SQLITE_OPEN_URI
        case .readWrite: SQLITE_OPEN_READWRITE
        case .readWriteCreate: SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE
        }
        let name = mode == .immutable ? Self.uri(path) + "?immutable=1" : path
        let rc = sqlite3_open_v2(name, &db, flags | SQLITE_OPEN_NOMUTEX, nil)
        guard rc == SQLITE_OK, let db else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            sqlite3_close_v2(db)
            throw SQLiteError(code: rc, message: message, sql: nil)
        }
        self.handle = db
        self.path = path
        sqlite3_busy_timeout(db, 5_000)
        sqlite3_extended_result_codes(db, 1)
    }

    /// A read-only database held in memory: `image` is the bytes of a database file (a wheel's
    /// member), so reading it needs no scratch file. `name` is for messages.
    package init(image: Data, name: String) throws {
        var db: OpaquePointer?
        let rc = sqlite3_open_v2(":memory:", &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nil)
        guard rc == SQLITE_OK, let db else {
            sqlite3_close_v2(db)
            throw SQLiteError(code: rc, message: "cannot open an in-memory database", sql: nil)
        }
        let size = image.count
        guard let buffer = sqlite3_malloc64(sqlite3_uint64(max(size, 1))) else {
            sqlite3_close_v2(db)
            throw SQLiteError(code: SQLITE_NOMEM, message: "out of memory for \(size) bytes", sql: nil)
        }
        image.withUnsafeBytes { raw in
            if let base = raw.baseAddress { buffer.copyMemory(from: base, byteCount: size) }
        }
        // FREEONCLOSE hands the buffer to SQLite, also when deserializing fails.
        let flags = UInt32(SQLITE_DESERIALIZE_READONLY | SQLITE_DESERIALIZE_FREEONCLOSE)
        let status = sqlite3_deserialize(db, "main", buffer.assumingMemoryBound(to: UInt8.self), sqlite3_int64(size), sqlite3_int64(size), flags)
        guard status == SQLITE_OK else {
            let message = String(cString: sqlite3_errmsg(db))
            sqlite3_close_v2(db)
            throw SQLiteError(code: status, message: message, sql: nil)
        }
        self.handle = db
        self.path = name
        sqlite3_extended_result_codes(db, 1)
    }

    deinit { sqlite3_close_v2(handle) }

    /// The database's bytes, as a file of it would hold them.
    package func serialize() -> Data? {
        var size: sqlite3_int64 = 0
        guard let bytes = sqlite3_serialize(handle, "main", &size, 0) else { return nil }
        defer { sqlite3_free(bytes) }
        return Data(bytes: bytes, count: Int(size))
    }

    /// A `file:` URI for a path: characters with a meaning in URIs percent-encoded.
    static func uri(_ path: String) -> String {
        var result = "file:"
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "%"), UInt8(ascii: "?"), UInt8(ascii: "#"), 0..<0x20, 0x7F...: result += String(format: "%%%02X", byte)
            default: result.unicodeScalars.append(Unicode.Scalar(byte))
            }
        }
        return result
    }

    /// Runs one or more statements that return no rows.
    package func execute(_ sql: String) throws {
        var errorMessage: UnsafeMutablePointer<CChar>?
        let rc = sqlite3_exec(handle, sql, nil, nil, &errorMessage)
        if rc != SQLITE_OK {
            let message = errorMessage.map { String(cString: $0) } ?? lastErrorMessage
            sqlite3_free(errorMessage)
            throw SQLiteError(code: rc, message: message, sql: sql)
        }
    }

    package func prepare(_ sql: String) throws -> SQLiteStatement {
        var statement: OpaquePointer?
        let rc = sqlite3_prepare_v2(handle, sql, -1, &statement, nil)
        guard rc == SQLITE_OK, let statement else {
            throw SQLiteError(code: rc, message: lastErrorMessage, sql: sql)
        }
        return SQLiteStatement(statement: statement, database: self, sql: sql)
    }

    /// Runs `body` inside `BEGIN IMMEDIATE … COMMIT`; any error rolls everything back.
    package func transaction<T>(_ body: () throws -> T) throws -> T {
        try inTransaction("BEGIN IMMEDIATE", body)
    }

    /// Runs `body` inside one read transaction (`BEGIN … COMMIT`): every statement in it sees
    /// the same snapshot of the database, whatever other connections commit meanwhile (WAL).
    package func readTransaction<T>(_ body: () throws -> T) throws -> T {
        try inTransaction("BEGIN DEFERRED", body)
    }

    /// `begin`, then `body`, then COMMIT; any error rolls everything back.
    private func inTransaction<T>(_ begin: String, _ body: () throws -> T) throws -> T {
        try execute(begin)
        do {
            let result = try body()
            try execute("COMMIT")
            return result
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
    }

    package func scalarText(_ sql: String) throws -> String? {
        let statement = try prepare(sql)
        return try statement.step() ? statement.text(0) : nil
    }

    /// Returns the first column of the first row, or nil when there is no row.
    package func scalarInt(_ sql: String, _ bindings: [SQLiteValue] = []) throws -> Int? {
        let statement = try prepare(sql)
        try statement.bind(bindings)
        return try statement.step() ? statement.int(0) : nil
    }

    package func tableExists(_ name: String) throws -> Bool {
        try scalarInt("SELECT 1 FROM sqlite_master WHERE type IN ('table','view') AND name = ?", [.text(name)]) != nil
    }

    package func columnNames(ofTable table: String) throws -> [String] {
        let statement = try prepare("SELECT name FROM pragma_table_info(?)")
        try statement.bind([.text(table)])
        var names: [String] = []
        while try statement.step() { names.append(statement.text(0) ?? "") }
        return names
    }

    var lastErrorMessage: String { String(cString: sqlite3_errmsg(handle)) }
}

/// A value to bind to a statement parameter.
package enum SQLiteValue: Sendable, Hashable {
    case null
    case int(Int)
    case double(Double)
    case text(String)
}

package struct SQLiteError: Error, CustomStringConvertible {
    package let code: Int32
    package let message: String
    package let sql: String?

    package var description: String { "SQLite error \(code): \(message)" }
}
