import Foundation
import ShowroomCore

/// The new model's block in `shared/data/models.yaml`: the similar model's block copied line by line (never
/// re-serialised, so comments, key order and quoting stay as written), its names replaced, and every figure
/// that belongs to one model marked `FILL IN`: text values become `"FILL IN: …"` strings, which `check` lists;
/// numbers and asset ids, which the build needs as they are, keep the copied value with a `# FILL IN` comment.
extension ModelScaffold {
    /// The whole new text of `models.yaml`: the copied block goes after the brand's last model (at the end when
    /// the brand has none yet). Throws when the result would not read back as the new model.
    static func copiedModelsText(_ text: String, models: [YAMLNode], likeIndex: Int, names: Names) throws(Diagnostic) -> String {
        let lines = text.components(separatedBy: "\n")
        let blocks = models.map { block(of: $0, in: lines) }
        let copied = lines[blocks[likeIndex]].map { String($0) }
        let newBlock = rewrite(copied, names: names)

        let brandLast = models.lastIndex { $0["brand"]?.scalarText == names.brand }
        var result = lines
        let insertAt = brandLast.map { blocks[$0].upperBound } ?? contentEnd(of: lines)
        result.insert(contentsOf: newBlock, at: insertAt)
        let newText = result.joined(separator: "\n")

        let reread = try? YAMLNode.parse(newText, file: modelsFile)
        guard let added = reread?.items?.first(where: { $0["id"]?.scalarText == names.id }), added["name"]?.scalarText == names.name
        else {
            throw .error(at: models[likeIndex]["id"]?.location, "the model `\(names.likeID)` could not be copied line by line",
                         hint: "copy another model with --like, or copy this block by hand; nothing was changed")
        }
        return newText
    }

    /// The lines of one model's block: from its `- ` line to the last line before the next model that is
    /// neither blank nor a comment (comments just above a model belong to that model).
    static func block(of model: YAMLNode, in lines: [String]) -> Range<Int> {
        var start = max(0, (model.location.line ?? 1) - 1)
        while start > 0, !lines[start].trimmingCharacters(in: .whitespaces).hasPrefix("-") { start -= 1 }
        let dashIndent = indent(of: lines[start])
        var end = start + 1
        var lastContent = start
        while end < lines.count {
            let line = lines[end]
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if !trimmed.isEmpty, !trimmed.hasPrefix("#") {
                if indent(of: line) <= dashIndent { break }
                lastContent = end
            }
            end += 1
        }
        return start..<(lastContent + 1)
    }

    /// The index just after the file's last line that is neither blank nor a comment.
    static func contentEnd(of lines: [String]) -> Int {
        var end = lines.count
        while end > 0 {
            let trimmed = lines[end - 1].trimmingCharacters(in: .whitespaces)
            if !trimmed.isEmpty, !trimmed.hasPrefix("#") { break }
            end -= 1
        }
        return end
    }

    static func indent(of line: String) -> Int { line.prefix { $0 == " " }.count }

    /// The copied block with each line's value replaced, kept, or kept with a `# FILL IN` comment.
    static func rewrite(_ block: [String], names: Names) -> [String] {
        var parents: [(indent: Int, key: String)] = []
        var trimName = ""
        var rowLabel = ""
        var result: [String] = []
        for line in block {
            guard let parsed = KeyLine(line) else { result.append(line); continue }
            while let last = parents.last, parsed.isListItem && parsed.key == nil ? last.indent > parsed.dashIndent : last.indent >= parsed.keyIndent {
                parents.removeLast()
            }
            let path = parents.map(\.key) + [parsed.key ?? "-"]
            if let key = parsed.key, parsed.value.isEmpty { parents.append((parsed.keyIndent, key)) }
            if path == ["trims", "name"] { trimName = KeyLine.unquoted(parsed.value) }
            if path == ["specs", "rows", "label"] { rowLabel = KeyLine.unquoted(parsed.value) }
            result.append(rewritten(parsed, path: path, names: names, trim: trimName, label: rowLabel))
        }
        return result
    }

