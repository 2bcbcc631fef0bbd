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

    func renderAligned() -> String {
        var widths = columns.map(\.title.count)
        for row in rows {
            for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.count) }
        }
        func render(_ cells: [String]) -> String {
            cells.enumerated().map { index, cell in
                let padding = String(repeating: " ", count: widths[index] - cell.count)
                return columns[index].rightAligned ? padding + cell : cell + padding
            }.joined(separator: "  ").replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
        }
        var lines = [render(columns.map(\.title)), render(widths.map { String(repeating: "-", count: $0) })]
        lines += rows.map(render)
        return lines.joined(separator: "\n") + "\n"
    }

    func renderCSV() -> String {
        ([columns.map(\.title)] + rows).map { row in
            row.map { cell in
                cell.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) ? "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : cell
            }.joined(separator: ",")
        }.joined(separator: "\n") + "\n"
    }
}
