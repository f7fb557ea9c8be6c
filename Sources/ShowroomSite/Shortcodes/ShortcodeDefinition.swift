import Foundation
import ShowroomCore
import ShowroomTemplates
import ShowroomWorkspace

/// What a shortcode takes, declared by the comment that opens its template:
/// `{{! arguments: id:asset poster:asset? caption? inner? }}`. Each word is an argument, `?` makes it optional,
/// and a type after `:` says how its value is read; `inner` is the content between the opening and closing tags
/// (`inner` requires a closing tag, `inner?` allows one). A template without the comment takes any arguments, as
/// text, and no content.
struct ShortcodeDefinition: Sendable {
    /// How an argument's value becomes a template value.
    enum Kind: String, Sendable, CaseIterable {
        /// The text as written (`asset:<id>` becomes that asset).
        case text
        /// An asset id of the library (or several, `a,b,c`: a list), as an asset object.
        case asset
        /// A model id of `shared/data/models.yaml`, as the model's record.
        case model
        /// A key of the `model` argument's `keySpecs`: `{name, label, value}`.
        case spec
        /// An `https://` address whose host `showroom.yaml` lists under `embedHosts`.
        case embed
    }

    struct Argument: Sendable {
        var name: String
        var kind: Kind
        var required: Bool
    }

    /// Nil when the template declares nothing (any argument is accepted, as text).
    var arguments: [Argument]?
    /// Whether content between an opening and a closing tag is taken, and whether it must be given.
    var takesInner: Bool
    var requiresInner: Bool

    func argument(_ name: String) -> Argument? { arguments?.first { $0.name == name } }

    /// What the arguments offer the template, for the name check: a declared shortcode's template may use only
    /// its arguments (and `inner`) besides the page's context; one without a declaration, anything.
    var argumentShape: TemplateShape {
        guard let arguments else { return .any }
        var fields: [(String, TemplateShape, optional: Bool)] = arguments.map { argument in
            switch argument.kind {
            case .text, .embed: (argument.name, .scalar, !argument.required)
            case .asset, .model: (argument.name, .any, !argument.required)
            case .spec: (argument.name, .record([("name", .scalar, false), ("label", .scalar, false), ("value", .scalar, false)],
                                                printable: true), !argument.required)
            }
        }
        if takesInner { fields.append(("inner", .scalar, !requiresInner)) }
        return .record(fields)
    }

    /// Reads the declaration of `source`; a malformed one is an error at the template's first line.
    static func read(_ source: TemplateSource) -> (ShortcodeDefinition, [Diagnostic]) {
        let text = source.text.drop { $0.isWhitespace }
        guard text.hasPrefix("{{!"), let end = text.range(of: "}}") else {
            return (ShortcodeDefinition(arguments: nil, takesInner: false, requiresInner: false), [])
        }
        let comment = text[text.index(text.startIndex, offsetBy: 3)..<end.lowerBound].trimmingCharacters(in: .whitespacesAndNewlines)
        guard comment.hasPrefix("arguments:") else {
            return (ShortcodeDefinition(arguments: nil, takesInner: false, requiresInner: false), [])
        }
        var definition = ShortcodeDefinition(arguments: [], takesInner: false, requiresInner: false)
        var diagnostics: [Diagnostic] = []
        for word in comment.dropFirst("arguments:".count).split(whereSeparator: { $0.isWhitespace || $0 == "," }) {
            var word = String(word)
            let optional = word.hasSuffix("?")
            if optional { word.removeLast() }
            let parts = word.split(separator: ":", maxSplits: 1).map(String.init)
            guard let name = parts.first, !name.isEmpty else { continue }
            if name == "inner" {
                definition.takesInner = true
                definition.requiresInner = !optional
                continue
            }
            let kindName = parts.count > 1 ? parts[1] : "text"
            guard let kind = Kind(rawValue: kindName) else {
                diagnostics.append(.error(at: SourceLocation(file: source.file, line: 1, column: 1),
                                          "the argument `\(name)` has the unknown type `\(kindName)`",
                                          hint: "use one of: \(Kind.allCases.map(\.rawValue).joined(separator: ", "))"))
                continue
            }
            definition.arguments?.append(Argument(name: name, kind: kind, required: !optional))
        }
        return (definition, diagnostics)
    }
}
