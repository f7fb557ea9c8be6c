import Foundation
import ShowroomCore
import ShowroomTemplates
import ShowroomWorkspace

/// The key of each content page's output: a hash of everything its rendering can read, so that a page whose
/// key and used assets are those of the previous build can keep the file that build wrote.
///
/// What a page can read is what its layout (with its partials and parents) names: `{{data.prices…}}` reads the
/// `prices` data file and no other, `{{t.bookTestDrive}}` one string, `{{#sections}}` every section's page
/// list. The key combines the hashes of those values, the page's own value and text, and what every page of the
/// site shares (the engine, site.yaml, showroom.yaml, the tracking snippet, the picture partial). Shortcodes can
/// read anything their templates name, so a page with shortcodes also depends on those names.
struct PageKeys: Sendable {
    /// What one layout's pages depend on beyond the page itself.
    struct Layout: Sendable {
        var key: StableHash
        /// Whether it reads `menus` or `site`, whose values differ between pages by their active menu items.
        var readsPageMenus: Bool
        /// Whether it reads `pages`, a list page's own pages.
        var readsPages: Bool
    }

    let base: StableHash
    private let layouts: [String: Layout]
    private let shortcodes: Layout
    /// Each page's value (its summary), hashed.
    private let summaries: [StableHash]
    private let scope: SiteScope
    private let pages: [SitePage]
    private let root: String

    init(site: SiteConfig, inputs: FleetInputs, pages: [SitePage], scope: SiteScope, templates: SiteTemplates, snippet: String,
         alertTitles: [String]) {
        self.scope = scope
        self.pages = pages
        root = inputs.workspace.root.standardizedFileURL.path
        summaries = ConcurrentMap.map(scope.summaries) { $0.stableHash }
        var hasher = StableHasher()
        hasher.combineBuild(of: site, inputs: inputs, snippet: snippet)
        // Hashed before the workspace was read, so an edit made while it builds counts as a change next time.
        hasher.combine(inputs.sourceHashes.sites[site.id] ?? StableHasher.hash(UUID().uuidString))
        hasher.combine(inputs.sourceHashes.fleet)
        for title in alertTitles { hasher.combine(title) }
        // The picture partial renders the photos a page's Markdown shows, from the asset alone.
        if templates.has("picture") { Self.combineTemplates(templates.library.reads(of: "picture").templates, of: templates, into: &hasher) }
        let references = templates.assetReferences()
        for id in references.keys.sorted() {
            hasher.combine(id)
            hasher.combine(inputs.library.fingerprints[id] ?? StableHash(high: 0, low: 0))
        }
        base = hasher.finalize()

        var memberHashes: [String: StableHash] = [:]
        var layouts: [String: Layout] = [:]
        for layout in Set(pages.map(SiteBuilder.layout(of:))) where templates.has(layout) {
            layouts[layout] = Self.layout(templates.library.reads(of: layout), templates: templates, scope: scope, library: inputs.library,
                                          memberHashes: &memberHashes)
        }
        self.layouts = layouts
        var shortcodeReads = TemplateReads()
        for name in templates.shortcodes.keys {
            let reads = templates.library.reads(of: SiteTemplates.shortcodePrefix + name)
            shortcodeReads.templates.formUnion(reads.templates)
            shortcodeReads.paths.formUnion(reads.paths)
            shortcodeReads.readsWholeContext = shortcodeReads.readsWholeContext || reads.readsWholeContext
            shortcodeReads.hasComputedHelpers = shortcodeReads.hasComputedHelpers || reads.hasComputedHelpers
        }
        // A `model` or `spec` argument reads `data.models` and the site's strings directly, not through the template.
        if !templates.shortcodes.isEmpty {
            shortcodeReads.paths.insert(["data"])
            shortcodeReads.paths.insert(["t"])
            shortcodeReads.wholeReads.formUnion(["data", "t"])
        }
        shortcodes = Self.layout(shortcodeReads, templates: templates, scope: scope, library: inputs.library, memberHashes: &memberHashes)
    }

