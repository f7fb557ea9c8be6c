import ShowroomCore

extension TemplateLibrary {
    /// Checks every name the template `name` uses, through its partials, parents and blocks, against what
    /// `context` offers: an unknown name is an error at its tag, with the nearest known name as a hint.
    /// Sections over lists check their bodies against the list's items, as rendering would.
    package func check(_ name: String, context: TemplateShape) -> [Diagnostic] {
        check(name, stack: [context])
    }

    /// The same, for a context stack (innermost last), as `render(_:stack:)` takes.
    public func check(_ name: String, stack: [TemplateShape]) -> [Diagnostic] {
        var checker = NameChecker(library: self)
        checker.walk(templates[Key(name: name, indent: "")] ?? [], stack: stack, loops: 0)
        var seen: Set<Diagnostic> = []
        return checker.diagnostics.filter { seen.insert($0).inserted }
    }
}

/// Walks templates the way rendering does, with shapes in place of values.
struct NameChecker {
    let library: TemplateLibrary
    var diagnostics: [Diagnostic] = []
    private var overrides: [[String: [TemplateNode]]] = []
    private var entered: [TemplateLibrary.Key] = []

    init(library: TemplateLibrary) {
        self.library = library
    }

    /// `lenient` inside an inverted section: its body renders only when the name it tests is missing or
    /// empty, so keys missing from free-form records (another site's `params`) are accepted there.
    mutating func walk(_ nodes: [TemplateNode], stack: [TemplateShape], loops: Int, lenient: Bool = false) {
        for node in nodes {
            switch node {
            case .text:
                break
            case .value(let expression, let tag):
                guard let shape = resolve(expression, tag: tag, stack: stack, loops: loops, testing: lenient) else { continue }
                if case .record(let record) = shape, !record.printable {
                    let members = record.names.prefix(6).joined(separator: ", ")
                    diagnostics.append(.error(
                        at: tag.location, "`\(tag.name)` is a group of values (\(members)), not text, so it would print nothing",
                        hint: record.names.first.map { "write one of its values, for example {{\(tag.name == "." ? "" : tag.name + ".")\($0)}}" }))
                }
            case .section(let expression, let body, let inverted, let tag):
                guard let shape = resolve(expression, tag: tag, stack: stack, loops: loops, testing: true) else { continue }
                if inverted {
                    walk(body, stack: stack, loops: loops, lenient: true)
                } else if case .list(let item) = shape {
                    walk(body, stack: stack + [item], loops: loops + 1, lenient: lenient)
                } else {
                    // Nothing known (`.any`) may be a list too.
                    walk(body, stack: stack + [shape], loops: shape == .any ? loops + 1 : loops, lenient: lenient)
                }
            case .helper(let name, _, let body, let tag):
                // As when rendering: a value of the helper's name in the context is a section over it.
                let defined = stack.contains { frame in
                    if case .record(let record) = frame { return record.fields[name] != nil }
                    return frame == .any
                }
                if defined {
                    walk([.section(.path([TemplateKey(name)]), body, inverted: false, tag)], stack: stack, loops: loops,
                         lenient: lenient)
                } else {
                    walk(body, stack: stack, loops: loops, lenient: lenient)
                }
            case .partial(let name, let partialIndent, _):
                let key = TemplateLibrary.Key(name: name, indent: partialIndent)
                guard !entered.contains(key), entered.count < TemplateLibrary.maximumDepth else { continue }
                entered.append(key)
                walk(library.templates[key] ?? [], stack: stack, loops: loops, lenient: lenient)
                entered.removeLast()
            case .parent(let name, let parentIndent, let blocks, _):
                let key = TemplateLibrary.Key(name: name, indent: parentIndent)
                guard !entered.contains(key), entered.count < TemplateLibrary.maximumDepth else { continue }
                entered.append(key)
                overrides.append(blocks)
                walk(library.templates[key] ?? [], stack: stack, loops: loops, lenient: lenient)
                overrides.removeLast()
                entered.removeLast()
            case .block(let name, let body, _, _):
                if let override = overrides.lazy.compactMap({ $0[name] }).first {
                    walk(override, stack: stack, loops: loops, lenient: lenient)
                } else {
                    walk(body, stack: stack, loops: loops, lenient: lenient)
                }
            }
        }
    }

    /// The shape `expression` has at this point, or nil (with an error) when it names nothing.
    /// `testing`: the name is a section's, which tests it, so a key missing from a free-form record is fine.
    private mutating func resolve(_ expression: TemplateExpression, tag: TemplateTag, stack: [TemplateShape], loops: Int,
                                  testing: Bool = false) -> TemplateShape? {
        switch expression {
        case .current:
            return stack.last ?? .any
        case .path(let keys), .member(let keys):
            var shape: TemplateShape? = nil
            var anchored = false
            if case .member = expression { anchored = true }
            for frame in anchored ? Array(stack.suffix(1)) : stack.reversed() {
                switch frame {
                case .any: shape = .any
                case .record(let record): shape = record.fields[keys[0].name]?.shape
                case .scalar, .list: break
                }
                if shape != nil { break }
            }
            guard var current = shape else {
                if testing, anchored, case .record(let record)? = stack.last, record.open { return .any }
                let known = (anchored ? Array(stack.suffix(1)) : stack).flatMap { frame -> [String] in
                    if case .record(let record) = frame { return record.names }
                    return []
                }
                unknown(keys[0].name, written: tag.name, candidates: known, prefix: "", tag: tag)
                return nil
            }
            for (position, key) in keys.enumerated().dropFirst() {
                let prefix = keys[..<position].map(\.name).joined(separator: ".")
                switch current {
                case .any: return .any
                case .record(let record):
                    guard let field = record.fields[key.name] else {
                        if testing && record.open { return .any }
                        unknown(key.name, written: tag.name, candidates: record.names, prefix: prefix + ".", tag: tag)
                        return nil
                    }
                    current = field.shape
                case .scalar, .list:
                    diagnostics.append(.error(at: tag.location, "`\(prefix)` is \(current == .scalar ? "a single value" : "a list"), so it has no `\(key.name)`",
                                              hint: "write {{\(prefix)}} alone, or check the name in the data"))
                    return nil
                }
            }
            return current
        case .call(let function, let argument):
            guard let argument else {
                if loops == 0 {
                    diagnostics.append(.error(at: tag.location, "`\(function.rawValue)()` is only meaningful inside a section over a list",
                                              hint: "put it inside {{#list}}…{{/list}}, or name the list: \(function.rawValue)(page.gallery)"))
                    return nil
                }
                return .scalar
            }
            guard let shape = resolve(argument, tag: tag, stack: stack, loops: loops, testing: testing) else { return nil }
            switch function {
            case .first, .last:
                if case .list(let item) = shape { return item }
                return shape == .any ? .any : .scalar
            default:
                return .scalar
            }
        }
    }

    private mutating func unknown(_ name: String, written: String, candidates: [String], prefix: String, tag: TemplateTag) {
        let suggestion = NameSuggestion.nearest(to: name, among: candidates).map { "did you mean `\(prefix)\($0)`?" }
        let listed = candidates.isEmpty ? "" : " (here there are: \(Array(Set(candidates)).sorted().prefix(12).joined(separator: ", ")))"
        diagnostics.append(.error(
            at: tag.location, "`\(written)` names nothing this template is given: there is no `\(prefix)\(name)`\(listed)",
            hint: suggestion ?? "check the spelling against the template context in docs/workspace.md, or add the key to the data"))
    }
}
