import Foundation

/// Minimal RFC 4180 CSV: fields quoted only when they hold a comma, quote or newline.
enum CSVTable {
    static func line(_ fields: [String]) -> String {
        fields.map { field in
            field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
                ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
        }.joined(separator: ",")
    }

    static func render(header: [String], rows: [[String]]) -> Data {
        var text = line(header) + "\n"
        text.reserveCapacity(rows.count * 40)
        for row in rows {
            text += line(row)
            text += "\n"
        }
        return Data(text.utf8)
    }

    /// Parses CSV bytes into rows of fields. Throws with the 1-based line of an unterminated quote.
    static func parse(_ data: Data, file: String) throws -> [[String]] {
        try parseRecords(data, file: file).map(\.fields)
    }

    /// Like `parse`, with the 1-based line each row starts on (a quoted field may span lines),
    /// for warnings that point at a row.
    static func parseRecords(_ data: Data, file: String) throws -> [(line: Int, fields: [String])] {
        var rows: [(line: Int, fields: [String])] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var inQuotes = false, line = 1, quoteLine = 1, rowLine = 1
        var index = data.startIndex
        let end = data.endIndex
        func finishField() { fields.append(String(decoding: field, as: UTF8.self)); field.removeAll(keepingCapacity: true) }
        while index < end {
            let byte = data[index]
            if inQuotes {
                if byte == UInt8(ascii: "\"") {
                    let next = data.index(after: index)
                    if next < end, data[next] == UInt8(ascii: "\"") { field.append(byte); index = next } else { inQuotes = false }
                } else {
                    if byte == UInt8(ascii: "\n") { line += 1 }
                    field.append(byte)
                }
            } else {
                switch byte {
                case UInt8(ascii: "\""): inQuotes = true; quoteLine = line
                case UInt8(ascii: ","): finishField()
                case UInt8(ascii: "\n"):
                    finishField()
                    rows.append((rowLine, fields))
                    fields.removeAll(keepingCapacity: true)
                    line += 1
                    rowLine = line
                case UInt8(ascii: "\r"): break
                default: field.append(byte)
                }
            }
            index = data.index(after: index)
        }
        if inQuotes { throw StoreError.malformedSnapshot(location: "\(file):\(quoteLine)", reason: "unterminated quoted field") }
        if !field.isEmpty || !fields.isEmpty { finishField(); rows.append((rowLine, fields)) }
        return rows
    }
}
