import ShowroomCore
import ShowroomWorkspace

/// A set of named templates compiled together: partials and parents are found by name among them, and
/// each partial is compiled once for every indentation it is included with. Compile once, render many
/// times, from any number of threads.
public struct TemplateLibrary: Sendable {
    /// A section helper: `{{#name}}argument{{/name}}` writes what it returns for the (trimmed) argument.
    public typealias Helper = @Sendable (String) -> String

    struct Key: Hashable, Sendable {
        var name: String
        var indent: String
    }

    let templates: [Key: [TemplateNode]]
    let helpers: [String: Helper]
    /// The templates as given, by name.
    public let sources: [String: TemplateSource]

    /// How deep partials and parents may nest while rendering (a partial that includes itself stops here).
    static let maximumDepth = 64

    /// Compiles every template. Syntax errors and references to partials or parents that do not exist are
    /// reported with their file, line and column; the library is nil when there is any error.
    public static func compile(_ sources: [TemplateSource], helpers: [String: Helper] = [:]) -> (TemplateLibrary?, [Diagnostic]) {
        var byName: [String: TemplateSource] = [:]
        for source in sources { byName[source.name] = source }
        var compiled: [Key: [TemplateNode]] = [:]
        var diagnostics: [Diagnostic] = []
        var work = byName.keys.sorted().map { Key(name: $0, indent: "") }
        let helperNames = Set(helpers.keys)
        while let key = work.popLast() {
            guard compiled[key] == nil, let source = byName[key.name] else { continue }
            var parser = TemplateParser(text: source.text, file: source.file, helpers: helperNames, indent: key.indent)
            let nodes = parser.parse()
            if key.indent.isEmpty { diagnostics += parser.diagnostics }
            compiled[key] = nodes
            visitReferences(in: nodes) { name, indent, tag, isParent in
                guard byName[name] != nil else {
                    if key.indent.isEmpty {
                        diagnostics.append(.error(
                            at: tag.location, "the \(isParent ? "parent layout" : "partial") `\(name)` does not exist",
                            hint: NameSuggestion.nearest(to: name, among: byName.keys).map { "did you mean `\($0)`?" }
                                ?? "create a template named `\(name).mustache` or correct the name"))
                    }
                    return
                }
                // The source was indented before parsing, so `indent` already includes this template's own.
                let wanted = Key(name: name, indent: indent)
                if compiled[wanted] == nil, indent.count <= 256 { work.append(wanted) }
            }
        }
        diagnostics = Array(Set(diagnostics)).sortedByLocation()
        if diagnostics.hasErrors { return (nil, diagnostics) }
        return (TemplateLibrary(templates: compiled, helpers: helpers, sources: byName), diagnostics)
    }

    /// Whether the library holds a template called `name`.
    public func has(_ name: String) -> Bool { sources[name] != nil }

    /// Every `{{#helper}}argument{{/helper}}` with a literal argument, with where it is: what the build
    /// checks (an asset id that exists) and records (where an asset is used) before any page renders.
    public func helperCalls() -> [(helper: String, argument: String, location: SourceLocation)] {
        var calls: [(String, String, SourceLocation)] = []
        func visit(_ nodes: [TemplateNode]) {
            for node in nodes {
                switch node {
                case .helper(let name, let constant, let body, let tag):
                    if let constant { calls.append((name, constant, tag.location)) }
                    visit(body)
                case .section(_, let body, _, _), .block(_, let body, _, _): visit(body)
                case .parent(_, _, let blocks, _): for name in blocks.keys.sorted() { visit(blocks[name]!) }
                case .text, .value, .partial: break
                }
            }
        }
        for key in templates.keys.filter({ $0.indent.isEmpty }).sorted(by: { $0.name < $1.name }) { visit(templates[key]!) }
        return calls
    }

    /// Calls `body` for every partial and parent a template names, with the indentation it is included with.
    static func visitReferences(in nodes: [TemplateNode], _ body: (String, String, TemplateTag, Bool) -> Void) {
        for node in nodes {
            switch node {
            case .partial(let name, let indent, let tag): body(name, indent, tag, false)
            case .parent(let name, let indent, let blocks, let tag):
                body(name, indent, tag, true)
                for blockName in blocks.keys.sorted() { visitReferences(in: blocks[blockName]!, body) }
            case .section(_, let children, _, _), .block(_, let children, _, _), .helper(_, _, let children, _):
                visitReferences(in: children, body)
            case .text, .value: break
            }
        }
    }
}
