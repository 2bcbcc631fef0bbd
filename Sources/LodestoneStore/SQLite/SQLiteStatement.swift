import CSQLite

/// SQLITE_TRANSIENT tells SQLite to copy bound text before the call returns.
private let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

/// A prepared statement. Reads are by column index; `nil` stands for SQL NULL.
package final class SQLiteStatement {
    private let statement: OpaquePointer
    private let database: SQLiteDatabase
    let sql: String

    init(statement: OpaquePointer, database: SQLiteDatabase, sql: String) {
        self.statement = statement
        self.database = database
        self.sql = sql
    }

    deinit { sqlite3_finalize(statement) }

    package func bind(_ values: [SQLiteValue]) throws {
        sqlite3_reset(statement)
        sqlite3_clear_bindings(statement)
        for (offset, value) in values.enumerated() {
            let index = Int32(offset + 1)
            let rc: Int32 = switch value {
            case .null: sqlite3_bind_null(statement, index)
            case .int(let v): sqlite3_bind_int64(statement, index, sqlite3_int64(v))
            case .double(let v): sqlite3_bind_double(statement, index, v)
            case .text(let v): sqlite3_bind_text(statement, index, v, -1, transient)
            }
            guard rc == SQLITE_OK else { throw error(rc) }
        }
    }

    /// Binds, steps once and resets: for INSERT/UPDATE/DELETE.
    package func run(_ values: [SQLiteValue] = []) throws {
        try bind(values)
        let rc = sqlite3_step(statement)
        guard rc == SQLITE_DONE || rc == SQLITE_ROW else { throw error(rc) }
        sqlite3_reset(statement)
    }

    /// Advances to the next row; false when there are no more rows.
    package func step() throws -> Bool {
        let rc = sqlite3_step(statement)
        switch rc {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default: throw error(rc)
        }
    }

    package var columnCount: Int { Int(sqlite3_column_count(statement)) }

    package func columnName(_ index: Int) -> String {
        String(cString: sqlite3_column_name(statement, Int32(index)))
    }

    package func isNull(_ index: Int) -> Bool {
        sqlite3_column_type(statement, Int32(index)) == SQLITE_NULL
    }

    package func int(_ index: Int) -> Int {
        Int(sqlite3_column_int64(statement, Int32(index)))
    }

    package func double(_ index: Int) -> Double {
        sqlite3_column_double(statement, Int32(index))
    }

    package func text(_ index: Int) -> String? {
        guard let pointer = sqlite3_column_text(statement, Int32(index)) else { return nil }
        return String(cString: pointer)
    }

    /// The column if it holds an integer, else nil (a value of another type, or NULL).
    package func strictInt(_ index: Int) -> Int? {
        sqlite3_column_type(statement, Int32(index)) == SQLITE_INTEGER ? int(index) : nil
    }

    /// The column if it holds a number (integer or real), else nil.
    package func strictDouble(_ index: Int) -> Double? {
        switch sqlite3_column_type(statement, Int32(index)) {
        case SQLITE_INTEGER, SQLITE_FLOAT: double(index)
        default: nil
        }
    }

    /// The column if it holds text, else nil.
    package func strictText(_ index: Int) -> String? {
        sqlite3_column_type(statement, Int32(index)) == SQLITE_TEXT ? text(index) : nil
    }

    /// The value as stored, keeping SQLite's dynamic type: sources store numbers as text or real.
    package func value(_ index: Int) -> SQLiteValue {
        switch sqlite3_column_type(statement, Int32(index)) {
        case SQLITE_NULL: .null
        case SQLITE_INTEGER: .int(int(index))
        case SQLITE_FLOAT: .double(double(index))
        default: .text(text(index) ?? "")
        }
    }

    private func error(_ rc: Int32) -> SQLiteError {
        SQLiteError(code: rc, message: database.lastErrorMessage, sql: sql)
    }
}
