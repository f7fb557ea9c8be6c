import ShowroomCore
import ShowroomTemplates
import ShowroomWorkspace

/// One site's templates, compiled once: the site's overrides, then its kind's set, then `base`, merged by
/// name, with the `asset` and `download` helpers bound to the site. Templates below a `shortcodes/` folder are
/// the site's shortcodes, each with the arguments its opening comment declares.
struct SiteTemplates: Sendable {
    let library: TemplateLibrary
    /// By shortcode name (`video` for the template `shortcodes/video`).
    let shortcodes: [String: ShortcodeDefinition]

    /// The layouts every site needs.
    static let requiredLayouts = ["home", "section", "page", "404"]

    /// Merges `chain` (highest precedence first) and compiles it. Syntax errors, missing required layouts
    /// and references to partials or parents that do not exist are all reported.
    static func compile(chain: [[String: TemplateSource]], site: SiteConfig, values: SiteValues) -> (SiteTemplates?, [Diagnostic]) {
        var merged: [String: TemplateSource] = [:]
        for set in chain.reversed() {
            for (name, source) in set { merged[name] = source }
        }
        let library = values.library
        let downloadBase = "\(values.collector)/dl/"
        let siteID = site.id
        let helpers: [String: TemplateLibrary.Helper] = [
            "asset": { id in library.prepared[id]?.path ?? "" },
            "download": { id in library.prepared[id] != nil ? "\(downloadBase)\(id)?site=\(siteID)" : "" },
        ]
        var (compiled, diagnostics) = TemplateLibrary.compile(merged.keys.sorted().map { merged[$0]! }, helpers: helpers)
        for layout in requiredLayouts where merged[layout] == nil {
            diagnostics.append(.error(at: SourceLocation(file: "templates/base"), "site `\(site.id)` has no `\(layout)` template",
                                      hint: "add templates/base/\(layout).mustache"))
        }
        var shortcodes: [String: ShortcodeDefinition] = [:]
        for name in merged.keys.sorted() where name.hasPrefix(Self.shortcodePrefix) {
            let (definition, problems) = ShortcodeDefinition.read(merged[name]!)
            shortcodes[String(name.dropFirst(Self.shortcodePrefix.count))] = definition
            diagnostics += problems
        }
        guard let compiled, !diagnostics.hasErrors else { return (nil, diagnostics) }
        return (SiteTemplates(library: compiled, shortcodes: shortcodes), diagnostics)
    }

    /// Shortcode templates are named `shortcodes/<name>`.
    static let shortcodePrefix = "shortcodes/"

    var sources: [String: TemplateSource] { library.sources }

    func has(_ name: String) -> Bool { library.has(name) }

    /// `{{#asset}}id{{/asset}}` and `{{#download}}id{{/download}}` in the templates, with their locations.
    func assetReferences() -> [String: [SourceLocation]] {
        var references: [String: [SourceLocation]] = [:]
        for call in library.helperCalls() { references[call.argument, default: []].append(call.location) }
        return references.mapValues { $0.sorted() }
    }
}
