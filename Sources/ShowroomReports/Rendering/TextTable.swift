/// Columns aligned for a terminal: text to the left, figures to the right, two spaces between.
struct TextTable {
    enum Alignment { case left, right }

    struct Column {
        var header: String
        var alignment: Alignment
        /// Longer cells are cut with "…" (titles), so one long value cannot push the table off the screen.
        var maxWidth: Int?

        init(_ header: String, _ alignment: Alignment = .left, maxWidth: Int? = nil) {
            self.header = header
            self.alignment = alignment
            self.maxWidth = maxWidth
        }
    }

    var columns: [Column]
    var rows: [[String]] = []

    init(_ columns: [Column]) {
        self.columns = columns
    }

    mutating func add(_ cells: [String]) {
        rows.append(cells)
    }

    /// The table as lines, indented by `indent` spaces, without trailing spaces.
    func render(indent: Int = 0) -> String {
        let cut = rows.map { row in
            row.enumerated().map { index, cell in
                guard let limit = columns[index].maxWidth, cell.count > limit else { return cell }
                return String(cell.prefix(limit - 1)) + "…"
            }
        }
        let widths = columns.indices.map { index in
            ([columns[index].header] + cut.map { $0[index] }).map(\.count).max() ?? 0
        }
        let pad = String(repeating: " ", count: indent)
        func line(_ cells: [String]) -> String {
            let padded = cells.enumerated().map { index, cell in
                let fill = String(repeating: " ", count: widths[index] - cell.count)
                return columns[index].alignment == .right ? fill + cell : cell + fill
            }
            return pad + padded.joined(separator: "  ").replacingOccurrences(of: #"\s+$"#, with: "", options: .regularExpression)
        }
        return ([line(columns.map(\.header))] + cut.map(line)).joined(separator: "\n")
    }
}