    /// The key of the page at `index`; nil when the page cannot be keyed (its layout is missing, or a file of its
    /// bundle changed too recently for its stamp to tell a later change apart).
    func key(of index: Int) -> StableHash? {
        let page = pages[index]
        guard let layout = layouts[SiteBuilder.layout(of: page)] else { return nil }
        let source = page.source
        let hasShortcodes = source.body.utf8.contains(UInt8(ascii: "{")) && source.body.contains("{{<")
        var hasher = StableHasher()
        hasher.combine(base)
        hasher.combine(layout.key)
        hasher.combine(source.sourceHash)
        hasher.combine(source.file)
        hasher.combine(source.contentPath)
        hasher.combine(page.url)
        hasher.combine(summaries[index])
        if layout.readsPageMenus || hasShortcodes { hasher.combine(scope.menuHash(url: page.url)) }
        if page.kind != .page, layout.readsPages || hasShortcodes {
            for listed in scope.listedIndexes(by: page) { hasher.combine(summaries[listed]) }
        }
        if hasShortcodes { hasher.combine(shortcodes.key) }
        if !source.bundleFiles.isEmpty {
            let folder = root + "/" + (source.file as NSString).deletingLastPathComponent + "/"
            for file in source.bundleFiles {
                guard let stamp = FileStamp(path: folder + file), !stamp.isRecent(within: ReuseRules.trustedAge) else { return nil }
                hasher.combine(file)
                hasher.combine(stamp)
            }
        }
        return hasher.finalize()
    }

    /// What a layout (or the shortcodes together) depends on: its templates' text and the shared values it names.
    private static func layout(_ reads: TemplateReads, templates: SiteTemplates, scope: SiteScope, library: AssetLibrary,
                               memberHashes: inout [String: StableHash]) -> Layout {
        var hasher = StableHasher()
        combineTemplates(reads.templates, of: templates, into: &hasher)
        if case .map(let shared) = scope.shared {
            for key in shared.keys where reads.reads(key.name) {
                let value = shared[key.name]!
                hasher.combine(key.name)
                if let fields = reads.itemMembers(of: key.name) {
                    // Only walked by sections whose bodies name these members of each item (a footer listing the
                    // sections' titles does not read their page lists).
                    Self.combine(value, projectedOn: fields, into: &hasher)
                } else if let members = reads.members(of: key.name), case .map(let inner) = value {
                    for member in members.sorted() {
                        hasher.combine(member)
                        if let memberValue = inner[member] { memberValue.stableHash(into: &hasher) } else { hasher.combine(UInt64(0)) }
                    }
                } else {
                    if memberHashes[key.name] == nil { memberHashes[key.name] = value.stableHash }
                    hasher.combine(memberHashes[key.name]!)
                }
            }
        }
        if reads.hasComputedHelpers { hasher.combine(library.wholeFingerprint) }
        return Layout(key: hasher.finalize(), readsPageMenus: reads.reads("menus") || reads.reads("site"), readsPages: reads.reads("pages"))
    }

    /// `value` as a section over it shows it to a body that names only `fields`: each item's (or the map's)
    /// members of those names; anything else whole.
    private static func combine(_ value: TemplateValue, projectedOn fields: Set<String>, into hasher: inout StableHasher) {
        func project(_ map: TemplateMap) {
            hasher.combine(UInt64(0xB1))
            for key in map.keys where fields.contains(key.name) {
                hasher.combine(key.name)
                map[key.name]!.stableHash(into: &hasher)
            }
        }
        switch value {
        case .list(let items):
            hasher.combine(items.count)
            for item in items {
                if case .map(let map) = item { project(map) } else { item.stableHash(into: &hasher) }
            }
        case .map(let map): project(map)
        default: value.stableHash(into: &hasher)
        }
    }

    private static func combineTemplates(_ names: Set<String>, of templates: SiteTemplates, into hasher: inout StableHasher) {
        for name in names.sorted() {
            guard let source = templates.sources[name] else { continue }
            hasher.combine(name)
            hasher.combine(source.file)
            hasher.combine(source.text)
        }
    }

}
