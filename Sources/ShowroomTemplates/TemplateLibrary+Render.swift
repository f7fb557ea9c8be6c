import ShowroomCore

/// What rendering one template produced: the text, and the values that could not be written safely
/// (an active link, unsafe CSS), each located at the value's source.
public struct TemplateRendering: Sendable {
    /// The rendered text as UTF-8; a value refused as unsafe is left out (an unsafe link becomes
    /// `#blocked-unsafe-link`). The build writes these bytes as they are.
    public var bytes: [UInt8]
    /// The rendered text.
    public var text: String { String(decoding: bytes, as: UTF8.self) }
    /// What went wrong, each once: values that could not be written safely (at their source), partials nested too
    /// deep, a template that does not exist.
    public var diagnostics: [Diagnostic]
}

extension TemplateLibrary {
    /// Renders the template `name` with `context` at the bottom of the context stack.
    package func render(_ name: String, with context: TemplateValue) -> TemplateRendering {
        render(name, stack: [context])
    }

    /// Renders the template `name` with `stack` as the context stack (innermost last): values shared by many
    /// renderings below, each rendering's own on top, so the shared ones are never copied.
    public func render(_ name: String, stack: [TemplateValue]) -> TemplateRendering {
        var state = RenderState(stack: stack)
        if let nodes = templates[Key(name: name, indent: "")] {
            render(nodes, &state)
        } else {
            state.diagnostics.append(.error(at: nil, "there is no template named `\(name)`"))
        }
        var seen: Set<Diagnostic> = []
        let diagnostics = state.diagnostics.filter { seen.insert($0).inserted }
        return TemplateRendering(bytes: state.output, diagnostics: diagnostics)
    }

    struct RenderState {
        var output: [UInt8] = []
        var stack: [TemplateValue]
        /// The position in each list being iterated, innermost last (for `first()` and `last()`).
        var loops: [(index: Int, count: Int)] = []
        /// Block overrides in force, the most derived first.
        var overrides: [[String: [TemplateNode]]] = []
        var diagnostics: [Diagnostic] = []
        var depth = 0

        init(stack: [TemplateValue]) {
            self.stack = stack
            output.reserveCapacity(16_384)
        }
    }

    func render(_ nodes: [TemplateNode], _ state: inout RenderState) {
        for node in nodes {
            switch node {
            case .text(let text):
                state.output.append(contentsOf: text)
            case .value(let expression, let tag):
                write(evaluate(expression, &state), tag, &state)
            case .section(let expression, _, _, _):
                render(node, value: evaluate(expression, &state), &state)
            case .helper(let name, let constant, let body, let tag):
                // A value of the same name in the context wins, as for any name (an asset's `download` field).
                let key = TemplateKey(name)
                if let value = state.stack.reversed().lazy.compactMap({ $0.member(key) }).first {
                    render(.section(.path([key]), body, inverted: false, tag), value: value, &state)
                    continue
                }
                var argument = constant
                if argument == nil {
                    let start = state.output.count
                    render(body, &state)
                    argument = String(decoding: state.output[start...], as: UTF8.self).trimmed
                    state.output.removeSubrange(start...)
                }
                let result = helpers[name]?(argument ?? "") ?? ""
                write(.string(result, tag.location), tag, &state)
            case .partial(let name, let partialIndent, let tag):
                guard enter(tag, &state) else { continue }
                let key = Key(name: name, indent: partialIndent)
                render(templates[key] ?? [], &state)
                state.depth -= 1
            case .parent(let name, let parentIndent, let blocks, let tag):
                guard enter(tag, &state) else { continue }
                state.overrides.append(blocks)
                let key = Key(name: name, indent: parentIndent)
                render(templates[key] ?? [], &state)
                state.overrides.removeLast()
                state.depth -= 1
            case .block(let name, let body, let blockIndent, _):
                if let override = state.overrides.lazy.compactMap({ $0[name] }).first {
                    guard let blockIndent else {
                        render(override, &state)
                        continue
                    }
                    let start = state.output.count
                    render(override, &state)
                    Self.reindent(&state.output, from: start, to: blockIndent.isEmpty ? Self.firstIndent(of: body) : blockIndent)
                } else {
                    render(body, &state)
                }
            }
        }
    }

