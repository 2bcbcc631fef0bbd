import Foundation
import LodestoneStore

/// Raw access to a store file for tests that damage it or check it was left alone.
public enum StoreFile {
    /// Runs SQL on the file directly, with foreign keys and CHECK constraints off: the way a
    /// damaged store comes about.
    public static func execute(_ sql: String, at path: String, create: Bool = false) throws {
        let db = try SQLiteDatabase(path: path, mode: create ? .readWriteCreate : .readWrite)
        try db.execute("PRAGMA foreign_keys = OFF; PRAGMA ignore_check_constraints = ON")
        try db.execute(sql)
    }

    /// The file's bytes and those of its `-wal` and `-journal` companions, for before/after checks.
    public static func snapshot(_ path: String) -> [String: Data] {
        var result: [String: Data] = [:]
        for suffix in ["", "-wal", "-journal"] {
            if let data = FileManager.default.contents(atPath: path + suffix) { result[suffix] = data }
        }
        return result
    }

    /// Copies a store (the main file only; call on a store with no open writer).
    public static func copy(_ path: String) throws -> String {
        let target = Fixtures.temporaryDirectory().appendingPathComponent("copy.sqlite").path
        try FileManager.default.copyItem(atPath: path, toPath: target)
        return target
    }

    /// SHA-256 of a file, hex.
    public static func sha256(ofFile path: String) throws -> String { try SHA256.hex(ofFile: path) }
}
