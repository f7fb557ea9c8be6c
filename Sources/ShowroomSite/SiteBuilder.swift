import Foundation
import ShowroomCore
import ShowroomHTML
import ShowroomMarkdown
import ShowroomTemplates
import ShowroomWorkspace

/// What building one site produced, whether or not it succeeded.
public struct SiteResult: Sendable {
    /// The site's id, its folder under `sites/`.
    public var siteID: String
    /// How many pages the site has (its own, mounted and generated list pages); 0 when it stopped before rendering.
    public var pages: Int
    /// How many files the build made for the site: pages, feeds, the sitemap, robots.txt and placed assets.
    public var files: Int
    /// The site's problems; with any error among them the site's previous output stays live.
    public var diagnostics: [Diagnostic]
    /// Every place the site's pages use a library asset, for the site's build record.
    package var uses: [UsageIndex.Use]
    /// Output names of the assets placed in the site's output, by asset id.
    package var assetFiles: [String: String]
    /// Every workspace file the site was built from (for `showroom affected`).
    public var inputs: [String]
    /// How long the site took to build.
    public var seconds: Double
    /// The site's `baseURL`.
    public var baseURL = ""
    /// Which workspace file each HTML page was made from: output path (`news/launch/index.html`, an alias's
    /// redirect page too) → source file. Filled by builds with an `OutputInspector` only, so that a check
    /// can point at the file a marketer edits.
    public var pageFiles: [String: String] = [:]
    /// Content pages rendered by this build.
    public var rendered = 0
    /// Content pages whose previous output this build kept.
    public var reused = 0
    /// Whether the whole site was kept as the previous build left it (nothing it is made from changed); its
    /// `uses`, `assetFiles` and `inputs` are then empty here and stay in its build record.
    public var unchanged = false
    /// The first moment after the build at which the output would differ (a scheduled page appears or
    /// expires, a licence warning starts or ends); nil when none is scheduled.
    var validUntil: Date? = nil
    /// The content pages' entries for the site's next reuse record.
    var pageRecords: [(String, ReuseRecord.Page)] = []
    /// Every file of the site's output, for the reuse record: what a later build in place removes when it no
    /// longer makes it.
    var outputs: Set<String> = []
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
    /// With `--baseURL`: each built site's own address and its one-off one, so links between them follow.
    var addressChanges: [BaseURLOverride.Change] = []
    var now: Date
    var includeDrafts: Bool
    /// Pages already read, when the build is one of many in the same process (serve).
    var pageCache: Workspace.PageCache? = nil
    /// Hashes of files taken before the workspace was read, for the build records.
    var sourceHashes = SourceHashes()
}

/// Builds one site into a staging folder: prepares its templates, pages and template values, checks every
/// name the layouts use, then runs each output in turn (pages, 404, aliases, feeds, sitemap, robots.txt)
/// and places the assets they use. It never touches the live output; the fleet build swaps the folder in
/// on success.
struct SiteBuilder {
    let site: SiteConfig
    let inputs: FleetInputs
    /// The previous build's reuse record and the live output folder it describes; nil for a cold build.
    var previous: (record: ReuseRecord, live: String)? = nil

    /// What the site writes, in order.
    static let outputs: [any SiteOutput] = [
        ContentPages(), NotFoundPage(), BookingAnswerPage(), AliasPages(), SectionFeeds(), Sitemap(), RobotsFile(),
    ]

    private var workspace: Workspace { inputs.workspace }

