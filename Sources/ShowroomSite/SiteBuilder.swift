import Foundation
import ShowroomCore
import ShowroomHTML
import ShowroomMarkdown
import ShowroomTemplates
import ShowroomWorkspace

/// What building one site produced, whether or not it succeeded.
public struct SiteResult: Sendable {
    public var siteID: String
    public var pages: Int
    public var files: Int
    public var diagnostics: [Diagnostic]
    public var uses: [UsageIndex.Use]
    /// Output names of the assets placed in the site's output, by asset id.
    public var assetFiles: [String: String]
    /// Every workspace file the site was built from (for `showroom affected`).
    public var inputs: [String]
    public var seconds: Double
    /// The site's build record (`.showroom/sites/<id>.json`), encoded while other sites still build.
    var record: Data? = nil
}

/// What the whole fleet shares while its sites build: the workspace, prepared assets, mounted content.
struct FleetInputs: Sendable {
    var workspace: Workspace
    var library: AssetLibrary
    /// Shared pages by mount folder (every folder and sub-folder of `shared/content`).
    var sharedPages: [String: [PageSource]]
    var trackingScript: String
    /// Hostnames of every site, for the snippet's cross-site visitor id.
    var fleetHosts: [String]
    var now: Date
    var includeDrafts: Bool
}

/// Builds one site into a staging folder: pages, list pages, 404, aliases, feeds, sitemap, robots.txt and
/// the assets it uses. It never touches the live output; the fleet build swaps the folder in on success.
struct SiteBuilder {
    let site: SiteConfig
    let inputs: FleetInputs
    /// The tracking snippet's `<script>` element for this site, made once.
    private let snippet: String

    init(site: SiteConfig, inputs: FleetInputs) {
        self.site = site
        self.inputs = inputs
        let attributes = [
            ("data-site", site.id), ("data-collector", inputs.workspace.fleet.collector), ("data-consent", site.consent),
            ("data-fleet", inputs.fleetHosts.joined(separator: ",")),
        ].map { " \($0.0)=\"\(HTMLEscaping.escape($0.1))\"" }.joined()
        snippet = "<script \(HTMLRewriter.snippetMarker)\(attributes)>\(inputs.trackingScript)</script>"
    }

    private var workspace: Workspace { inputs.workspace }