    /// A section over `value`: lists once per item, other truthy values once with the value pushed;
    /// inverted sections only when the value is falsey.
    private func render(_ section: TemplateNode, value: TemplateValue, _ state: inout RenderState) {
        guard case .section(_, let body, let inverted, _) = section else { return }
        if inverted {
            if !value.isTruthy { render(body, &state) }
        } else if case .list(let items) = value {
            for (index, item) in items.enumerated() {
                state.stack.append(item)
                state.loops.append((index, items.count))
                render(body, &state)
                state.loops.removeLast()
                state.stack.removeLast()
            }
        } else if value.isTruthy {
            state.stack.append(value)
            render(body, &state)
            state.stack.removeLast()
        }
    }

    /// The block-reindentation rule: an override written for a standalone block tag loses the indentation
    /// of its own first line and takes the block tag's (or, at column 1, its default content's), line by line,
    /// and ends with a line end.
    static func reindent(_ output: inout [UInt8], from start: Int, to indent: String) {
        guard start < output.count else { return }
        var own = 0
        while start + own < output.count, output[start + own] == 0x20 || output[start + own] == 0x09 { own += 1 }
        // Nothing to take off and nothing to add (a layout's `{{$main}}` at column 1): only end the line.
        if own == 0 && indent.isEmpty {
            if output.last != 0x0A { output.append(0x0A) }
            return
        }
        let written = Array(output[start...])
        output.removeSubrange(start...)
        var atLineStart = true
        var index = 0
        while index < written.count {
            if atLineStart {
                var skip = 0
                while skip < own, index + skip < written.count, written[index + skip] == written[skip] { skip += 1 }
                index += skip
                if index < written.count, written[index] != 0x0A { output.append(contentsOf: indent.utf8) }
                atLineStart = false
                continue
            }
            output.append(written[index])
            atLineStart = written[index] == 0x0A
            index += 1
        }
        if output.last != 0x0A { output.append(0x0A) }
    }

    /// The leading spaces of a block's default content, for a block tag at column 1.
    static func firstIndent(of nodes: [TemplateNode]) -> String {
        guard case .text(let text)? = nodes.first else { return "" }
        return String(decoding: text.prefix { $0 == 0x20 || $0 == 0x09 }, as: UTF8.self)
    }

    private func enter(_ tag: TemplateTag, _ state: inout RenderState) -> Bool {
        guard state.depth < Self.maximumDepth else {
            state.diagnostics.append(.error(at: tag.location, "partials and layouts nest more than \(Self.maximumDepth) deep here",
                                            hint: "a partial probably includes itself; remove the loop"))
            return false
        }
        state.depth += 1
        return true
    }

    // MARK: - Names

    @inline(__always)
    func evaluate(_ expression: TemplateExpression, _ state: inout RenderState) -> TemplateValue {
        switch expression {
        case .current:
            return state.stack.last ?? .null
        case .path(let keys):
            var value: TemplateValue = .null
            var found = false
            for frame in state.stack.reversed() {
                if let member = frame.member(keys[0]) {
                    value = member
                    found = true
                    break
                }
            }
            guard found else { return .null }
            for key in keys.dropFirst() {
                guard let member = value.member(key) else { return .null }
                value = member
            }
            return value
        case .member(let keys):
            var value = state.stack.last ?? .null
            for key in keys {
                guard let member = value.member(key) else { return .null }
                value = member
            }
            return value
        case .call(let function, let argument):
            guard let argument else {
                guard let loop = state.loops.last else { return .bool(false) }
                return .bool(function == .first ? loop.index == 0 : loop.index == loop.count - 1)
            }
            return apply(function, to: evaluate(argument, &state))
        }
    }