    private static func rewritten(_ line: KeyLine, path: [String], names: Names, trim: String, label: String) -> String {
        let was = KeyLine.unquoted(line.value)
        let theirs = "the \(names.likeShortName)'s"
        switch path {
        case ["id"]: return line.with(value: names.id)
        case ["name"]: return line.with(value: plainOrQuoted(names.name))
        case ["shortName"]: return line.with(value: plainOrQuoted(names.shortName))
        case ["brand"]: return line.with(value: names.brand)
        case ["website"]: return line.with(value: names.website)
        case ["nameZh"]:
            let example = names.brandNameZh.map { ", e.g. \($0) \(names.shortName)" } ?? ""
            return line.with(value: fillIn("the model's Chinese name\(example)"))
        case ["tagline"], ["taglineZh"], ["segmentZh"], ["summary"], ["about"]:
            return line.with(value: fillIn("the \(names.shortName)'s \(path[0]) (\(theirs): \(was))"))
        case ["fromPrice"]:
            return line.commented("FILL IN: the from-price in CNY, digits only; this is still \(theirs)")
        case ["hero"], ["brochure"], ["gallery", "-"]:
            return line.commented("FILL IN: the \(names.shortName)'s own asset id (add the file with `showroom assets add`); this is still \(theirs)")
        case ["colours", "picture"]:
            return line.commented("FILL IN: the \(names.shortName)'s photo in this colour, an asset id; this is still \(theirs)")
        case ["trims", "price"]:
            return line.commented("FILL IN: the \(trim) trim's price in CNY, digits only; this is still \(theirs)")
        case ["trims", "power"], ["trims", "efficiency"], ["trims", "acceleration"]:
            return line.with(value: fillIn("the \(trim) trim's \(path[1]) (\(theirs): \(was))"))
        case ["specs", "rows", "value"]:
            return line.with(value: fillIn("\(label) of the \(names.shortName) (\(theirs): \(was))"))
        default:
            if path.count == 2, path[0] == "keySpecs", path[1] != "energy" {
                if Int(line.value) != nil { return line.commented("FILL IN: the \(names.shortName)'s \(path[1]); this is still \(theirs)") }
                return line.with(value: fillIn("the \(names.shortName)'s \(path[1]) (\(theirs): \(was))"))
            }
            return line.text
        }
    }

    /// `"FILL IN: …"`, double-quoted for YAML.
    static func fillIn(_ what: String) -> String { quoted("FILL IN: \(what)") }

    static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// The text as a plain YAML scalar when it can be one (`Lumen Orbit`), double-quoted otherwise.
    static func plainOrQuoted(_ text: String) -> String {
        text.range(of: #"^[A-Za-z][A-Za-z0-9 .\-]*[A-Za-z0-9.]$"#, options: .regularExpression) != nil ? text : quoted(text)
    }
}

/// One line of a YAML block read as `indent [- ]key: value`, or `indent - value` for a list entry.
struct KeyLine {
    /// The line as written.
    var text: String
    /// Whether the line starts a list entry (`- `).
    var isListItem: Bool
    /// The column of the `-`, when the line starts a list entry.
    var dashIndent: Int
    /// The column the key starts at.
    var keyIndent: Int
    /// The key, nil for a list entry that is a plain value.
    var key: String?
    /// The value as written after `key: ` (or after `- `), without a trailing comment.
    var value: String
    /// The text before the value: indentation, `- ` and `key: `.
    private var lead: String

    /// Nil for blank lines, comments and lines that are not `key: value` or `- value`.
    init?(_ line: String) {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, !trimmed.hasPrefix("#") else { return nil }
        text = line
        let indent = ModelScaffold.indent(of: line)
        var rest = Substring(line.dropFirst(indent))
        isListItem = rest.hasPrefix("- ") || rest == "-"
        dashIndent = indent
        var leadCount = indent
        if isListItem {
            rest = rest.dropFirst(2)
            leadCount += 2
        }
        keyIndent = leadCount
        if let match = rest.firstMatch(of: #/^([A-Za-z0-9_-]+):(\s+|$)/#) {
            key = String(match.1)
            leadCount += match.0.count
            rest = rest.dropFirst(match.0.count)
        } else if !isListItem {
            return nil
        }
        lead = String(line.prefix(leadCount))
        value = String(rest).trimmingCharacters(in: .whitespaces)
    }

    /// The line with `value` in place of the written one.
    func with(value newValue: String) -> String {
        lead + (lead.hasSuffix(" ") || lead.isEmpty ? "" : " ") + newValue
    }

    /// The line as written with `# comment` after it (as written when it already has a comment).
    func commented(_ comment: String) -> String {
        value.contains(" #") ? text : text + "  # " + comment
    }

    /// A scalar as read: without its quotes.
    static func unquoted(_ value: String) -> String {
        if value.count >= 2, value.hasPrefix("'"), value.hasSuffix("'") {
            return String(value.dropFirst().dropLast()).replacingOccurrences(of: "''", with: "'")
        }
        if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") {
            return String(value.dropFirst().dropLast()).replacingOccurrences(of: "\\\"", with: "\"")
        }
        return value
    }
}