    func build(into folder: URL) -> SiteResult {
        let started = Date()
        var diagnostics: [Diagnostic] = []
        func finish(pages: Int = 0, files: Int = 0, uses: [UsageIndex.Use] = [], assetFiles: [String: String] = [:], inputs: [String] = []) -> SiteResult {
            SiteResult(siteID: site.id, pages: pages, files: files, diagnostics: diagnostics, uses: uses,
                       assetFiles: assetFiles, inputs: inputs, seconds: Date().timeIntervalSince(started))
        }

        // Templates: site overrides, then the kind's set, then base.
        let (overrides, overrideDiagnostics) = Workspace.loadTemplates(root: workspace.root, folder: "\(site.folder)/templates")
        diagnostics += overrideDiagnostics
        let chain = [overrides, workspace.templateSets[site.kind.rawValue] ?? [:], workspace.templateSets["base"] ?? [:]]
        let (compiled, templateDiagnostics) = TemplateRenderer.compile(chain: chain, siteID: site.id)
        diagnostics += templateDiagnostics

        let (pages, pageDiagnostics) = SitePages.collect(site: site, workspace: workspace, sharedPages: inputs.sharedPages,
                                                         now: inputs.now, includeDrafts: inputs.includeDrafts)
        diagnostics += pageDiagnostics
        guard let renderer = compiled, !diagnostics.hasErrors else { return finish() }

        var values = SiteValues(site: site, library: inputs.library, collector: workspace.fleet.collector)
        let base = baseContext(pages: pages, renderer: renderer, values: &values)
        diagnostics += values.diagnostics
        let templateReferences = Self.templateAssetReferences(renderer.sources.values)
        for (id, locations) in templateReferences where inputs.library.prepared[id] == nil {
            for location in locations { diagnostics.append(values.unknownAsset(id, at: location)) }
        }

        // Every page (Markdown, template, post-processing, write) on every core in one pass: list pages need
        // only their children's titles and summaries, which the base context already holds.
        let summaries = base.pageValues
        let folderPath = folder.standardizedFileURL.path
        let rendered = ConcurrentMap.map(Array(pages.indices)) { index in
            renderPage(pages[index], base: base, summaries: summaries, renderer: renderer, values: values,
                       templateReferences: templateReferences, into: folderPath)
        }
        var uses: [UsageIndex.Use] = []
        var usedAssets: Set<String> = []
        var files = 0
        for result in rendered {
            diagnostics += result.diagnostics
            uses += result.uses
            usedAssets.formUnion(result.uses.map(\.asset))
            files += result.written ? 1 : 0
        }

        // The 404 page, alias redirects, feeds, sitemap and robots.txt.
        let extras = writeExtras(pages: pages, base: base, renderer: renderer, into: folderPath)
        diagnostics += extras.diagnostics
        files += extras.files
        for use in extras.uses where !usedAssets.contains(use.asset) {
            uses.append(use)
            usedAssets.insert(use.asset)
        }

        diagnostics += licenceDiagnostics(uses: uses)

        var assetFiles: [String: String] = [:]
        for id in usedAssets.sorted() {
            guard let prepared = inputs.library.prepared[id] else { continue }
            do {
                try inputs.library.place(prepared, in: folder)
                assetFiles[id] = prepared.outputName
                files += 1
            } catch {
                diagnostics.append(.error(at: SourceLocation(file: "assets/files/\(prepared.asset.file)"),
                                          "cannot place the asset in the output: \(error.localizedDescription)"))
            }
        }

        var inputFiles = Set(pages.map(\.source.file))
        inputFiles.insert("\(site.folder)/site.yaml")
        inputFiles.formUnion(renderer.sources.values.map(\.file))
        inputFiles.formUnion(workspace.data.values.map(\.location.file))
        if let strings = workspace.i18n[site.locale] ?? workspace.i18n["en"] { inputFiles.insert(strings.location.file) }
        inputFiles.formUnion(["showroom.yaml", "assets/catalog.yaml"])
        inputFiles.formUnion(usedAssets.compactMap { inputs.library.prepared[$0].map { "assets/files/\($0.asset.file)" } })
        return finish(pages: pages.count, files: files, uses: uses.sorted { ($0.asset, $0.page, $0.file) < ($1.asset, $1.page, $1.file) },
                      assetFiles: assetFiles, inputs: inputFiles.sorted())
    }

    // MARK: - Context

    struct BaseContext {
        var values: [String: Any]
        /// Template values of every page (without content), by URL.
        var pageValues: [String: [String: Any]]
        var menus: [String: [MenuItem]]
        var menuNames: [String]
        var menuVariants: MenuVariants
        var sections: [[String: Any]]
        var pagesBySection: [String: [[String: Any]]]
        var allPages: [[String: Any]]
        var newestDate: Date?
    }

    /// The menu values built so far, by the pattern of `active` flags they carry (shared by the page threads).
    final class MenuVariants: @unchecked Sendable {
        private let lock = NSLock()
        private var variants: [[Bool]: (menus: Any, site: Any)] = [:]

        func value(for signature: [Bool], make: () -> (menus: Any, site: Any)) -> (menus: Any, site: Any) {
            lock.withLock {
                if let variant = variants[signature] { return variant }
                let variant = make()
                variants[signature] = variant
                return variant
            }
        }
    }