    func build(into output: SiteFiles) -> SiteResult {
        let started = Date()
        var diagnostics: [Diagnostic] = []
        func finish(pages: Int = 0, files: Int = 0, uses: [UsageIndex.Use] = [], assetFiles: [String: String] = [:], inputs: [String] = []) -> SiteResult {
            var result = SiteResult(siteID: site.id, pages: pages, files: files, diagnostics: diagnostics, uses: uses,
                                    assetFiles: assetFiles, inputs: inputs, seconds: Date().timeIntervalSince(started))
            result.baseURL = site.baseURL
            return result
        }

        // Templates: site overrides, then the kind's set, then base.
        var values = SiteValues(site: site, library: inputs.library, collector: workspace.fleet.collector)
        let (overrides, overrideDiagnostics) = Workspace.loadTemplates(root: workspace.root, folder: "\(site.folder)/templates")
        diagnostics += overrideDiagnostics
        let chain = [overrides, workspace.templateSets[site.kind.rawValue] ?? [:], workspace.templateSets["base"] ?? [:]]
        let (compiled, templateDiagnostics) = SiteTemplates.compile(chain: chain, site: site, values: values)
        diagnostics += templateDiagnostics

        let (pages, pageDiagnostics, nextChange) = SitePages.collect(site: site, workspace: workspace, sharedPages: inputs.sharedPages,
                                                                     now: inputs.now, includeDrafts: inputs.includeDrafts, cache: inputs.pageCache)
        diagnostics += pageDiagnostics
        guard let templates = compiled, !diagnostics.hasErrors else { return finish() }

        let scope = SiteScope(site: site, pages: pages, workspace: workspace, now: inputs.now, values: &values)
        diagnostics += values.diagnostics
        let templateReferences = templates.assetReferences()
        for (id, locations) in templateReferences.sorted(by: { $0.key < $1.key }) where inputs.library.prepared[id] == nil {
            for location in locations { diagnostics.append(values.unknownAsset(id, at: location)) }
        }
        diagnostics += checkNames(templates: templates, pages: pages, scope: scope)
        guard !diagnostics.hasErrors else { return finish() }

        let writer = PageWriter(site: site, inputs: inputs, files: output)
        var reuse: PageReuse? = nil
        if output.inspector == nil {
            let alertTitles = ContentPages.alertTitles(locale: site.locale, workspace: workspace)
            let keys = PageKeys(site: site, inputs: inputs, pages: pages, scope: scope, templates: templates, snippet: writer.snippet,
                                alertTitles: MarkdownAlert.allCases.map { alertTitles[$0] ?? "" })
            reuse = PageReuse(keys: keys, previous: previous?.record, live: previous?.live, catalogHash: inputs.sourceHashes.catalog)
        }
        let build = SiteBuild(site: site, inputs: inputs, pages: pages, scope: scope, templates: templates, values: values,
                              templateReferences: templateReferences, writer: writer, reuse: reuse)
        var uses: [UsageIndex.Use] = []
        var usedAssets: Set<String> = []
        var files = 0
        var rendered = 0
        var reused = 0
        var pageRecords: [(String, ReuseRecord.Page)] = []
        for output in Self.outputs {
            let result = output.write(build)
            diagnostics += result.diagnostics
            files += result.files
            rendered += result.rendered
            reused += result.reused
            pageRecords += result.pageRecords
            // The pages' own uses all count; a later output (the 404 page) adds only assets no earlier one used.
            uses += result.uses.filter { !usedAssets.contains($0.asset) }
            usedAssets.formUnion(result.uses.map(\.asset))
        }

        diagnostics += licenceDiagnostics(uses: uses)

        var assetFiles: [String: String] = [:]
        for id in usedAssets.sorted() {
            guard let prepared = inputs.library.prepared[id] else { continue }
            do {
                try inputs.library.place(prepared, in: output)
                assetFiles[id] = prepared.outputName
                files += 1 + (prepared.photo?.files.count ?? 0)
            } catch {
                diagnostics.append(.error(at: SourceLocation(file: "assets/files/\(prepared.asset.file)"),
                                          "cannot place the asset in the output: \(error.localizedDescription)"))
            }
        }

        var inputFiles = Set(pages.map(\.source.file))
        inputFiles.insert("\(site.folder)/site.yaml")
        inputFiles.formUnion(templates.sources.values.map(\.file))
        inputFiles.formUnion(workspace.data.values.map(\.location.file))
        if let strings = workspace.i18n[site.locale] ?? workspace.i18n["en"] { inputFiles.insert(strings.location.file) }
        inputFiles.formUnion(["showroom.yaml", "assets/catalog.yaml"])
        inputFiles.formUnion(usedAssets.compactMap { inputs.library.prepared[$0].map { "assets/files/\($0.asset.file)" } })
        var result = finish(pages: pages.count, files: files, uses: uses.sorted { ($0.asset, $0.page, $0.file) < ($1.asset, $1.page, $1.file) },
                            assetFiles: assetFiles, inputs: inputFiles.sorted())
        result.rendered = rendered
        result.reused = reused
        result.pageRecords = pageRecords
        result.outputs = output.outputs
        result.validUntil = [nextChange, licenceChange(uses: uses), yearChange(newestDate: scope.newestDate),
                             feedDayChange(pages: pages, scope: scope)].compactMap { $0 }.min()
        if output.inspector != nil {
            for page in pages {
                result.pageFiles[page.outputPath] = page.source.file
                for alias in page.source.aliases { result.pageFiles[SitePage.aliasOutput(alias).outputPath] = page.source.file }
            }
        }
        return result
    }

