import Foundation

extension DataTable {
    /// A value the table refused, at its cell, with what to write instead.
    struct CellProblem: Sendable {
        /// The cell's form field (`cell.12.12`).
        var field: String
        /// `file:line:column`.
        var place: String
        var message: String
        var fix: String
    }

    /// What an edit of the table gives: the file's new text, the cells whose values changed, and the values
    /// refused (when there is any, the text is the file as it was).
    struct Edit: Sendable {
        var text: String
        var changed: [Cell]
        var problems: [CellProblem]
    }

    /// `text` (the file at `file`) with the values of `fields` (`cell.<line>.<column>` → the new value) written in
    /// place of the old ones: only the characters of each changed value are replaced, so comments, key order and
    /// every other line stay as written. A value of another kind than the file has there (a price written as
    /// text) is refused at its cell.
    static func edit(_ text: String, file: String, fields: [String: String]) throws(Unreadable) -> Edit {
        let table = try read(text, file: file)
        var scalars = Array(text.unicodeScalars)
        var changed: [Cell] = []
        var problems: [CellProblem] = []
        var replacements: [(Range<Int>, String)] = []
        for cell in table.cells.sorted(by: { ($0.line, $0.column) < ($1.line, $1.column) }) {
            guard let wanted = fields[cell.field].map({ shown($0, as: cell) }), wanted != cell.value else { continue }
            let place = "\(file):\(cell.line):\(cell.column)"
            guard let span = cell.span else {
                problems.append(CellProblem(field: cell.field, place: place, message: "`\(cell.key)` cannot be changed in the table",
                                            fix: "ask a developer to change it in \(file) at line \(cell.line)"))
                continue
            }
            switch written(wanted, as: cell) {
            case .success(let yaml):
                replacements.append((span, yaml))
                var now = cell
                now.value = wanted
                changed.append(now)
            case .failure(let problem):
                problems.append(CellProblem(field: cell.field, place: place, message: problem.message, fix: problem.fix))
            }
        }
        guard problems.isEmpty else { return Edit(text: text, changed: [], problems: problems) }
        for (span, yaml) in replacements.sorted(by: { $0.0.lowerBound > $1.0.lowerBound }) {
            scalars.replaceSubrange(span, with: yaml.unicodeScalars)
        }
        let result = String(String.UnicodeScalarView(scalars))
        // The new text must read back with every changed value where it was, of the same kind.
        let reread = try read(result, file: file)
        for cell in changed {
            let again = reread.cells.first { $0.line == cell.line && $0.column == cell.column }
            guard let again, again.value == cell.value, again.kind == cell.kind else {
                throw Unreadable(description: "\(file):\(cell.line):\(cell.column): the studio could not write `\(cell.key)` safely, "
                                 + "so nothing was saved; ask a developer to change it in the file")
            }
        }
        return Edit(text: result, changed: changed, problems: [])
    }

    private struct Refusal: Error {
        var message: String
        var fix: String
    }

    /// A value as the table shows it: trimmed, and a list's items separated by one comma and a space.
    private static func shown(_ value: String, as cell: Cell) -> String {
        cell.kind == .list ? PageDocument.listItems(value).joined(separator: ", ") : value.trimmingCharacters(in: .whitespaces)
    }

    /// `value` as the YAML to write in the file for a cell of `cell`'s kind, or why it does not fit there.
    private static func written(_ value: String, as cell: Cell) -> Result<String, Refusal> {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        let found = "found `\(value)`"
        switch cell.kind {
        case .list:
            var items: [String] = []
            for item in PageDocument.listItems(value) {
                var one = cell
                one.kind = cell.items ?? .text
                one.quoted = false
                switch written(item, as: one) {
                case .success(let yaml): items.append(yaml.contains(where: { ",[]{}".contains($0) }) ? YAMLScalar.quoted(item) : yaml)
                case .failure(let refusal): return .failure(Refusal(message: "every item of " + refusal.message, fix: refusal.fix))
                }
            }
            guard let dash = cell.dashColumn else { return .success("[" + items.joined(separator: ", ") + "]") }
            guard !items.isEmpty else {
                return .failure(Refusal(message: "`\(cell.key)` is written one item per line, and the table keeps at least one item there",
                                        fix: "leave one item, or ask a developer to empty the list in the file"))
            }
            return .success("- " + items.joined(separator: "\n" + String(repeating: " ", count: dash) + "- "))
        case .integer:
            guard trimmed.wholeMatch(of: /-?[0-9]+/) != nil else {
                let digits = trimmed.filter(\.isASCII).filter(\.isNumber)
                return .failure(Refusal(message: "`\(cell.key)` must be a whole number, \(found)",
                                        fix: "write the digits only, without thousands separators, spaces or a currency sign"
                                            + (digits.isEmpty ? "" : ", e.g. \(digits)")))
            }
            return .success(trimmed)
        case .number:
            guard trimmed.wholeMatch(of: /-?[0-9]+(\.[0-9]+)?/) != nil else {
                return .failure(Refusal(message: "`\(cell.key)` must be a number, \(found)",
                                        fix: "write digits with a point for decimals (1.5), without thousands separators or units"))
            }
            return .success(trimmed)
        case .boolean:
            guard ["true", "false"].contains(trimmed.lowercased()) else {
                return .failure(Refusal(message: "`\(cell.key)` must be true or false, \(found)", fix: "write true or false"))
            }
            return .success(trimmed.lowercased())
        case .date:
            guard trimmed.wholeMatch(of: /[0-9]{4}-[0-9]{2}-[0-9]{2}/) != nil else {
                return .failure(Refusal(message: "`\(cell.key)` must be a date, \(found)", fix: "write the date as year-month-day, e.g. 2026-06-30"))
            }
            return .success(trimmed)
        case .text:
            guard !value.contains("\n") else {
                return .failure(Refusal(message: "`\(cell.key)` is one line of text, \(found)", fix: "write it on one line"))
            }
            return .success(cell.quoted ? YAMLScalar.quoted(trimmed) : YAMLScalar.encode(trimmed, asText: true))
        }
    }
}