    private func baseContext(pages: [SitePage], renderer: TemplateRenderer, values: inout SiteValues) -> BaseContext {
        var data: [String: Any] = [:]
        for (name, node) in workspace.data { data[name] = values.value(node) }
        let newest = pages.compactMap(\.source.date).max()
        var siteValue: [String: Any] = [
            "id": site.id, "title": site.title, "kind": site.kind.rawValue, "baseURL": site.baseURL,
            "locale": site.locale, "lang": site.locale, "booking": site.booking, "consent": site.consent,
            "isBrand": site.kind == .brand, "isProduct": site.kind == .product, "isStore": site.kind == .store,
            "year": newest.map { SiteValues.civil($0).0 } ?? 2026,
            "collector": workspace.fleet.collector,
        ]
        if let theme = site.theme { siteValue["theme"] = values.value(theme) }
        if let params = site.params { siteValue["params"] = values.value(params) }
        if let brand = site.brand { siteValue["brand"] = brand }
        if let model = site.model { siteValue["model"] = model }

        var context: [String: Any] = ["site": siteValue, "data": data]
        if let brand = site.brand, var record = Self.record(id: brand, in: data["brands"]) {
            record["models"] = ((data["models"] as? [Any]) ?? []).compactMap { $0 as? [String: Any] }
                .filter { ($0["brand"] as? String) == brand }
            context["brand"] = record
        }
        if let model = site.model, let record = Self.record(id: model, in: data["models"]) { context["model"] = record }
        if let strings = workspace.i18n[site.locale] ?? workspace.i18n["en"] { context["t"] = values.value(strings) }
        // The booking form's field rules, the same ones the collection service checks.
        context["booking"] = BookingRules.templateValues()
        let library = inputs.library
        let downloadBase = "\(values.collector)/dl/"
        let siteID = site.id
        context["asset"] = TemplateHelper.make { id in library.prepared[id]?.path ?? "" }
        context["download"] = TemplateHelper.make { id in
            library.prepared[id] != nil ? "\(downloadBase)\(id)?site=\(siteID)" : ""
        }

        var pageValues: [String: [String: Any]] = [:]
        var pageValueList: [[String: Any]] = []
        var sectionMembers: [String: [Int]] = [:]
        var regular: [Int] = []
        let sectionTitles = Dictionary(pages.filter { $0.kind == .section }.map { ($0.section, $0.source.title) }, uniquingKeysWith: { a, _ in a })
        for (index, page) in pages.enumerated() {
            var value = pageValue(page, values: &values)
            if var section = value["section"] as? [String: Any] {
                section["title"] = sectionTitles[page.section] ?? page.section.capitalized
                value["section"] = section
            }
            if let modelID = value["model"] as? String, let record = Self.record(id: modelID, in: data["models"]) {
                value["model"] = record
            }
            pageValues[page.url] = value
            pageValueList.append(value)
            if page.kind == .page {
                sectionMembers[page.section, default: []].append(index)
                regular.append(index)
            }
        }
        // Sorting indexes over small keys: sorting the pages themselves copied whole `SitePage`s on every swap.
        let keys = pages.map { SortKey(weight: $0.source.weight, date: $0.source.date ?? .distantPast, title: $0.source.title,
                                       url: $0.source.url ?? $0.url) }
        func ordered(_ members: [Int]) -> [[String: Any]] {
            members.sorted { a, b in
                let keyA = keys[a], keyB = keys[b]
                if keyA.weight != keyB.weight { return keyA.weight < keyB.weight }
                if keyA.date != keyB.date { return keyA.date > keyB.date }
                return keyA.title < keyB.title
            }.map { pageValueList[$0] }
        }
        let sectionPages = sectionMembers.mapValues(ordered)
        let sections: [[String: Any]] = pages.filter { $0.kind == .section && !$0.section.isEmpty }
            .map { page in
                ["name": page.section, "title": page.source.title, "url": page.url,
                 "pages": sectionPages[page.section] ?? [], "description": page.source.description as Any]
            }
        context["sections"] = sections
        let newestFirst = regular.sorted { (keys[$0].date, keys[$1].url) > (keys[$1].date, keys[$0].url) }.map { pageValueList[$0] }
        context["recent"] = Array(newestFirst.prefix(3))
        return BaseContext(values: context, pageValues: pageValues, menus: site.menus, menuNames: site.menus.keys.sorted(),
                           menuVariants: MenuVariants(), sections: sections, pagesBySection: sectionPages, allPages: newestFirst,
                           newestDate: newest)
    }

    /// What list pages are ordered by.
    private struct SortKey {
        var weight: Int
        var date: Date
        var title: String
        var url: String
    }

    private func pageValue(_ page: SitePage, values: inout SiteValues) -> [String: Any] {
        let source = page.source
        var value: [String: Any] = [:]
        if let front = source.frontMatter.pairs {
            for (key, node) in front where !PageSource.knownKeys.contains(key) { value[key] = values.value(node) }
        }
        // Empty text is left out rather than set to "", so `{{#page.description}}` guards work.
        value["title"] = source.title
        if let description = source.description, !description.isEmpty { value["description"] = description }
        let summary = (value["summary"] as? String) ?? source.description ?? Summary.from(markdown: source.body)
        value["summary"] = summary.isEmpty ? nil : summary
        value["url"] = page.url
        value["permalink"] = site.baseURL + page.url.dropFirst()
        value["kind"] = page.kind.rawValue
        value["isHome"] = page.kind == .home
        value["isSection"] = page.kind == .section
        value["tags"] = source.tags
        value["weight"] = source.weight
        value["section"] = ["name": page.section, "url": page.section.isEmpty ? "/" : "/\(page.section)/"]
        if let params = source.params { value["params"] = values.value(params) }
        if let date = source.date {
            value["date"] = SiteValues.isoDay(date)
            value["dateDisplay"] = SiteValues.formatDate(date, locale: site.locale)
        }
        return value
    }

