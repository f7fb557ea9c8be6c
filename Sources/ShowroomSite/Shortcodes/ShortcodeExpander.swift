import Foundation
import ShowroomCore
import ShowroomMarkdown
import ShowroomTemplates

/// Expands the shortcodes of one page's Markdown. Before cmark parses the body, each shortcode (with its content,
/// for a paired one) is cut out and a placeholder token put in its place; the shortcode's template renders with its
/// arguments, its content (Markdown, expanded the same way) as `inner`, and the page's context; after cmark, the
/// rendered HTML takes the token's place (a token alone in a paragraph takes the paragraph's place).
///
/// A token is as long as the single-line shortcode it replaces, so later columns on its line stay right, and the
/// lines a multi-line shortcode spanned are counted back (`Expansion.originalLine`), so every error in the body,
/// from the shortcodes or from cmark, keeps its place in the file.
struct ShortcodeExpander {
    /// Renders Markdown into HTML; its second argument maps a line of the text given to a line of the page's body,
    /// its third gives the text each placeholder shows (for headings' ids and titles).
    typealias Markdown = (String, (Int) -> Int, [String: String]) -> RenderedMarkdown

    let build: SiteBuild
    /// The page's file and the line its body starts at.
    let file: String
    let bodyLine: Int
    /// The page's context stack (the page's own value without content).
    let frames: [TemplateValue]
    private(set) var diagnostics: [Diagnostic] = []
    /// Assets the shortcodes' arguments name, with where.
    private(set) var assetReferences: [String: [SourceLocation]] = [:]
    private var tokenCount = 0

    init(build: SiteBuild, file: String, bodyLine: Int, frames: [TemplateValue]) {
        self.build = build
        self.file = file
        self.bodyLine = bodyLine
        self.frames = frames
    }

    /// The page's body as HTML, shortcodes expanded.
    mutating func render(_ body: String, markdown: Markdown) -> RenderedMarkdown {
        let expansion = expand(body, firstLine: 1, markdown: markdown)
        let rendered = markdown(expansion.markdown, { expansion.originalLine($0) }, expansion.shownText)
        return RenderedMarkdown(html: expansion.substitute(in: rendered.html), headings: rendered.headings)
    }

    /// Markdown with its shortcodes replaced by tokens, and what each token stands for.
    struct Expansion {
        var markdown: String
        var replacements: [(token: String, html: String)] = []
        /// After the line `line` of the expanded text, `shift` more lines of the original text were cut out.
        var lineShifts: [(line: Int, shift: Int)] = []
        /// The line of the original text a line of the expanded one was.
        var firstLine: Int

        func originalLine(_ line: Int) -> Int {
            firstLine - 1 + line + lineShifts.reduce(0) { $1.line < line ? $0 + $1.shift : $0 }
        }

        /// The text each placeholder's shortcode shows, for a heading that holds one.
        var shownText: [String: String] {
            Dictionary(replacements.map { ($0.token, HTMLEscaping.plainText($0.html)) }, uniquingKeysWith: { first, _ in first })
        }

        func substitute(in html: String) -> String {
            var html = html
            for (token, rendered) in replacements {
                html = html.replacingOccurrences(of: "<p>\(token)</p>\n", with: rendered.hasSuffix("\n") ? rendered : rendered + "\n")
                html = html.replacingOccurrences(of: token, with: rendered)
            }
            return html
        }
    }

