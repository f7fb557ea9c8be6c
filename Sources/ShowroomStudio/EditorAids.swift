import Foundation
import ShowroomWorkspace

/// What the page editor offers beside its fields: the library's photos for the `hero` and `gallery` pickers, and the
/// shortcodes of the page's site for the palette beside the Markdown.
struct EditorAids: Sendable {
    /// A photo of the library, as a picker shows it.
    struct Photo: Sendable {
        var id: String
        var title: String
    }

    /// A shortcode the site's templates offer, with the arguments its template declares
    /// (`{{! arguments: id:asset poster:asset? caption? inner? }}`).
    struct Shortcode: Sendable {
        var name: String
        /// Every declared argument as written (`id:asset`, `caption?`), for the palette's note; nil when the
        /// template declares none (it takes any).
        var declared: [String]?
        /// The arguments that must be given.
        var required: [String]
        /// Whether text between an opening and a closing tag must be given.
        var requiresInner: Bool

        /// What the palette inserts: the tag with every required argument left empty to fill in, and the closing tag
        /// when the shortcode needs text inside.
        var snippet: String {
            let arguments = required.map { " \($0)=\"\"" }.joined()
            return "{{< \(name)\(arguments) >}}" + (requiresInner ? "\n\n{{< /\(name) >}}" : "")
        }
    }

    var photos: [Photo] = []
    var shortcodes: [Shortcode] = []

    /// The library's photos and `site`'s shortcodes: the site's own templates first, then its kind's set, then `base`,
    /// as the build looks them up.
    static func load(site: String, workspace: URL) -> EditorAids {
        let (catalog, _) = AssetCatalog.load(root: workspace)
        let photos = catalog.assets.values.filter { $0.kind == .photo }.sorted { $0.id < $1.id }.map { Photo(id: $0.id, title: $0.title) }
        let (configs, _) = Workspace.loadSites(root: workspace, only: [site])
        var folders = ["sites/\(site)/templates"]
        if let kind = configs.first?.kind.rawValue { folders.append("templates/\(kind)") }
        folders.append("templates/base")
        var found: [String: Shortcode] = [:]
        for folder in folders.reversed() {
            for (name, text) in shortcodeTemplates(under: workspace.appendingPathComponent(folder)) { found[name] = read(name: name, template: text) }
        }
        return EditorAids(photos: photos, shortcodes: found.values.sorted { $0.name < $1.name })
    }

    /// The templates below a `shortcodes/` folder of `folder`, by shortcode name.
    private static func shortcodeTemplates(under folder: URL) -> [(String, String)] {
        guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil, options: [.skipsHiddenFiles]) else { return [] }
        var templates: [(String, String)] = []
        for case let url as URL in walker where url.pathExtension == "mustache" && url.deletingLastPathComponent().lastPathComponent == "shortcodes" {
            if let text = try? String(contentsOf: url, encoding: .utf8) { templates.append((url.deletingPathExtension().lastPathComponent, text)) }
        }
        return templates
    }

    /// The shortcode's declaration, read from the comment that opens its template (the engine checks it when it
    /// builds; the palette only needs the argument names).
    static func read(name: String, template: String) -> Shortcode {
        let text = template.drop { $0.isWhitespace }
        guard text.hasPrefix("{{!"), let end = text.range(of: "}}") else { return Shortcode(name: name, declared: nil, required: [], requiresInner: false) }
        let comment = text[text.index(text.startIndex, offsetBy: 3)..<end.lowerBound].trimmingCharacters(in: .whitespacesAndNewlines)
        guard comment.hasPrefix("arguments:") else { return Shortcode(name: name, declared: nil, required: [], requiresInner: false) }
        let words = comment.dropFirst("arguments:".count).split(whereSeparator: { $0.isWhitespace || $0 == "," }).map(String.init)
        let required = words.filter { !$0.hasSuffix("?") }.compactMap { $0.split(separator: ":").first.map(String.init) }
        return Shortcode(name: name, declared: words, required: required.filter { $0 != "inner" }, requiresInner: required.contains("inner"))
    }
}
