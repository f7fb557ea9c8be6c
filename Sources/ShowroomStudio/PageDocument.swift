import Foundation
import ShowroomWorkspace

/// A page file as the editor shows it: its YAML front matter split into one entry per top-level key (in the
/// order written, comments kept), and its Markdown body. Scalar values become plain form fields; lists,
/// mappings and block texts stay YAML in a text area of their own, so saving a form changes only the lines of
/// the values the user changed.
struct PageDocument: Sendable, Equatable {
    /// One top-level piece of the front matter.
    struct Entry: Sendable, Equatable {
        /// The key, or nil for comment and blank lines between keys.
        var key: String?
        /// The value as the form shows it (the decoded scalar), for scalar entries; nil for YAML kept as written.
        var value: String?
        /// The lines as written, joined by the file's line break.
        var text: String
        /// The 1-based line in the file where the entry starts, and how many lines it has.
        var line: Int
        var lineCount: Int

        /// The name of the form field that edits this entry: `title`, `field.<key>` for other one-line values,
        /// `yaml.<key>` for values kept as YAML; nil for comments, which the form keeps as they are.
        var fieldName: String? {
            guard let key else { return nil }
            if list != nil { return "list.\(key)" }
            if value == nil { return "yaml.\(key)" }
            return PageDocument.mainKeys.contains(key) ? key : "field.\(key)"
        }

        /// The values of a list the form edits as one field (`tags`, `gallery`), when every item is a one-line value
        /// (`tags: [launch, ev]` or one `- item` per line); nil for other keys and for lists the form keeps as YAML.
        var list: [String]? {
            guard let key, PageDocument.listKeys.contains(key),
                  let items = (try? YAMLNode.parse(text, file: "front matter"))?[key]?.items else { return nil }
            let values = items.compactMap(\.scalarText)
            return values.count == items.count ? values : nil
        }
    }

    /// The front matter keys that have a field of their own at the top of the form, in this order.
    static let mainKeys = ["title", "description", "date", "draft"]
    /// The keys the form offers on every page after the main ones, whether the front matter has them yet or not: the
    /// publish and expiry dates, the hero and gallery pictures and the tags.
    static let offeredKeys = ["publishDate", "expiryDate", "hero", "gallery", "tags"]
    /// The keys whose value is a list the form edits as one field, values separated by commas.
    static let listKeys: Set<String> = ["gallery", "tags"]
    /// The keys whose value is a day (`YYYY-MM-DD`), with a date picker.
    static let dateKeys: Set<String> = ["date", "publishDate", "expiryDate"]

    /// The front matter, entry by entry.
    var entries: [Entry]
    /// The Markdown after the closing `---`.
    var body: String
    /// The 1-based line of the file where the body starts.
    var bodyLine: Int
    /// The file's line break, `\n` or `\r\n`.
    var newline: String

