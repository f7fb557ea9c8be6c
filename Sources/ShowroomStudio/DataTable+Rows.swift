import Foundation

extension DataTable {
    /// A row added to or removed from a table of the file.
    enum RowChange: Sendable, Equatable {
        /// A copy of the table's last row after it: the same keys with the same kinds of value, its `id` and `name`
        /// marked as new, for the user to change.
        case add(table: Int)
        /// The row's lines taken out of the file.
        case remove(table: Int, row: Int)
    }

    /// `text` (the file at `file`) with `change` made to its lines: a row is the lines of its `- ` item, up to the next
    /// line written at or left of its dash (the next item, a comment before it, or the next key), so every other
    /// line stays as written. Refused for a table whose records are not a block list, for a row that does not
    /// exist and for the only row of a table.
    static func change(_ text: String, file: String, _ change: RowChange) throws(Unreadable) -> String {
        let table = try read(text, file: file)
        var lines = text.components(separatedBy: "\n")
        let number: Int
        switch change {
        case .add(let index), .remove(let index, _): number = index
        }
        guard table.tables.indices.contains(number) else { throw Unreadable(description: "\(file) has no such table; reload the page") }
        let rows = table.tables[number].rows
        switch change {
        case .remove(_, let row):
            guard rows.indices.contains(row), let item = rows[row].item else {
                throw Unreadable(description: "\(file): this row cannot be removed in the table; ask a developer to remove it in the file")
            }
            guard rows.count > 1 else {
                throw Unreadable(description: "\(file): `\(rows[row].label)` is the only row of \(table.tables[number].title), and a table keeps one; "
                                 + "add its replacement first, then remove it")
            }
            var span = Self.lines(of: item, in: lines, withBlankLinesAfter: true)
            // The file's last line break stays: the empty text after it is not part of the row.
            if span.upperBound == lines.count, lines.last == "", span.count > 1 { span = span.lowerBound..<(span.upperBound - 1) }
            lines.removeSubrange(span)
            return lines.joined(separator: "\n")
        case .add:
            guard let last = rows.last, let item = last.item else {
                throw Unreadable(description: "\(file): rows cannot be added to this table; ask a developer to add one in the file")
            }
            let span = Self.lines(of: item, in: lines, withBlankLinesAfter: false)
            lines.insert(contentsOf: lines[span], at: span.upperBound)
            let copied = lines.joined(separator: "\n")
            let reread = try read(copied, file: file)
            guard let new = reread.tables[number].rows.last else { return copied }
            var marked: [String: String] = [:]
            if let id = new.cells["id"], id.kind == .text { marked[id.field] = id.value + "-new" }
            if let name = new.cells["name"], name.kind == .text { marked[name.field] = name.value + " (new)" }
            return try edit(copied, file: file, fields: marked).text
        }
    }

    /// The lines (0-based) of the item whose dash is at `item`: its own line, the lines written right of its dash, and
    /// with `withBlankLinesAfter` the blank lines after them.
    private static func lines(of item: (line: Int, dash: Int), in lines: [String], withBlankLinesAfter: Bool) -> Range<Int> {
        let start = item.line - 1
        var end = start + 1
        var content = end
        while end < lines.count {
            let line = lines[end]
            let indent = line.prefix { $0 == " " }.count
            if line.trimmingCharacters(in: .whitespaces).isEmpty {
                end += 1
                continue
            }
            guard indent > item.dash else { break }
            end += 1
            content = end
        }
        return start..<(withBlankLinesAfter ? end : content)
    }
}
