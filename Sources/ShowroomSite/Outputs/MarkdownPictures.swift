import Foundation
import ShowroomCore

/// `![alt](asset:id)` naming a raster photo, written as the `picture` partial writes it (`<picture>` with the web
/// sizes, lazy), with the Markdown's alt text. cmark-gfm writes an `<img>` for the image (its safe mode leaves out
/// raw HTML); the tags whose `src` is a photo's file are replaced once the page's Markdown is HTML.
struct MarkdownPictures {
    /// Output path (`/assets/aurora-hero.3f2a9c1b0d4e.jpg`) → asset id, for the photos the Markdown shows.
    private(set) var photos: [String: String] = [:]

    /// Records that the Markdown shows the photo `id` at `path`.
    mutating func add(_ id: String, path: String) { photos[path] = id }

    /// `html` with each `<img src="…" alt="…" />` of a recorded photo replaced by the `picture` partial.
    func apply(to html: String, values: SiteValues, templates: SiteTemplates) -> (html: String, diagnostics: [Diagnostic]) {
        guard !photos.isEmpty, templates.has("picture") else { return (html, []) }
        var result = ""
        var diagnostics: [Diagnostic] = []
        var rest = html[...]
        while let start = rest.range(of: "<img src=\"") {
            result += rest[..<start.lowerBound]
            let afterSource = rest[start.upperBound...]
            guard let sourceEnd = afterSource.firstIndex(of: "\""), let id = photos[String(afterSource[..<sourceEnd])],
                  let tagEnd = afterSource.range(of: " />")
            else {
                result += rest[start]
                rest = afterSource
                continue
            }
            let attributes = afterSource[afterSource.index(after: sourceEnd)..<tagEnd.lowerBound]
            let alt = Self.attribute("alt", in: attributes).map(Self.unescape) ?? ""
            if let object = values.assetObject(id, alt: alt) {
                let rendering = templates.library.render("picture", stack: [object])
                diagnostics += rendering.diagnostics
                result += rendering.text.trimmingCharacters(in: .whitespacesAndNewlines)
            }
            rest = afterSource[tagEnd.upperBound...]
        }
        result += rest
        return (result, diagnostics)
    }

    /// The value of ` name="…"` in a tag's attribute text, as written (escaped).
    private static func attribute(_ name: String, in attributes: Substring) -> Substring? {
        guard let start = attributes.range(of: " \(name)=\"") else { return nil }
        let value = attributes[start.upperBound...]
        return value.firstIndex(of: "\"").map { value[..<$0] }
    }

    /// cmark-gfm's escaping undone, so the template escapes the text once.
    private static func unescape(_ text: Substring) -> String {
        text.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
