import ShowroomCore
import ShowroomTemplates
import ShowroomWorkspace
import Testing

/// The name and file every test template is compiled under; partials are compiled as `<name>.mustache`.
let testTemplateName = "test"
let testTemplateFile = "test.mustache"

/// Compiles `template` (named `test`, file `test.mustache`) together with one template per partial.
func compile(_ template: String, partials: [String: String] = [:]) -> (TemplateLibrary?, [Diagnostic]) {
    var sources = [TemplateSource(name: testTemplateName, file: testTemplateFile, text: template)]
    for (name, text) in partials.sorted(by: { $0.key < $1.key }) {
        sources.append(TemplateSource(name: name, file: "\(name).mustache", text: text))
    }
    return TemplateLibrary.compile(sources)
}

/// Compiles `template` with `partials` and renders it with `data` as the root context.
/// Fails the calling test (at its own line) when the templates do not compile.
func render(
    _ template: String,
    _ data: TemplateValue = [:],
    partials: [String: String] = [:],
    sourceLocation: Testing.SourceLocation = #_sourceLocation
) throws -> String {
    let (library, diagnostics) = compile(template, partials: partials)
    let compiled = try #require(
        library,
        "the templates did not compile:\n\(diagnostics.map(\.description).joined(separator: "\n"))",
        sourceLocation: sourceLocation)
    return compiled.render(testTemplateName, with: data).text
}

/// The first error among `diagnostics`, failing the calling test when there is none.
func firstError(
    in diagnostics: [Diagnostic],
    sourceLocation: Testing.SourceLocation = #_sourceLocation
) throws -> Diagnostic {
    try #require(diagnostics.first { $0.severity == .error }, "expected an error diagnostic, got \(diagnostics)",
                 sourceLocation: sourceLocation)
}

/// The three tag forms that interpolate a value: escaped, triple mustache and ampersand.
enum InterpolationTag: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case escaped
    case triple
    case ampersand

    /// The tag for `name` in this form, e.g. `{{&name}}`.
    func tag(_ name: String, padded: Bool = false) -> String {
        let inner = padded ? " \(name) " : name
        switch self {
        case .escaped: return "{{\(inner)}}"
        case .triple: return "{{{\(inner)}}}"
        case .ampersand: return "{{&\(inner)}}"
        }
    }

    /// The forms that never escape.
    static let unescaped: [InterpolationTag] = [.triple, .ampersand]

    var testDescription: String { rawValue }
}
