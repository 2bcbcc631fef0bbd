import Foundation

/// Rows of already formatted cells, rendered as an aligned table or as CSV.
struct TextTable {
    struct Column {
        var title: String
        var rightAligned: Bool
    }

    var columns: [Column]
    var rows: [[String]] = []

    init(_ columns: [(String, Bool)]) {
        self.columns = columns.map { Column(title: $0.0, rightAligned: $0.1) }
    }

    mutating func add(_ row: [String]) {
        precondition(row.count == columns.count, "row width \(row.count) ≠ \(columns.count)")
        rows.append(row)
    }

    /// Aligned columns, two spaces apart, trailing blanks trimmed. Linear in the total length
    /// of the cells: each cell's width is counted once and lines are built by appending.
    func renderAligned() -> String {
        var widths = columns.map(\.title.count)
        let counted = rows.map { row in row.map(\.count) }
        for row in counted {
            for (index, width) in row.enumerated() { widths[index] = max(widths[index], width) }
        }
        var output = ""
        func render(_ cells: [String], _ counts: [Int]) {
            var line = ""
            for (index, cell) in cells.enumerated() {
                if index > 0 { line += "  " }
                let padding = String(repeating: " ", count: widths[index] - counts[index])
                if columns[index].rightAligned { line += padding; line += cell } else { line += cell; line += padding }
            }
            while let last = line.unicodeScalars.last, last.properties.isWhitespace { line.unicodeScalars.removeLast() }
            output += line
            output += "\n"
        }
        render(columns.map(\.title), columns.map(\.title.count))
        render(widths.map { String(repeating: "-", count: $0) }, widths)
        for (row, counts) in zip(rows, counted) { render(row, counts) }
        return output
    }

    func renderCSV() -> String {
        ([columns.map(\.title)] + rows).map { row in
            row.map { cell in
                cell.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) ? "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : cell
            }.joined(separator: ",")
        }.joined(separator: "\n") + "\n"
    }
}