    /// Splits a page file; nil when its front matter is not YAML between `---` lines in the shape the form can
    /// keep exactly (TOML or JSON front matter, a quoted key, an unclosed block): such a file is edited as text.
    static func parse(_ text: String) -> PageDocument? {
        let newline = text.contains("\r\n") ? "\r\n" : "\n"
        let lines = text.components(separatedBy: newline)
        guard lines.first == "---" else {
            return text.hasPrefix("+++") || text.hasPrefix("{") ? nil
                : PageDocument(entries: [], body: text, bodyLine: 1, newline: newline)
        }
        guard let close = lines.dropFirst().firstIndex(where: { $0 == "---" || $0 == "..." }) else { return nil }
        var entries: [Entry] = []
        for (offset, line) in lines[1..<close].enumerated() {
            let number = offset + 2
            let continues = line.hasPrefix(" ") || line.hasPrefix("\t") || line.hasPrefix("- ") || line == "-"
            if continues, var last = entries.last, last.key != nil {
                last.text += newline + line
                last.lineCount += 1
                last.value = nil
                entries[entries.count - 1] = last
                continue
            }
            if line.trimmingCharacters(in: .whitespaces).isEmpty || line.hasPrefix("#") {
                if var last = entries.last, last.key == nil {
                    last.text += newline + line
                    last.lineCount += 1
                    entries[entries.count - 1] = last
                } else {
                    entries.append(Entry(key: nil, value: nil, text: line, line: number, lineCount: 1))
                }
                continue
            }
            guard let colon = line.firstIndex(of: ":"), !continues else { return nil }
            let key = String(line[..<colon])
            guard !key.isEmpty, key.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }) else { return nil }
            let rest = line[line.index(after: colon)...]
            guard rest.isEmpty || rest.hasPrefix(" ") || rest.hasPrefix("\t") else { return nil }
            entries.append(Entry(key: key, value: YAMLScalar.decode(String(rest)), text: line, line: number, lineCount: 1))
        }
        return PageDocument(entries: entries, body: lines[(close + 1)...].joined(separator: newline), bodyLine: close + 2, newline: newline)
    }

    /// The entry for `key`, when the front matter has one.
    func entry(_ key: String) -> Entry? { entries.first { $0.key == key } }

    /// The file this document is with the form's values: `fields` by field name (see `Entry.fieldName`), the
    /// draft box as `draft` = `true` or absent, and the new `body`. Entries whose value is unchanged keep their
    /// lines exactly; a main field the front matter did not have is added at its end when filled in.
    func composed(fields: [String: String], body newBody: String) -> String {
        var lines: [String] = []
        for entry in entries {
            guard let key = entry.key, let name = entry.fieldName else {
                lines.append(entry.text)
                continue
            }
            if let list = entry.list {
                let wanted = fields[name].map(Self.listItems) ?? list
                if wanted == list {
                    lines.append(entry.text)
                } else if !wanted.isEmpty {
                    lines.append(Self.listLine(key, wanted))
                }
                continue
            }
            guard let value = entry.value else {
                let text = fields[name] ?? entry.text
                if !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { lines.append(text) }
                continue
            }
            let wanted = key == "draft" ? (fields["draft"] == "true" ? "true" : "false") : (fields[name] ?? value)
            if wanted == value {
                lines.append(entry.text)
            } else if !(wanted.isEmpty && key != "title") {
                lines.append("\(key): \(YAMLScalar.encode(wanted, asText: key == "title" || key == "description"))")
            }
        }
        for key in Self.mainKeys where entry(key) == nil {
            let wanted = fields[key] ?? ""
            if key == "draft" {
                if wanted == "true" { lines.append("draft: true") }
            } else if !wanted.isEmpty {
                lines.append("\(key): \(YAMLScalar.encode(wanted, asText: key != "date"))")
            }
        }
        for key in Self.offeredKeys where entry(key) == nil {
            if Self.listKeys.contains(key) {
                let items = Self.listItems(fields["list.\(key)"] ?? "")
                if !items.isEmpty { lines.append(Self.listLine(key, items)) }
            } else if let wanted = fields["field.\(key)"]?.trimmingCharacters(in: .whitespaces), !wanted.isEmpty {
                lines.append("\(key): \(YAMLScalar.encode(wanted, asText: !Self.dateKeys.contains(key)))")
            }
        }
        if lines.isEmpty && entries.isEmpty { return newBody.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\n", with: newline) }
        let normalised = lines.map { $0.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\n", with: newline) }
        let bodyText = newBody.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\n", with: newline)
        return (["---"] + normalised + ["---"]).joined(separator: newline) + newline + bodyText
    }

    /// The values of a list field: separated by commas or line breaks, each trimmed, empty ones left out.
    static func listItems(_ text: String) -> [String] {
        text.split(whereSeparator: { $0 == "," || $0.isNewline }).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// A list as one front matter line, `tags: [launch, "2026"]`: each value plain where YAML reads it back as the same
    /// text inside brackets, else quoted.
    static func listLine(_ key: String, _ items: [String]) -> String {
        let written = items.map { item in
            let plain = YAMLScalar.encode(item, asText: true)
            return plain == item && !item.contains(where: { ",[]{}".contains($0) }) ? item : YAMLScalar.quoted(item)
        }
        return "\(key): [\(written.joined(separator: ", "))]"
    }

    /// The form field a problem at `line` of the file concerns: the field of the front matter entry holding the
    /// line, or `body` with the line inside the body (1-based); nil when the line is a fence.
    func place(ofLine line: Int) -> (field: String, bodyLine: Int?)? {
        if line >= bodyLine { return ("body", line - bodyLine + 1) }
        for entry in entries where line >= entry.line && line < entry.line + entry.lineCount {
            return entry.fieldName.map { ($0, nil) }
        }
        return nil
    }
}
