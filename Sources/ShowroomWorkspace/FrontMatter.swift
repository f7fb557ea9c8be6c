import ShowroomCore

/// The values at the top of a page file, before its Markdown, in any of the three formats Hugo reads: YAML
/// between `---` lines, TOML between `+++` lines, or one JSON object (`{` … `}`).
///
/// All three become one located `YAMLNode` mapping, so everything that reads front matter afterwards is the
/// same whatever the author wrote; every syntax error comes back with its line, column and a fix.
package struct FrontMatter: Sendable {
    /// How the front matter is written.
    package enum Format: String, Sendable {
        case yaml = "YAML", toml = "TOML", json = "JSON"
    }

    /// How it is written; nil when the file has no front matter.
    package var format: Format?
    /// The values: a mapping, or `.null` when there are none.
    package var values: YAMLNode
    /// The Markdown after the front matter.
    package var body: String
    /// Line in the file where `body` starts (1-based), so Markdown errors point at the right line.
    package var bodyLine: Int

    /// Splits `text` (the whole page file, read from `file`) into its front matter and its body.
    package static func read(_ text: String, file: String) throws(Diagnostic) -> FrontMatter {
        if text.hasPrefix("---\n") || text == "---" {
            let block = try fenced(text, fence: "---", file: file)
            let values = try YAMLNode.parse(block.text, file: file, lineOffset: 1)
            if !values.isNull, values.pairs == nil {
                throw .error(at: values.location, "the front matter must be a mapping of `key: value` lines, found \(values.kindName)",
                             hint: "write e.g. `title: Aurora launch` between the `---` lines")
            }
            return FrontMatter(format: .yaml, values: values, body: block.body, bodyLine: block.bodyLine)
        }
        if text.hasPrefix("+++\n") || text == "+++" {
            let block = try fenced(text, fence: "+++", file: file)
            let values = try parseTOML(block.text, file: file, lineOffset: 1)
            return FrontMatter(format: .toml, values: values, body: block.body, bodyLine: block.bodyLine)
        }
        if startsWithJSONObject(text) {
            return try readJSON(text, file: file)
        }
        return FrontMatter(format: nil, values: YAMLNode(.null, at: SourceLocation(file: file, line: 1, column: 1)), body: text, bodyLine: 1)
    }

    /// Whether the file opens with a JSON object: `{` and then `"` or `}`. A page whose text opens with a
    /// shortcode (`{{< gallery >}}`) is not one, since `{{` starts no JSON.
    static func startsWithJSONObject(_ text: String) -> Bool {
        guard text.utf8.first == UInt8(ascii: "{") else { return false }
        let next = text.utf8.dropFirst().first { ![UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n")].contains($0) }
        return next == UInt8(ascii: "\"") || next == UInt8(ascii: "}")
    }

    /// The text between a first line `fence` and the next line that is only `fence` (YAML may also close with
    /// `...`), and the body after it. Scans line by line only through the front matter; the body is one slice.
    private static func fenced(_ text: String, fence: String, file: String) throws(Diagnostic) -> (text: String, body: String, bodyLine: Int) {
        let utf8 = text.utf8
        let frontStart = utf8.index(utf8.startIndex, offsetBy: min(4, utf8.count))
        var lineStart = frontStart
        var line = 2
        var closing: (start: String.Index, end: String.Index)?
        while lineStart < utf8.endIndex {
            let lineEnd = utf8[lineStart...].firstIndex(of: 0x0A) ?? utf8.endIndex
            let content = utf8[lineStart..<lineEnd]
            if content.elementsEqual(fence.utf8) || (fence == "---" && content.elementsEqual("...".utf8)) {
                closing = (lineStart, lineEnd)
                break
            }
            lineStart = lineEnd == utf8.endIndex ? lineEnd : utf8.index(after: lineEnd)
            line += 1
        }
        guard let closing else {
            throw .error(at: SourceLocation(file: file, line: 1, column: 1), "the front matter starts with `\(fence)` but never ends",
                         hint: "add a line with only `\(fence)` after the last front matter line")
        }
        if utf8.distance(from: frontStart, to: closing.start) > InputLimits.frontMatterBytes {
            throw tooLarge(file: file)
        }
        let front = frontStart < closing.start ? String(text[frontStart..<closing.start]) : ""
        let body = closing.end < text.endIndex ? String(text[text.index(after: closing.end)...]) : ""
        return (front, body, line + 1)
    }

    static func tooLarge(file: String) -> Diagnostic {
        .error(at: SourceLocation(file: file, line: 1, column: 1),
               "the front matter is larger than \(InputLimits.shown(InputLimits.frontMatterBytes)), the most a page's may be",
               hint: "move long values into the page's body or into a file under shared/data")
    }
}