    private static func record(id: String, in list: Any?) -> [String: Any]? {
        (list as? [Any])?.compactMap { $0 as? [String: Any] }.first { ($0["id"] as? String) == id }
    }

    /// The `menus` and `site` values for a page at `url`: only the menu items' `active` flags differ between
    /// pages, so each combination of flags is built once per site and shared by every page that has it.
    private func menuValues(for url: String, base: BaseContext) -> (menus: Any, site: Any) {
        var signature: [Bool] = []
        for name in base.menuNames {
            for item in base.menus[name] ?? [] { signature.append(item.isActive(at: url)) }
        }
        return base.menuVariants.value(for: signature) {
            let menus = base.menus.mapValues { items in
                items.map { item -> [String: Any] in ["title": item.title, "url": item.url, "active": item.isActive(at: url)] }
            }
            var siteValue = base.values["site"] as? [String: Any] ?? [:]
            siteValue["menus"] = menus
            return (menus, siteValue)
        }
    }

    /// The template context of one page.
    private func scope(url: String, page: Any, pages: [[String: Any]]?, base: BaseContext) -> TemplateScope {
        let (menus, siteValue) = menuValues(for: url, base: base)
        var own: [String: Any] = ["page": page, "menus": menus, "site": siteValue]
        if let pages { own["pages"] = pages }
        return TemplateScope(shared: base.values, own: own)
    }

    // MARK: - Pages

    struct PageOutcome {
        var diagnostics: [Diagnostic] = []
        var uses: [UsageIndex.Use] = []
        var written = false
    }

    private func renderPage(_ page: SitePage, base: BaseContext, summaries: [String: [String: Any]], renderer: TemplateRenderer,
                            values: SiteValues, templateReferences: [String: [SourceLocation]], into folder: String) -> PageOutcome {
        var outcome = PageOutcome()
        let source = page.source
        var ownReferences: [String: [SourceLocation]] = [:]
        if let front = source.frontMatter.pairs {
            for (_, node) in front { Self.collectAssetReferences(node, into: &ownReferences) }
        }

        // Markdown, with `asset:` links and images resolved.
        let library = inputs.library
        var markdownDiagnostics: [Diagnostic] = []
        let content = MarkdownRenderer.render(source.body) { reference in
            guard reference.url.hasPrefix("asset:") else { return nil }
            let id = String(reference.url.dropFirst("asset:".count))
            let location = SourceLocation(file: source.file, line: source.bodyLine + reference.line - 1, column: reference.column)
            guard let prepared = library.prepared[id] else {
                markdownDiagnostics.append(values.unknownAsset(id, at: location))
                return ""
            }
            ownReferences[id, default: []].append(location)
            if !reference.isImage && prepared.asset.downloadable { return values.downloadURL(id) }
            return prepared.path
        }
        outcome.diagnostics += markdownDiagnostics

        // Template.
        let layout = source.layout ?? page.kind.rawValue
        guard renderer.has(layout) else {
            outcome.diagnostics.append(.error(
                at: source.frontMatter["layout"]?.location ?? SourceLocation(file: source.file, line: 1, column: 1),
                "the layout `\(layout)` does not exist for site `\(site.id)`",
                hint: "use one of: \(renderer.sources.keys.sorted().joined(separator: ", ")), or add templates/base/\(layout).mustache"))
            return outcome
        }
        let pageValue = TemplateScope(shared: summaries[page.url] ?? [:], own: ["content": content])
        let pages = page.kind == .home ? base.allPages : base.pagesBySection[page.section] ?? []
        let html = renderer.render(layout, context: scope(url: page.url, page: pageValue, pages: pages, base: base))

        // Post-processing and output.
        let written = postProcessAndWrite(html, url: page.url, outputPath: page.outputPath, sourceFile: source.file,
                                          templateFile: renderer.sources[layout]?.file ?? layout, into: folder)
        outcome.diagnostics += written.diagnostics
        outcome.written = written.ok
        for id in written.assets.sorted() {
            let location = ownReferences[id]?.first ?? templateReferences[id]?.first ?? values.references[id]?.first
                ?? SourceLocation(file: source.file)
            outcome.uses.append(UsageIndex.Use(asset: id, site: site.id, page: page.url, file: location.file,
                                         line: location.line, column: location.column))
        }
        return outcome
    }