    /// `text` starts at line `firstLine` of the page's body.
    private mutating func expand(_ text: String, firstLine: Int, markdown: Markdown) -> Expansion {
        var scanner = ShortcodeScanner(text)
        scanner.scan()
        for error in scanner.errors {
            diagnostics.append(.error(at: location(line: error.line, column: error.column, firstLine: firstLine), error.message, hint: error.hint))
        }
        let bytes = Array(text.utf8)
        let tags = scanner.tags
        var output: [UInt8] = []
        var expansion = Expansion(markdown: "", firstLine: firstLine)
        var cursor = 0
        var removedLines = 0
        var index = 0
        while index < tags.count {
            let tag = tags[index]
            let at = location(line: tag.line, column: tag.column, firstLine: firstLine)
            guard !tag.isClosing else {
                diagnostics.append(.error(at: at, "`\(tag.written)` closes no shortcode that takes content",
                                          hint: "remove it, or open it before with {{< \(tag.name) >}}"))
                index += 1
                continue
            }
            guard let definition = build.templates.shortcodes[tag.name] else {
                let known = build.templates.shortcodes.keys.sorted()
                diagnostics.append(.error(
                    at: at, "there is no shortcode `\(tag.name)`",
                    hint: NameSuggestion.nearest(to: tag.name, among: known).map { "did you mean `\($0)`?" }
                        ?? "add templates/base/shortcodes/\(tag.name).mustache\(known.isEmpty ? "" : ", or use one of: \(known.joined(separator: ", "))")"))
                index += 1
                continue
            }
            var closing: Int? = nil
            if definition.takesInner {
                var depth = 0
                for later in tags.indices.dropFirst(index + 1) where tags[later].name == tag.name {
                    if !tags[later].isClosing {
                        depth += 1
                    } else if depth == 0 {
                        closing = later
                        break
                    } else {
                        depth -= 1
                    }
                }
            }
            if definition.requiresInner, closing == nil {
                diagnostics.append(.error(at: at, "`\(tag.written)` is never closed",
                                          hint: "end its content with {{< /\(tag.name) >}}"))
                index += 1
                continue
            }
            let end = closing.map { tags[$0].end } ?? tag.end
            let endLine = closing.map { tags[$0].endLine } ?? tag.endLine
            var inner: String? = nil
            if let closing {
                let content = String(decoding: bytes[tag.end..<tags[closing].start], as: UTF8.self)
                inner = fragment(content, firstLine: firstLine + tag.endLine - 1, markdown: markdown)
            }
            let html = render(tag, definition, inner: inner, firstLine: firstLine)

            output += bytes[cursor..<tag.start]
            tokenCount += 1
            let token = Self.token(tokenCount, length: endLine == tag.line ? end - tag.start : 0)
            output += Array(token.utf8)
            expansion.replacements.append((token, html))
            if endLine > tag.line {
                expansion.lineShifts.append((tag.line - removedLines, endLine - tag.line))
                removedLines += endLine - tag.line
            }
            cursor = end
            index = (closing ?? index) + 1
        }
        output += bytes[cursor...]
        expansion.markdown = String(decoding: output, as: UTF8.self)
        return expansion
    }

    /// A shortcode's content as HTML: Markdown, its own shortcodes expanded; content on one line gives no paragraph.
    private mutating func fragment(_ content: String, firstLine: Int, markdown: Markdown) -> String {
        let expansion = expand(content, firstLine: firstLine, markdown: markdown)
        var html = expansion.substitute(in: markdown(expansion.markdown, { expansion.originalLine($0) }, expansion.shownText).html)
        if !content.contains("\n"), html.hasPrefix("<p>"), html.hasSuffix("</p>\n") {
            html = String(html.dropFirst(3).dropLast(5))
        }
        return html
    }

    /// A token of letters cmark leaves as they are: private-use characters around the number, padded with dashes
    /// to `length` bytes when it can be.
    private static func token(_ number: Int, length: Int) -> String {
        let core = "\u{E000}\(number)\u{E001}"
        let padding = max(0, length - core.utf8.count)
        return "\u{E000}" + String(repeating: "-", count: padding) + "\(number)\u{E001}"
    }

    private func location(line: Int, column: Int, firstLine: Int) -> SourceLocation {
        SourceLocation(file: file, line: bodyLine + firstLine + line - 2, column: column)
    }

    /// Renders the shortcode's template, or writes nothing when an argument is wrong.
    private mutating func render(_ tag: ShortcodeTag, _ definition: ShortcodeDefinition, inner: String?, firstLine: Int) -> String {
        var arguments = ShortcodeArguments(tag: tag, definition: definition, build: build, file: file, lineOffset: bodyLine + firstLine - 2)
        arguments.resolve()
        diagnostics += arguments.diagnostics
        for (id, locations) in arguments.assetReferences { assetReferences[id, default: []] += locations }
        guard !arguments.diagnostics.hasErrors else { return "" }
        var members = arguments.values
        if let inner { members.append(("inner", .text(inner))) }
        let rendering = build.templates.library.render(SiteTemplates.shortcodePrefix + tag.name, stack: frames + [.map(TemplateMap(members))])
        diagnostics += rendering.diagnostics
        // The template's last line end would be a space where the shortcode stands inside a sentence.
        var html = Substring(rendering.text)
        while html.hasSuffix("\n") { html.removeLast() }
        return String(html)
    }
}
