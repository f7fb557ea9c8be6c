import Foundation
import Yams

/// A shared data file (`shared/data/models.yaml`) as the studio's table screen shows it: every list of records
/// a table, one row per record, one column per one-line value (nested mappings such as `keySpecs` as columns
/// `keySpecs.power`), and a list of records inside a record (a model's `trims`) a table of its own. Each cell
/// knows the type its value has in the file and where the value is written, so a change replaces exactly
/// those characters and every comment, every key order and every other line stays as it is.
struct DataTable: Sendable {
    /// What a cell holds, as YAML reads the value in the file; a new value must be of the same kind.
    enum Kind: String, Sendable {
        case integer, number, boolean, date, text
        /// A list of one-line values, `[上海, 上海市]` or one `- item` per line, shown and edited separated by commas.
        case list
    }

    /// One value of the file.
    struct Cell: Sendable {
        /// The column's key (`price`, `keySpecs.power`).
        var key: String
        /// The value as the table shows it.
        var value: String
        var kind: Kind
        /// Where the value starts in the file, 1-based, as YAML reports it.
        var line: Int
        var column: Int
        /// The characters of the value in the file, as offsets into its unicode scalars; nil when the value
        /// cannot be changed in place (a text over several lines, a value inside `[a, b]`), so it is shown only.
        var span: Range<Int>?
        /// Whether the value is written in quotes in the file (kept so when it is changed).
        var quoted: Bool
        /// For a list, the kind every item has (a list of whole numbers stays one); nil otherwise.
        var items: Kind?
        /// For a list written one `- item` per line, the column (0-based) of its dashes; nil otherwise.
        var dashColumn: Int?

        /// The form field's name: the value's place in the file.
        var field: String { "cell.\(line).\(column)" }
    }

    /// One record of a table.
    struct Row: Sendable {
        /// The record's `name`, `id` or `title`, else its number.
        var label: String
        var cells: [String: Cell]
        /// Where the record's `- ` is, when it is an item of a block list (one item per `- `), which rows can be
        /// added to and removed from: its 1-based line and the 0-based column of the dash.
        var item: (line: Int, dash: Int)?
    }

    /// A list of records.
    struct Table: Sendable {
        /// Where the list is: `models`, `models › Meridian Vega › trims`.
        var title: String
        var columns: [String]
        var rows: [Row]
    }

    /// The tables of the file, in the file's order.
    var tables: [Table]

    /// Every cell of every table.
    var cells: [Cell] { tables.flatMap { $0.rows.flatMap { $0.cells.values } } }

    /// Why the file cannot be shown as tables.
    struct Unreadable: Error, Sendable, CustomStringConvertible {
        var description: String
    }

    /// The tables of `text`, the file at `file` (for messages).
    static func read(_ text: String, file: String) throws(Unreadable) -> DataTable {
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch {
            throw Unreadable(description: "\(file) is not valid YAML (\(error)); fix it in a text editor or ask a developer")
        }
        let scalars = Array(text.unicodeScalars)
        let lineStarts = [0] + scalars.indices.filter { scalars[$0] == "\n" }.map { $0 + 1 }
        var reader = Reader(scalars: scalars, lineStarts: lineStarts)
        let name = ((file as NSString).lastPathComponent as NSString).deletingPathExtension
        switch node {
        case .sequence(let sequence)?: reader.table(sequence, title: name)
        case .mapping(let mapping)?: reader.table([.mapping(mapping)], title: name)
        default: break
        }
        return DataTable(tables: reader.tables)
    }

    /// Walks the file's nodes and collects the tables.
    private struct Reader {
        let scalars: [Unicode.Scalar]
        let lineStarts: [Int]
        var tables: [Table] = []

        mutating func table(_ records: some Sequence<Node>, title: String) {
            var columns: [String] = []
            var rows: [Row] = []
            var nested: [(Node.Sequence, String)] = []
            for (number, record) in records.enumerated() {
                guard case .mapping(let mapping) = record else { continue }
                var cells: [String: Cell] = [:]
                collect(mapping, prefix: "", into: &cells, columns: &columns)
                let label = ["name", "title", "id"].lazy.compactMap { cells[$0]?.value }.first ?? "#\(number + 1)"
                for (key, value) in mapping {
                    if case .sequence(let list) = value, list.contains(where: { if case .mapping = $0 { true } else { false } }) {
                        nested.append((list, "\(title) › \(label) › \(key.string ?? "")"))
                    }
                }
                rows.append(Row(label: label, cells: cells, item: item(of: mapping)))
            }
            guard !rows.isEmpty else { return }
            tables.append(Table(title: title, columns: columns, rows: rows))
            for (list, title) in nested { table(list, title: title) }
        }

        /// The line and the dash's column of a record written as `- key: value` (the dash alone before it on its line).
        private func item(of mapping: Node.Mapping) -> (line: Int, dash: Int)? {
            guard let mark = mapping.mark, mark.line >= 1, mark.line <= lineStarts.count, mark.column >= 3 else { return nil }
            let start = lineStarts[mark.line - 1]
            let dash = mark.column - 3
            guard start + dash + 1 < scalars.count, scalars[start + dash] == "-", scalars[start + dash + 1] == " ",
                  scalars[start..<(start + dash)].allSatisfy({ $0 == " " }) else { return nil }
            return (mark.line, dash)
        }

        private func collect(_ mapping: Node.Mapping, prefix: String, into cells: inout [String: Cell], columns: inout [String]) {
            for (key, value) in mapping {
                let name = prefix + (key.string ?? "")
                switch value {
                case .scalar(let scalar):
                    if !columns.contains(name) { columns.append(name) }
                    cells[name] = cell(scalar, node: value, key: name)
                case .mapping(let inner):
                    collect(inner, prefix: name + ".", into: &cells, columns: &columns)
                case .sequence(let list):
                    guard let cell = listCell(list, key: name) else { continue }
                    if !columns.contains(name) { columns.append(name) }
                    cells[name] = cell
                case .alias:
                    continue
                }
            }
        }

