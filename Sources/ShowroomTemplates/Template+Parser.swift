import ShowroomCore

/// Parses one template's text into nodes, following the Mustache specification's rules for tags, set
/// delimiters and standalone lines. Every problem becomes a located diagnostic; parsing goes on after one
/// where it can, so a template's errors are reported together.
struct TemplateParser {
    private let bytes: [UInt8]
    private let file: String
    private let helpers: Set<String>
    private var scanner = HTMLContextScanner()
    private(set) var diagnostics: [Diagnostic] = []
    /// Byte offsets where each line starts, for line and column numbers.
    private let lineStarts: [Int]
    /// How many columns the first line is shifted by (a partial's indentation is added before parsing).
    private let indent: Int

    init(text: String, file: String, helpers: Set<String>, indent: String = "") {
        var source = Array(text.utf8)
        if !indent.isEmpty { source = Self.indented(source, by: Array(indent.utf8)) }
        bytes = source
        self.file = file
        self.helpers = helpers
        self.indent = indent.utf8.count
        var starts = [0]
        for (offset, byte) in source.enumerated() where byte == 0x0A { starts.append(offset + 1) }
        lineStarts = starts
    }

    /// `indent` put in front of every line (not after a final newline).
    static func indented(_ source: [UInt8], by indent: [UInt8]) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(source.count + indent.count * 8)
        var atLineStart = true
        for byte in source {
            if atLineStart { result += indent }
            result.append(byte)
            atLineStart = byte == 0x0A
        }
        return result
    }

    private struct OpenSection {
        enum Kind { case section, inverted, parent, block, helper }
        var kind: Kind
        var name: String
        var expression: TemplateExpression?
        var tag: TemplateTag
        var nodes: [TemplateNode] = []
        var indent: String = ""
        var standalone = false
        var bodyStart: Int
    }

    /// A piece of the template: literal text (a byte range, never across a line end) or a tag.
    private enum Token {
        case text(Range<Int>)
        case tag(Tag)
    }

    private struct Tag {
        var start: Int
        var end: Int
        /// `#`, `^`, `/`, `>`, `<`, `$`, `!`, `=`, `&`, `{`, or 0 for a variable.
        var marker: UInt8
        var content: String
        /// Leading whitespace of a standalone line, for partials and parents.
        var indent: String? = nil
    }

    mutating func parse() -> [TemplateNode] {
        buildTree(standalone(lex()))
    }

    /// Splits the text into literal pieces (each ending at a line end at the latest) and tags, following
    /// set-delimiter tags as it goes.
    private mutating func lex() -> [Token] {
        var open: [UInt8] = Array("{{".utf8)
        var close: [UInt8] = Array("}}".utf8)
        var tokens: [Token] = []
        var position = 0
        func addText(_ range: Range<Int>) {
            var start = range.lowerBound
            for index in range where bytes[index] == 0x0A {
                tokens.append(.text(start..<(index + 1)))
                start = index + 1
            }
            if start < range.upperBound { tokens.append(.text(start..<range.upperBound)) }
        }
        while position < bytes.count {
            guard let tagStart = find(open, from: position) else {
                addText(position..<bytes.count)
                break
            }
            addText(position..<tagStart)
            var marker: UInt8 = 0
            var inner = tagStart + open.count
            while inner < bytes.count, bytes[inner] == 0x20 || bytes[inner] == 0x09 { inner += 1 }
            if inner < bytes.count, "#^/>!<$=&{".utf8.contains(bytes[inner]) {
                marker = bytes[inner]
                inner += 1
            }
            var closer = close
            if marker == UInt8(ascii: "{") { closer = [UInt8(ascii: "}")] + close }
            if marker == UInt8(ascii: "=") { closer = [UInt8(ascii: "=")] + close }
            guard let contentEnd = find(closer, from: inner) else {
                report(at: tagStart, "a tag is opened with \(text(open)) but never closed with \(text(close))",
                       hint: "close the tag with \(text(close)), or write the braces as text with {{=<% %>=}} first")
                addText(tagStart..<bytes.count)
                break
            }
            let content = String(decoding: bytes[inner..<contentEnd], as: UTF8.self).trimmed
            let tagEnd = contentEnd + closer.count
            if marker == UInt8(ascii: "=") {
                let parts = content.split(whereSeparator: { $0 == " " || $0 == "\t" })
                if parts.count == 2, !parts[0].contains("="), !parts[1].contains("=") {
                    open = Array(parts[0].utf8)
                    close = Array(parts[1].utf8)
                } else {
                    report(at: tagStart, "`\(content)` is not a valid change of delimiters",
                           hint: "write two delimiters separated by a space, for example {{=<% %>=}}")
                }
            }
            tokens.append(.tag(Tag(start: tagStart, end: tagEnd, marker: marker, content: content)))
            position = tagEnd
        }
        return tokens
    }

    /// Standalone lines: a line holding only tags that write nothing themselves (sections, partials,
    /// parents, blocks, comments, delimiter changes) and spaces loses its spaces and its line end; a
    /// partial or parent on it is indented by the spaces that stood before it.
    private func standalone(_ tokens: [Token]) -> [Token] {
        var result: [Token] = []
        result.reserveCapacity(tokens.count)
        var index = 0
        while index < tokens.count {
            // One line: up to and including a text piece that ends with a line end.
            var lineEnd = index
            while lineEnd < tokens.count {
                if case .text(let range) = tokens[lineEnd], bytes[range.upperBound - 1] == 0x0A {
                    lineEnd += 1
                    break
                }
                lineEnd += 1
            }
            var tagCount = 0
            var qualifies = true
            var onlyStructure = true
            for token in tokens[index..<lineEnd] {
                switch token {
                case .text(let range):
                    if !range.allSatisfy({ bytes[$0] == 0x20 || bytes[$0] == 0x09 || bytes[$0] == 0x0A || bytes[$0] == 0x0D }) { qualifies = false }
                    // A carriage return only as part of the line's `\r\n`.
                    if let carriage = range.first(where: { bytes[$0] == 0x0D }),
                       carriage != range.upperBound - 2 || bytes[range.upperBound - 1] != 0x0A {
                        qualifies = false
                    }
                case .tag(let tag):
                    tagCount += 1
                    if tag.marker == 0 || tag.marker == UInt8(ascii: "&") || tag.marker == UInt8(ascii: "{") { qualifies = false }
                    if !"<$/!=".utf8.contains(tag.marker) { onlyStructure = false }
                }
                if !qualifies { break }
            }
            // Several tags on one line make it standalone only when they are all parent, block, closing,
            // comment or delimiter tags (`{{<layout}}{{$main}}`), as the inheritance rules say.
            if tagCount > 1 && !onlyStructure { qualifies = false }
            if qualifies && tagCount > 0 {
                var indent = ""
                if case .text(let range) = tokens[index] { indent = String(decoding: bytes[range], as: UTF8.self) }
                for token in tokens[index..<lineEnd] {
                    guard case .tag(var tag) = token else { continue }
                    tag.indent = indent
                    result.append(.tag(tag))
                }
            } else {
                result += tokens[index..<lineEnd]
            }
            index = lineEnd
        }
        return result
    }

    private mutating func buildTree(_ tokens: [Token]) -> [TemplateNode] {
        var stack: [OpenSection] = []
        var nodes: [TemplateNode] = []
        var pending: [UInt8] = []

        func append(_ node: TemplateNode) {
            if stack.isEmpty { nodes.append(node) } else { stack[stack.count - 1].nodes.append(node) }
        }
        func flush() {
            guard !pending.isEmpty else { return }
            scanner.feed(pending)
            append(.text(pending))
            pending.removeAll(keepingCapacity: true)
        }

        for token in tokens {
            guard case .tag(let token) = token else {
                if case .text(let range) = token { pending += bytes[range] }
                continue
            }
            flush()
            let content = token.content
            let tagStart = token.start
            let tag = TemplateTag(name: content, location: locate(tagStart), context: scanner.context)
            let marker = token.marker
            switch marker {
            case UInt8(ascii: "!"), UInt8(ascii: "="):
                break
            case UInt8(ascii: "#"), UInt8(ascii: "^"):
                let inverted = marker == UInt8(ascii: "^")
                if !inverted, helpers.contains(content) {
                    stack.append(OpenSection(kind: .helper, name: content, tag: tag, bodyStart: token.end))
                } else {
                    let expression = parseName(content, at: tagStart)
                    stack.append(OpenSection(kind: inverted ? .inverted : .section, name: content, expression: expression,
                                             tag: tag, bodyStart: token.end))
                }
            case UInt8(ascii: "<"), UInt8(ascii: "$"):
                if content.isEmpty {
                    report(at: tagStart, "a \(marker == UInt8(ascii: "<") ? "parent" : "block") tag has no name",
                           hint: "write the name after the marker, for example {{<layout}} or {{$main}}")
                }
                stack.append(OpenSection(kind: marker == UInt8(ascii: "<") ? .parent : .block, name: content, tag: tag,
                                         indent: token.indent ?? "", standalone: token.indent != nil, bodyStart: token.end))
            case UInt8(ascii: "/"):
                guard let section = stack.popLast() else {
                    report(at: tagStart, "`{{/\(content)}}` closes a section that was never opened",
                           hint: "remove it, or add the matching {{#\(content)}} before it")
                    break
                }
                if section.name != content {
                    report(at: tagStart, "`{{/\(content)}}` closes `\(section.name)`, which was opened at line \(section.tag.location.line ?? 0)",
                           hint: "close sections in the reverse order they were opened: {{/\(section.name)}} comes first")
                }
                let node: TemplateNode
                switch section.kind {
                case .section, .inverted:
                    node = .section(section.expression ?? .current, section.nodes, inverted: section.kind == .inverted, section.tag)
                case .helper:
                    let constant: String? = section.nodes.allSatisfy({ if case .text = $0 { true } else { false } })
                        ? String(decoding: bytes[section.bodyStart..<tagStart], as: UTF8.self).trimmed : nil
                    node = .helper(section.name, constant: constant, body: section.nodes, section.tag)
                case .block:
                    node = .block(section.name, section.nodes, indent: section.standalone ? section.indent : nil, section.tag)
                case .parent:
                    var blocks: [String: [TemplateNode]] = [:]
                    for child in section.nodes {
                        if case .block(let name, let body, _, _) = child, blocks[name] == nil { blocks[name] = body }
                    }
                    node = .parent(section.name, indent: section.indent, blocks: blocks, section.tag)
                }
                append(node)
            case UInt8(ascii: ">"):
                if content.isEmpty {
                    report(at: tagStart, "a partial tag has no name", hint: "write the partial's name, for example {{> header}}")
                } else {
                    append(.partial(content, indent: token.indent ?? "", tag))
                }
            default:
                var valueTag = tag
                valueTag.raw = marker == UInt8(ascii: "&") || marker == UInt8(ascii: "{")
                append(.value(parseName(content, at: tagStart), valueTag))
            }
        }
        flush()
        for section in stack.reversed() {
            diagnostics.append(.error(at: section.tag.location, "`\(section.name)` is opened here but never closed",
                                      hint: "add {{/\(section.name)}} where the section ends"))
        }
        return nodes
    }

    // MARK: - Names

    private mutating func parseName(_ content: String, at offset: Int) -> TemplateExpression {
        if content.isEmpty {
            report(at: offset, "a tag has no name", hint: "write a name between the braces, for example {{page.title}}")
            return .current
        }
        if content.hasSuffix(")"), let open = content.firstIndex(of: "(") {
            let functionName = String(content[..<open])
            let argument = String(content[content.index(after: open)..<content.index(before: content.endIndex)]).trimmed
            guard let function = TemplateFunction(rawValue: functionName) else {
                report(at: offset, "`\(functionName)` is not a template function",
                       hint: "use one of: \(TemplateFunction.allCases.map { "\($0.rawValue)(…)" }.joined(separator: ", "))")
                return .current
            }
            if argument.isEmpty {
                if function == .first || function == .last { return .call(function, nil) }
                report(at: offset, "`\(functionName)()` needs a name inside the brackets",
                       hint: "write the value it works on, for example \(functionName)(page.title)")
                return .current
            }
            return .call(function, parsePath(argument, at: offset))
        }
        return parsePath(content, at: offset)
    }

    private mutating func parsePath(_ text: String, at offset: Int) -> TemplateExpression {
        if text == "." { return .current }
        let anchored = text.hasPrefix(".")
        let parts = (anchored ? text.dropFirst() : Substring(text)).split(separator: ".", omittingEmptySubsequences: false)
        if parts.contains(where: { $0.isEmpty || $0.contains(where: \.isWhitespace) || $0.contains("(") || $0.contains(")") }) {
            report(at: offset, "`\(text)` is not a valid name",
                   hint: "names are words joined by dots, without spaces, for example page.hero.url")
            return .current
        }
        let keys = parts.map { TemplateKey(String($0)) }
        return anchored ? .member(keys) : .path(keys)
    }

    // MARK: - Helpers

    private func find(_ needle: [UInt8], from start: Int) -> Int? {
        guard let first = needle.first, bytes.count >= needle.count else { return nil }
        var index = start
        let last = bytes.count - needle.count
        while index <= last {
            if bytes[index] == first {
                var matches = true
                for offset in 1..<needle.count where bytes[index + offset] != needle[offset] {
                    matches = false
                    break
                }
                if matches { return index }
            }
            index += 1
        }
        return nil
    }

    private func locate(_ offset: Int) -> SourceLocation {
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        var column = 1
        for byte in bytes[lineStarts[low]..<offset] where byte & 0xC0 != 0x80 { column += 1 }
        return SourceLocation(file: file, line: low + 1, column: max(1, column - indent))
    }

    private func text(_ delimiter: [UInt8]) -> String { String(decoding: delimiter, as: UTF8.self) }

    private mutating func report(at offset: Int, _ message: String, hint: String) {
        diagnostics.append(.error(at: locate(offset), "template syntax error: \(message)", hint: hint))
    }
}

extension String {
    var trimmed: String {
        var view = Substring(self)
        while let first = view.first, first == " " || first == "\t" || first == "\n" || first == "\r" { view.removeFirst() }
        while let last = view.last, last == " " || last == "\t" || last == "\n" || last == "\r" { view.removeLast() }
        return String(view)
    }
}
