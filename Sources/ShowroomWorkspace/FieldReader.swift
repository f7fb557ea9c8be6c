import Foundation
import ShowroomCore

/// Reads the typed fields of one YAML mapping, collecting a located diagnostic for every field that is
/// missing or of the wrong type, and for keys nobody asked for (usually typos).
package struct FieldReader {
    /// The mapping being read.
    package let node: YAMLNode
    /// What the mapping is, for messages: "site.yaml", "front matter", "asset `x`".
    package let what: String
    /// The syntax fixes are written in: a TOML page is told `date = 2026-03-15`, a JSON one `"date": "2026-03-15"`.
    package let format: FrontMatter.Format
    /// Every problem found so far, in reading order.
    package private(set) var diagnostics: [Diagnostic] = []
    private var readKeys: Set<String> = []

    /// A reader of `node`, named `what` in messages, with fixes written in `format`; a node that is not a mapping
    /// is an error at once.
    package init(_ node: YAMLNode, what: String, format: FrontMatter.Format = .yaml) {
        self.node = node
        self.what = what
        self.format = format
        if !node.isNull && node.pairs == nil {
            diagnostics.append(.error(at: node.location, "\(what) must be a mapping of `key: value` lines, found \(node.kindName)",
                                      hint: "write one `key: value` per line"))
        }
    }

    /// Where the mapping is written.
    package var location: SourceLocation { node.location }

    /// The value of `key` (nil when missing or null), and marks `key` as known so `finish` does not warn about it.
    package mutating func field(_ key: String) -> YAMLNode? {
        readKeys.insert(key)
        guard let value = node[key], !value.isNull else { return nil }
        return value
    }

    /// The text of `key`; nil when missing (an error when `required`, with `example` in the fix) or not text.
    package mutating func string(_ key: String, required: Bool = false, example: String = "some text") -> String? {
        guard let value = field(key) else {
            if required {
                diagnostics.append(.error(at: node.location, "\(what) has no `\(key)`",
                                          hint: "add a line `\(written(key, .text(example)))`"))
            }
            return nil
        }
        guard let text = value.scalarText else {
            diagnostics.append(.error(at: value.location, "`\(key)` must be text, found \(value.kindName)",
                                      hint: "write `\(written(key, .text(example)))`"))
            return nil
        }
        return text
    }

    /// `key` as true or false (`yes`/`no` too); nil when missing, an error when it is anything else.
    package mutating func bool(_ key: String) -> Bool? {
        guard let value = field(key) else { return nil }
        switch value.scalarText {
        case "true", "yes", "True", "Yes": return true
        case "false", "no", "False", "No": return false
        default:
            diagnostics.append(.error(at: value.location, "`\(key)` must be true or false, found \(value.kindName)",
                                      hint: "write `\(written(key, .word("true")))` or `\(written(key, .word("false")))`"))
            return nil
        }
    }

    /// `key` as a whole number; nil when missing, an error when it is not one.
    package mutating func int(_ key: String) -> Int? {
        guard let value = field(key) else { return nil }
        guard let text = value.scalarText, let number = Int(text) else {
            diagnostics.append(.error(at: value.location, "`\(key)` must be a whole number, found \(value.kindName)",
                                      hint: "write `\(written(key, .word("10")))`"))
            return nil
        }
        return number
    }

    /// `key` as a number (`_` allowed between digits); nil when missing, an error when it is not one.
    package mutating func decimal(_ key: String) -> Double? {
        guard let value = field(key) else { return nil }
        guard let text = value.scalarText, let number = Double(text.replacingOccurrences(of: "_", with: "")) else {
            diagnostics.append(.error(at: value.location, "`\(key)` must be a number, found \(value.kindName)",
                                      hint: "write `\(written(key, .word("1200.50")))` (no currency sign, no thousands separators)"))
            return nil
        }
        return number
    }

    /// A date in any form `WrittenDate` reads, as written (not yet placed in a time zone).
    package mutating func writtenDate(_ key: String) -> WrittenDate? {
        guard let value = field(key) else { return nil }
        let problem: WrittenDate.Problem
        if let text = value.scalarText {
            do throws(WrittenDate.Problem) { return try WrittenDate(parsing: text) } catch { problem = error }
        } else {
            problem = WrittenDate.Problem(description: "a date is one value, not a list or a mapping")
        }
        diagnostics.append(.error(at: value.location, "`\(key)` must be a date, found \(value.kindName): \(problem)",
                                  hint: "write `\(written(key, .date("2026-03-15")))`, `\(written(key, .date("2026-03-15T09:30:00+08:00")))` "
                                      + "or `\(written(key, .date("2026-03-15 09:30")))`"))
        return nil
    }

    /// A date in any form `WrittenDate` reads; one without a zone is read in UTC.
    package mutating func date(_ key: String) -> Date? {
        writtenDate(key)?.date(in: WrittenDate.utc)
    }

    /// `key` as a list of texts (one text counts as a list of one); empty when missing, an error for anything else.
    package mutating func strings(_ key: String) -> [String] {
        guard let value = field(key) else { return [] }
        if let text = value.scalarText { return [text] }
        guard let items = value.items else {
            diagnostics.append(.error(at: value.location, "`\(key)` must be a list, found \(value.kindName)",
                                      hint: "write `\(written(key, .list(["first", "second"])))`"))
            return []
        }
        var result: [String] = []
        for item in items {
            if let text = item.scalarText { result.append(text) } else {
                diagnostics.append(.error(at: item.location, "each entry of `\(key)` must be text, found \(item.kindName)"))
            }
        }
        return result
    }

    /// The text of `key` when it is one of `allowed`; an error naming them when it is not.
    package mutating func oneOf(_ key: String, _ allowed: [String], required: Bool = false) -> String? {
        guard let text = string(key, required: required, example: allowed.first ?? "") else { return nil }
        guard allowed.contains(text) else {
            diagnostics.append(.error(at: node[key]?.location ?? node.location,
                                      "`\(key)` must be one of \(allowed.map { "`\($0)`" }.joined(separator: ", ")), found `\(text)`",
                                      hint: "write `\(written(key, .text(allowed[0])))`"))
            return nil
        }
        return text
    }

    /// Adds a problem the caller found itself, so it is reported with the reader's.
    package mutating func report(_ diagnostic: Diagnostic) { diagnostics.append(diagnostic) }

    /// Warns about keys that were never read: nearly always a typo (`tittle:`) that would otherwise be ignored.
    package mutating func finish(allowing extraKeys: Set<String> = []) -> [Diagnostic] {
        for pair in node.pairs ?? [] where !readKeys.contains(pair.key) && !extraKeys.contains(pair.key) {
            let known = readKeys.sorted().joined(separator: ", ")
            diagnostics.append(.warning(at: pair.value.keyLocation ?? pair.value.location, "unknown key `\(pair.key)` in \(what)",
                                        hint: "check the spelling; known keys are: \(known)"))
        }
        return diagnostics
    }

    /// For a mapping whose other keys are data (front matter, whose keys reach templates as `page.<key>`): a key
    /// is a warning only when it is not known itself but one edit away from a known key (`titel`, `descripton`),
    /// which is nearly always a typo. Each such key is reported once, at the key.
    package mutating func finishKeepingData(known: Set<String>) -> [Diagnostic] {
        for pair in node.pairs ?? [] where !known.contains(pair.key) {
            guard let suggestion = KeySpelling.suggestion(for: pair.key, among: known) else { continue }
            diagnostics.append(.warning(at: pair.value.keyLocation ?? pair.value.location,
                                        "unknown key `\(pair.key)` in \(what): did you mean `\(suggestion)`?",
                                        hint: "rename it to `\(suggestion)`; if `\(pair.key)` is meant as data for the templates "
                                            + "(`page.\(pair.key)`), it can stay"))
        }
        return diagnostics
    }

    /// A value in a fix, for `written`.
    package enum Example {
        /// Text: quoted in TOML and JSON.
        case text(String)
        /// A number or `true`/`false`: never quoted.
        case word(String)
        /// A date: quoted in JSON only (TOML has dates of its own).
        case date(String)
        /// A list of text.
        case list([String])
    }

    /// `key: value` the way an author writes it in this reader's format, for fixes.
    package func written(_ key: String, _ example: Example) -> String {
        let quoted = { (text: String) in "\"\(text)\"" }
        let value: String
        switch (example, format) {
        case (.text(let text), .yaml), (.word(let text), _), (.date(let text), .yaml), (.date(let text), .toml): value = text
        case (.text(let text), _), (.date(let text), .json): value = quoted(text)
        case (.list(let items), .yaml): value = "[\(items.joined(separator: ", "))]"
        case (.list(let items), _): value = "[\(items.map(quoted).joined(separator: ", "))]"
        }
        switch format {
        case .yaml: return "\(key): \(value)"
        case .toml: return "\(key) = \(value)"
        case .json: return "\"\(key)\": \(value)"
        }
    }
}
