import Foundation
import ShowroomCore

/// The frame every studio screen is drawn in: the header with the screen's links and the language switch, the
/// screen's content, the stylesheet and the script (both served by the studio, so the pages need no inline
/// code and the Content-Security-Policy can forbid it).
struct StudioPage: Sendable {
    /// The words of the interface, in the chosen language.
    var strings: StudioStrings
    var language: StudioLanguage
    /// The session's CSRF token, for forms and the script; nil before a login.
    var csrf: String?
    /// The path and query of the screen, for the language switch to come back to.
    var here: String

    /// A whole page: `title` in the browser's tab and as the heading, `content` below it.
    func render(title: String, content: String) -> String {
        let switchLinks = StudioLanguage.allCases.filter { $0 != language }.map { other in
            "<a href=\"\(escaped(Self.withQuery(here, "lang", other.rawValue)))\" lang=\"\(other.rawValue)\">\(other.name)</a>"
        }.joined(separator: " ")
        let navigation = csrf == nil ? "" : """
            <nav aria-label="\(escaped(strings.studio))"><a href="/_studio/">\(escaped(strings.fleet))</a> \
            <a href="/_studio/assets">\(escaped(strings.assetLibrary))</a> <a href="/_studio/data">\(escaped(strings.sharedData))</a> <a href="/_studio/publish">\(escaped(strings.publish))</a> \(switchLinks)</nav>
            """
        return """
            <!DOCTYPE html>
            <html lang="\(language.rawValue)"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            \(csrf.map { "<meta name=\"studio-csrf\" content=\"\(escaped($0))\">" } ?? "")
            <title>\(escaped(title)) · \(escaped(strings.studio))</title>
            <link rel="stylesheet" href="/_studio/studio.css"><script src="/_studio/studio.js" defer></script></head>
            <body><header><strong>\(escaped(strings.studio))</strong> \(navigation)</header>
            <main><h1>\(escaped(title))</h1>
            \(content)
            </main></body></html>
            """
    }

    /// A hidden field with the CSRF token, for every form that changes something.
    var csrfField: String { "<input type=\"hidden\" name=\"csrf\" value=\"\(escaped(csrf ?? ""))\">" }

    /// `path` with `name=value` set in its query.
    static func withQuery(_ path: String, _ name: String, _ value: String) -> String {
        var components = URLComponents(string: path) ?? URLComponents()
        var items = (components.queryItems ?? []).filter { $0.name != name }
        items.append(URLQueryItem(name: name, value: value))
        components.queryItems = items
        return components.string ?? path
    }

    /// A problem as the screens list it: where, what, and the fix.
    static func problem(_ diagnostic: Diagnostic) -> String {
        let place = diagnostic.location.map { "<code>\(escaped($0.description))</code> " } ?? ""
        let fix = diagnostic.hint.map { "<br><span class=\"fix\">fix: \(escaped($0))</span>" } ?? ""
        return "<li class=\"\(diagnostic.severity.rawValue)\">\(place)<span>\(diagnostic.severity.rawValue): \(escaped(diagnostic.message))</span>\(fix)</li>"
    }

    /// A link to `path` with `query` percent-encoded.
    static func link(_ path: String, _ query: [(String, String)]) -> String {
        var components = URLComponents()
        components.path = path
        components.queryItems = query.map { URLQueryItem(name: $0.0, value: $0.1) }
        return components.string ?? path
    }
}

/// HTML-escapes `text` for text and quoted attributes.
func escaped(_ text: String) -> String { HTMLEscaping.escape(text) }