        /// A list of one-line values, written `[a, b]` on one line or one `- item` per line with nothing else on those
        /// lines, as one cell; nil for any other list (records, a comment among the items, an item with a comma or `]`
        /// in it, which the commas of the cell could not keep apart), which the table leaves out.
        private func listCell(_ list: Node.Sequence, key: String) -> Cell? {
            // The list's style is not read (Yams's composer takes it from the list's end); its first character is.
            guard let mark = list.mark, mark.line >= 1, mark.line <= lineStarts.count else { return nil }
            var kinds: Set<Kind> = []
            var values: [String] = []
            for item in list {
                guard case .scalar(let scalar) = item, [.plain, .singleQuoted, .doubleQuoted].contains(scalar.style),
                      !scalar.string.contains(where: { ",]\n".contains($0) }) else { return nil }
                kinds.insert(cell(scalar, node: item, key: key).kind)
                values.append(scalar.string)
            }
            let start = lineStarts[mark.line - 1] + mark.column - 1
            let kind = kinds.count == 1 ? kinds.first : .text
            guard start < scalars.count else { return nil }
            if scalars[start] == "-" {
                guard let end = blockListEnd(list, dashColumn: mark.column - 1, firstLine: mark.line) else { return nil }
                return Cell(key: key, value: values.joined(separator: ", "), kind: .list, line: mark.line, column: mark.column,
                            span: start..<end, quoted: false, items: kind, dashColumn: mark.column - 1)
            }
            guard scalars[start] == "[",
                  let end = scalars[start...].firstIndex(where: { $0 == "]" || $0 == "\n" }), scalars[end] == "]" else { return nil }
            return Cell(key: key, value: values.joined(separator: ", "), kind: .list, line: mark.line, column: mark.column,
                        span: start..<(end + 1), quoted: false, items: kind, dashColumn: nil)
        }

        /// Where the last item of a list written one `- item` per line ends, when every item is on the line after the
        /// one before, right after `- ` at `dashColumn`, with nothing but spaces after it.
        private func blockListEnd(_ list: Node.Sequence, dashColumn: Int, firstLine: Int) -> Int? {
            var end = 0
            for (number, item) in list.enumerated() {
                guard case .scalar(let scalar) = item, let mark = scalar.mark, mark.line == firstLine + number, mark.column == dashColumn + 3,
                      let span = span(of: scalar, line: mark.line, column: mark.column) else { return nil }
                let lineStart = lineStarts[mark.line - 1]
                guard scalars[lineStart..<(lineStart + dashColumn)].allSatisfy({ $0 == " " }), scalars[lineStart + dashColumn] == "-" else { return nil }
                var after = span.upperBound
                while after < scalars.count, scalars[after] == " " { after += 1 }
                guard after == scalars.count || scalars[after] == "\n" else { return nil }
                end = span.upperBound
            }
            return end
        }

        private func cell(_ scalar: Node.Scalar, node: Node, key: String) -> Cell {
            let line = scalar.mark?.line ?? 0
            let column = scalar.mark?.column ?? 0
            let quoted = scalar.style == .doubleQuoted || scalar.style == .singleQuoted
            let kind: Kind
            if quoted || scalar.style != .plain {
                kind = .text
            } else if node.int != nil {
                kind = .integer
            } else if node.float != nil {
                kind = .number
            } else if node.bool != nil {
                kind = .boolean
            } else if node.timestamp != nil {
                kind = .date
            } else {
                kind = .text
            }
            return Cell(key: key, value: scalar.string, kind: kind, line: line, column: column,
                        span: span(of: scalar, line: line, column: column), quoted: quoted, items: nil, dashColumn: nil)
        }

        /// The characters of a one-line value in the file, checked: the text there must read back as the value.
        private func span(of scalar: Node.Scalar, line: Int, column: Int) -> Range<Int>? {
            guard line >= 1, line <= lineStarts.count, column >= 1 else { return nil }
            let start = lineStarts[line - 1] + column - 1
            var end = start
            while end < scalars.count, scalars[end] != "\n" { end += 1 }
            guard start < end else { return nil }
            let rest = String(String.UnicodeScalarView(scalars[start..<end]))
            let written: String
            switch scalar.style {
            case .plain:
                var text = rest
                if let comment = text.range(of: " #") { text = String(text[..<comment.lowerBound]) }
                written = text.trimmingCharacters(in: .whitespaces)
                guard written == scalar.string else { return nil }
            case .doubleQuoted, .singleQuoted:
                guard let closing = Self.closingQuote(rest) else { return nil }
                written = String(rest.unicodeScalars.prefix(closing + 1))
                guard YAMLScalar.decode(written) == scalar.string else { return nil }
            default:
                return nil
            }
            return start..<(start + written.unicodeScalars.count)
        }

        /// The offset of the quote that closes the quoted value at the start of `text`.
        private static func closingQuote(_ text: String) -> Int? {
            let characters = Array(text.unicodeScalars)
            guard let quote = characters.first else { return nil }
            var index = 1
            while index < characters.count {
                if quote == "\"", characters[index] == "\\" {
                    index += 2
                    continue
                }
                if characters[index] == quote {
                    if quote == "'", index + 1 < characters.count, characters[index + 1] == "'" {
                        index += 2
                        continue
                    }
                    return index
                }
                index += 1
            }
            return nil
        }
    }
}