    /// The layout a page renders with: its front matter's `layout`, else its kind's.
    static func layout(of page: SitePage) -> String {
        page.source.layout ?? page.kind.rawValue
    }

    /// Every name each layout and shortcode uses, checked against what the pages rendered with it really offer.
    private func checkNames(templates: SiteTemplates, pages: [SitePage], scope: SiteScope) -> [Diagnostic] {
        var byLayout: [String: [Int]] = [:]
        for index in pages.indices { byLayout[Self.layout(of: pages[index]), default: []].append(index) }
        var diagnostics: [Diagnostic] = []
        var shapes = SiteScope.PageShapes(count: pages.count)
        for layout in byLayout.keys.sorted() where templates.has(layout) {
            diagnostics += templates.library.check(layout, stack: scope.shape(forPagesAt: byLayout[layout]!, pages: pages, shapes: &shapes))
        }
        diagnostics += templates.library.check("404", stack: scope.shape(of: NotFoundPage.pageValue(site: site), shapes: &shapes))
        if site.booking, templates.has("thanks") {
            diagnostics += templates.library.check("thanks", stack: scope.shape(of: BookingAnswerPage.pageValue(site: site), shapes: &shapes))
        }
        // A shortcode may stand on any page: its template is checked against them all, plus its arguments.
        if !pages.isEmpty {
            let stack = scope.shape(forPagesAt: Array(pages.indices), pages: pages, shapes: &shapes)
            for name in templates.shortcodes.keys.sorted() {
                diagnostics += templates.library.check(SiteTemplates.shortcodePrefix + name,
                                                       stack: stack + [templates.shortcodes[name]!.argumentShape])
            }
        }
        var seen: Set<Diagnostic> = []
        return diagnostics.filter { seen.insert($0).inserted }
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

    /// The first moment after the build at which a used asset's licence starts to warn or expires.
    private func licenceChange(uses: [UsageIndex.Use]) -> Date? {
        let warningWindow = TimeInterval(workspace.fleet.licenceWarningDays) * 86400
        var first: Date? = nil
        for id in Set(uses.map(\.asset)) {
            guard let expiry = inputs.library.prepared[id]?.asset.licenceExpiry else { continue }
            for moment in [expiry.addingTimeInterval(-warningWindow), expiry] where moment > inputs.now {
                first = min(first ?? moment, moment)
            }
        }
        return first
    }

    /// Without dated pages `site.year` is the build's year: a day before the next year starts anywhere, the
    /// output may change.
    private func yearChange(newestDate: Date?) -> Date? {
        guard newestDate == nil else { return nil }
        let year = SiteValues.civil(inputs.now).0
        var components = DateComponents()
        (components.year, components.month, components.day) = (year + 1, 1, 1)
        return Self.utc.date(from: components)?.addingTimeInterval(-2 * 86400)
    }

    /// A feed none of whose entries has a date is dated today: the next day changes it.
    private func feedDayChange(pages: [SitePage], scope: SiteScope) -> Date? {
        let undated = pages.contains { page in
            page.kind != .page && page.source.feed && !scope.listedIndexes(by: page).contains { pages[$0].source.date != nil }
        }
        guard undated else { return nil }
        return Self.utc.nextDate(after: inputs.now, matching: DateComponents(hour: 0, minute: 0, second: 0), matchingPolicy: .nextTime)
    }

    /// The calendar the output's day and year changes are judged in (the earliest a day can change anywhere).
    private static let utc: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()

    /// `asset:` strings inside a YAML value, with their locations.
    static func collectAssetReferences(_ node: YAMLNode, into references: inout [String: [SourceLocation]]) {
        switch node.value {
        case .scalar(let text, _):
            if let id = AssetReference.id(in: text) { references[id, default: []].append(node.location) }
        case .sequence(let items): for item in items { collectAssetReferences(item, into: &references) }
        case .mapping(let pairs): for pair in pairs { collectAssetReferences(pair.value, into: &references) }
        default: break
        }
    }
}