    func apply(_ function: TemplateFunction, to value: TemplateValue) -> TemplateValue {
        switch function {
        case .empty:
            if case .map = value { return .bool(false) }
            if case .int = value { return .bool(false) }
            if case .double = value { return .bool(false) }
            return .bool(!value.isTruthy && !(value.isBool))
        case .count:
            switch value {
            case .list(let items): return .int(items.count)
            case .string(let text, _): return .int(text.count)
            case .map(let map): return .int(map.keys.count)
            default: return .int(0)
            }
        case .first:
            if case .list(let items) = value { return items.first ?? .null }
            return .null
        case .last:
            if case .list(let items) = value { return items.last ?? .null }
            return .null
        case .capitalized, .uppercased, .lowercased:
            guard case .string(let text, let location) = value else { return value }
            let changed = function == .capitalized ? TextCase.capitalized(text) : function == .uppercased ? text.uppercased() : text.lowercased()
            return .string(changed, location)
        }
    }

    // MARK: - Output

    private func write(_ value: TemplateValue, _ tag: TemplateTag, _ state: inout RenderState) {
        let text = value.printed
        if text.isEmpty { return }
        switch tag.context {
        case .text, .comment, .attribute(quoted: true):
            tag.raw ? state.output.append(contentsOf: text.utf8) : OutputEscaping.html(text, into: &state.output)
        case .attribute(quoted: false):
            tag.raw ? state.output.append(contentsOf: text.utf8) : OutputEscaping.unquotedAttribute(text, into: &state.output)
        case .url(let start, let list, let quoted):
            if start, let problem = OutputEscaping.unsafeURL(text, list: list) {
                state.diagnostics.append(.error(
                    at: value.location ?? tag.location,
                    "`\(OutputEscaping.shown(text))` is not a safe link: \(problem) (written by `\(tag.name)` at \(tag.location))",
                    hint: "use an address on the site (/models/aurora/) or one starting with https:, http:, mailto: or tel:"))
                state.output.append(contentsOf: "#blocked-unsafe-link".utf8)
                return
            }
            if tag.raw { state.output.append(contentsOf: text.utf8) } else if quoted { OutputEscaping.html(text, into: &state.output) } else {
                OutputEscaping.unquotedAttribute(text, into: &state.output)
            }
        case .css:
            if let problem = OutputEscaping.unsafeCSS(text) {
                state.diagnostics.append(.error(
                    at: value.location ?? tag.location,
                    "`\(OutputEscaping.shown(text))` is not a safe CSS value: \(problem) (written by `\(tag.name)` at \(tag.location))",
                    hint: "use a colour (#1a2b3c, rgb(…)), a length (12px, 1.5rem) or a keyword (bold)"))
                return
            }
            OutputEscaping.html(text, into: &state.output)
        case .script(let inString, let inAttribute):
            var encoded: [UInt8] = []
            if inString {
                OutputEscaping.javaScriptString(text, into: &encoded)
            } else {
                switch value {
                case .int, .double, .bool: encoded.append(contentsOf: text.utf8)
                default:
                    encoded.append(UInt8(ascii: "\""))
                    OutputEscaping.javaScriptString(text, into: &encoded)
                    encoded.append(UInt8(ascii: "\""))
                }
            }
            if inAttribute { OutputEscaping.html(String(decoding: encoded, as: UTF8.self), into: &state.output) } else {
                state.output.append(contentsOf: encoded)
            }
        case .tag:
            if !text.utf8.allSatisfy(OutputEscaping.isAttributeNameByte) {
                state.diagnostics.append(.error(
                    at: value.location ?? tag.location,
                    "`\(OutputEscaping.shown(text))` cannot stand inside an HTML tag (written by `\(tag.name)` at \(tag.location))",
                    hint: "put the value inside an attribute's quotes, for example class=\"{{\(tag.name)}}\""))
                return
            }
            state.output.append(contentsOf: text.utf8)
        }
    }
}

extension TemplateValue {
    var isBool: Bool {
        if case .bool = self { return true }
        return false
    }
}

/// `capitalized(…)`: each word's first letter upper case, the rest lower case.
enum TextCase {
    static func capitalized(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var atWordStart = true
        for character in text {
            if character.isLetter || character.isNumber {
                result += atWordStart ? character.uppercased() : character.lowercased()
                atWordStart = false
            } else {
                result.append(character)
                atWordStart = character != "'"
            }
        }
        return result
    }
}