    struct WriteOutcome {
        var ok: Bool
        var assets: Set<String>
        var diagnostics: [Diagnostic]
    }

    /// Adds the tracking snippet, image sizes and download attributes, then writes the page.
    private func postProcessAndWrite(_ html: String, url: String, outputPath: String, sourceFile: String, templateFile: String,
                                     into folder: String) -> WriteOutcome {
        let library = inputs.library
        let collector = workspace.fleet.collector
        let rewriter = HTMLRewriter(
            snippet: snippet,
            imageSize: { src in
                guard src.hasPrefix("/assets/"), let id = library.idsByOutputName[String(src.dropFirst(8))],
                      let asset = library.prepared[id], let width = asset.width, let height = asset.height
                else { return nil }
                return (width, height)
            },
            linkAttributes: { href in
                guard href.hasPrefix("\(collector)/dl/") else { return [] }
                let rest = href.dropFirst(collector.count + 4)
                let id = rest.prefix { $0 != "?" && $0 != "/" }
                return [("data-asset", String(id))]
            },
            markers: AssetLibrary.referenceMarkers(collector: collector))
        switch rewriter.rewrite(html) {
        case .failure(.noHead):
            return WriteOutcome(ok: false, assets: [], diagnostics: [.error(
                at: SourceLocation(file: sourceFile), "the page \(url) has no <head>, so the tracking snippet cannot be added",
                hint: "make the layout \(templateFile) (or its parent) start with <html><head>…</head>")])
        case .failure(.duplicateSnippet(let count)):
            return WriteOutcome(ok: false, assets: [], diagnostics: [.error(
                at: SourceLocation(file: sourceFile), "the page \(url) carries the tracking snippet \(count) times",
                hint: "remove the snippet from \(templateFile); the build adds it to every page")])
        case .success(let final):
            let assets = library.assetIDs(fromReferences: final.references)
            do {
                try PosixFile.write(final.bytes, toPath: folder + "/" + outputPath)
                return WriteOutcome(ok: true, assets: assets, diagnostics: [])
            } catch {
                return WriteOutcome(ok: false, assets: assets, diagnostics: [.error(
                    at: SourceLocation(file: sourceFile), "cannot write \(outputPath): \(error.message)")])
            }
        }
    }

    // MARK: - 404, aliases, feeds, sitemap, robots.txt

    private func writeExtras(pages: [SitePage], base: BaseContext, renderer: TemplateRenderer, into folder: String)
        -> (files: Int, uses: [UsageIndex.Use], diagnostics: [Diagnostic]) {
        var files = 0
        var uses: [UsageIndex.Use] = []
        var diagnostics: [Diagnostic] = []

        let context = scope(url: "/404.html", page: ["title": "404", "url": "/404.html", "kind": "404", "permalink": site.baseURL + "404.html"] as [String: Any],
                            pages: nil, base: base)
        let notFound = postProcessAndWrite(renderer.render("404", context: context), url: "/404.html", outputPath: "404.html",
                                           sourceFile: renderer.sources["404"]?.file ?? "404", templateFile: renderer.sources["404"]?.file ?? "404",
                                           into: folder)
        diagnostics += notFound.diagnostics
        files += notFound.ok ? 1 : 0
        for id in notFound.assets.sorted() {
            uses.append(UsageIndex.Use(asset: id, site: site.id, page: "/404.html", file: renderer.sources["404"]?.file ?? "", line: nil, column: nil))
        }

        let pageURLs = Set(pages.map(\.url))
        for page in pages {
            for alias in page.source.aliases {
                let (path, output) = SitePage.aliasOutput(alias)
                if pageURLs.contains(path) {
                    diagnostics.append(.error(at: page.source.frontMatter["aliases"]?.location ?? SourceLocation(file: page.source.file),
                                              "the alias \(path) is also the URL of a page",
                                              hint: "remove the alias or move the other page"))
                    continue
                }
                let target = HTMLEscaping.escape(page.url)
                let html = "<!DOCTYPE html><html lang=\"\(HTMLEscaping.escape(site.locale))\"><head><meta charset=\"utf-8\"><title>\(HTMLEscaping.escape(page.source.title))</title><link rel=\"canonical\" href=\"\(HTMLEscaping.escape(site.baseURL + page.url.dropFirst()))\"><meta name=\"robots\" content=\"noindex\"><meta http-equiv=\"refresh\" content=\"0; url=\(target)\"></head><body><p><a href=\"\(target)\">\(HTMLEscaping.escape(page.source.title))</a></p></body></html>\n"
                let written = postProcessAndWrite(html, url: path, outputPath: output, sourceFile: page.source.file,
                                                  templateFile: "alias", into: folder)
                diagnostics += written.diagnostics
                files += written.ok ? 1 : 0
            }
        }

        for page in pages where page.kind == .section && page.source.feed {
            let entries = (base.pagesBySection[page.section] ?? []).sorted { ($0["date"] as? String ?? "") > ($1["date"] as? String ?? "") }
            let xml = Feed.atom(site: site, section: page, entries: Array(entries.prefix(50)))
            do {
                try PosixFile.write(xml, toPath: folder + page.url + "index.xml")
                files += 1
            } catch {
                diagnostics.append(.error(at: SourceLocation(file: page.source.file), "cannot write the feed: \(error.message)"))
            }
        }

        let sitemap = Feed.sitemap(site: site, pages: pages)
        let robots = "User-agent: *\nAllow: /\n\nSitemap: \(site.baseURL)sitemap.xml\n"
        do {
            try PosixFile.write(sitemap, toPath: folder + "/sitemap.xml")
            try PosixFile.write(robots, toPath: folder + "/robots.txt")
            files += 2
        } catch {
            diagnostics.append(.error(at: site.location, "cannot write sitemap.xml or robots.txt: \(error.message)"))
        }
        return (files, uses, diagnostics)
    }

