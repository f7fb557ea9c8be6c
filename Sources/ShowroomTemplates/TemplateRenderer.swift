import Foundation
import Mustache
import ShowroomCore
import ShowroomWorkspace

/// One site's templates, compiled once: the site's overrides, then its kind's set, then `base`,
/// merged by name into a single precompiled `MustacheLibrary` and rendered many times.
public struct TemplateRenderer: Sendable {
    private let library: MustacheLibrary
    /// Where each template name came from, after the lookup chain.
    public let sources: [String: TemplateSource]

    /// The layouts every site needs.
    public static let requiredLayouts = ["home", "section", "page", "404"]

    /// Merges `chain` (highest precedence first) and compiles it. Syntax errors, missing required layouts
    /// and references to partials or parents that do not exist are all reported.
    public static func compile(chain: [[String: TemplateSource]], siteID: String) -> (TemplateRenderer?, [Diagnostic]) {
        var merged: [String: TemplateSource] = [:]
        for set in chain.reversed() {
            for (name, source) in set { merged[name] = source }
        }
        var diagnostics: [Diagnostic] = []
        var library = MustacheLibrary()
        FastHTMLEscaping.register()
        for name in merged.keys.sorted() {
            let source = merged[name]!
            do {
                let template = try MustacheTemplate(string: FastHTMLEscaping.pragma + source.text)
                library.register(template, named: name)
            } catch let error as MustacheTemplate.ParserError {
                // The pragma sits in front of line 1, so columns on that line are shifted by its length.
                let line = error.context.lineNumber
                let column = line == 1 ? max(1, error.context.columnNumber - FastHTMLEscaping.pragma.count) : error.context.columnNumber
                diagnostics.append(.error(
                    at: SourceLocation(file: source.file, line: line, column: column),
                    "template syntax error: \(describe(error.error)) in `\(error.context.line.trimmingCharacters(in: .whitespaces))`",
                    hint: "check that every {{#section}} has a matching {{/section}} and every tag is closed with }}"))
            } catch {
                diagnostics.append(.error(at: SourceLocation(file: source.file), "template syntax error: \(error)"))
            }
            diagnostics += checkReferences(in: source, known: merged)
        }
        for layout in requiredLayouts where merged[layout] == nil {
            diagnostics.append(.error(at: SourceLocation(file: "templates/base"), "site `\(siteID)` has no `\(layout)` template",
                                      hint: "add templates/base/\(layout).mustache"))
        }
        if diagnostics.hasErrors { return (nil, diagnostics) }
        return (TemplateRenderer(library: library, sources: merged), diagnostics)
    }

    public func has(_ name: String) -> Bool { sources[name] != nil }

    /// Renders the template `name` with `context` (dictionaries and `MustacheParent` values).
    public func render(_ name: String, context: Any) -> String {
        library.render(context, withTemplate: name) ?? ""
    }

    /// Finds `{{> name}}` and `{{< name}}` that name no template, with their line and column.
    static func checkReferences(in source: TemplateSource, known: [String: TemplateSource]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var line = 1
        for text in source.text.split(separator: "\n", omittingEmptySubsequences: false) {
            var search = text[...]
            while let open = search.range(of: "{{") {
                let rest = search[open.upperBound...]
                guard let marker = rest.first, marker == ">" || marker == "<",
                      let close = rest.range(of: "}}") else {
                    search = rest
                    continue
                }
                let name = rest[rest.index(after: rest.startIndex)..<close.lowerBound].trimmingCharacters(in: .whitespaces)
                if !name.isEmpty, !name.hasPrefix("*"), known[name] == nil {
                    let column = text.distance(from: text.startIndex, to: open.lowerBound) + 1
                    let what = marker == ">" ? "partial" : "parent layout"
                    diagnostics.append(.error(at: SourceLocation(file: source.file, line: line, column: column),
                                              "the \(what) `\(name)` does not exist",
                                              hint: "create a template named `\(name).mustache` or correct the name"))
                }
                search = rest[close.upperBound...]
            }
            line += 1
        }
        return diagnostics
    }

    private static func describe(_ error: Error) -> String {
        switch error as? MustacheTemplate.Error {
        case .sectionCloseNameIncorrect?: return "a section is closed with a different name than it was opened with"
        case .unfinishedName?: return "a tag is not closed with }}"
        case .expectedSectionEnd?: return "a section is opened but never closed"
        case .invalidSetDelimiter?: return "invalid delimiter change"
        default: return "\(error)"
        }
    }
}

/// HTML escaping for `{{value}}` through `HTMLEscaping` (ShowroomCore), which scans UTF-8 bytes.
/// swift-mustache's built-in escaper looks every Character up in a dictionary, which made it a tenth of a
/// build's time; every template starts with a pragma that selects this one instead. It escapes the same
/// five characters.
enum FastHTMLEscaping {
    static let name = "SHOWROOMHTML"
    static let pragma = "{{% CONTENT_TYPE: \(name)}}"

    private static let registration: Void = {
        MustacheContentTypes.register(ContentType(), named: name)
    }()

    static func register() { _ = registration }

    struct ContentType: MustacheContentType {
        func escapeText(_ text: String) -> String { HTMLEscaping.escape(text) }
    }
}