    // MARK: - Assets

    /// Expired licences are errors wherever the asset is used; licences ending soon are warnings.
    private func licenceDiagnostics(uses: [UsageIndex.Use]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var seen: Set<String> = []
        let warningWindow = TimeInterval(workspace.fleet.licenceWarningDays) * 86400
        for use in uses where !seen.contains(use.asset) {
            seen.insert(use.asset)
            guard let asset = inputs.library.prepared[use.asset]?.asset, let expiry = asset.licenceExpiry else { continue }
            let location = SourceLocation(file: use.file, line: use.line, column: use.column)
            let day = SiteValues.isoDay(expiry)
            if expiry <= inputs.now {
                diagnostics.append(.error(at: location, "the licence of asset `\(asset.id)` expired on \(day), but page \(use.page) of \(site.id) uses it",
                                          hint: "renew the licence (and update `licenceExpiry` in assets/catalog.yaml) or stop using the asset"))
            } else if expiry.timeIntervalSince(inputs.now) <= warningWindow {
                diagnostics.append(.warning(at: location, "the licence of asset `\(asset.id)` ends on \(day); page \(use.page) of \(site.id) uses it",
                                            hint: "renew the licence or plan a replacement"))
            }
        }
        return diagnostics
    }

    /// `asset:` strings inside a YAML value, with their locations.
    static func collectAssetReferences(_ node: YAMLNode, into references: inout [String: [SourceLocation]]) {
        switch node.value {
        case .scalar(let text, _) where text.hasPrefix("asset:"):
            references[String(text.dropFirst(6)), default: []].append(node.location)
        case .sequence(let items): for item in items { collectAssetReferences(item, into: &references) }
        case .mapping(let pairs): for pair in pairs { collectAssetReferences(pair.value, into: &references) }
        default: break
        }
    }

    /// `{{#asset}}id{{/asset}}` and `{{#download}}id{{/download}}` in templates, with their locations.
    static func templateAssetReferences(_ sources: Dictionary<String, TemplateSource>.Values) -> [String: [SourceLocation]] {
        var references: [String: [SourceLocation]] = [:]
        for source in sources.sorted(by: { $0.file < $1.file }) {
            var line = 1
            for text in source.text.split(separator: "\n", omittingEmptySubsequences: false) {
                for helper in ["asset", "download"] {
                    var search = text[...]
                    while let open = search.range(of: "{{#\(helper)}}") {
                        let rest = search[open.upperBound...]
                        guard let close = rest.range(of: "{{/\(helper)}}") else { break }
                        let id = rest[..<close.lowerBound].trimmingCharacters(in: .whitespaces)
                        if !id.contains("{{") {
                            let column = text.distance(from: text.startIndex, to: open.lowerBound) + 1
                            references[id, default: []].append(SourceLocation(file: source.file, line: line, column: column))
                        }
                        search = rest[close.upperBound...]
                    }
                }
                line += 1
            }
        }
        return references
    }
}
