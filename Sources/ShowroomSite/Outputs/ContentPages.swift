import ShowroomCore
import ShowroomMarkdown
import ShowroomWorkspace

/// Every page of the site: Markdown (with its table of contents and alerts titled in the site's language), then its
/// layout, then post-processing, on every core in one pass (list pages need only their children's summaries, which
/// the scope already holds).
struct ContentPages: SiteOutput {
    func write(_ build: SiteBuild) -> OutputResult {
        let alertTitles = Self.alertTitles(build)
        let outcomes = ConcurrentMap.map(Array(build.pages.indices)) { index in render(index, build, alertTitles: alertTitles) }
        var result = OutputResult()
        for outcome in outcomes { result += outcome }
        return result
    }

    /// The titles of Markdown alerts in the site's language: `alertNote`, `alertTip`, … of its i18n file (English
    /// where it has none).
    static func alertTitles(_ build: SiteBuild) -> [MarkdownAlert: String] {
        alertTitles(locale: build.site.locale, workspace: build.inputs.workspace)
    }

    static func alertTitles(locale: String, workspace: Workspace) -> [MarkdownAlert: String] {
        let i18n = workspace.i18n
        guard let strings = i18n[locale] ?? i18n["en"] else { return [:] }
        var titles: [MarkdownAlert: String] = [:]
        for kind in MarkdownAlert.allCases {
            if let title = strings["alert" + kind.englishTitle]?.scalarText, !title.isEmpty { titles[kind] = title }
        }
        return titles
    }

    private func render(_ index: Int, _ build: SiteBuild, alertTitles: [MarkdownAlert: String]) -> OutputResult {
        var result = OutputResult()
        let page = build.pages[index]
        let source = page.source
        let key = build.reuse?.keys.key(of: index)
        if let reuse = build.reuse, let key, let reused = reuse.reuse(page, key: key, in: build) { return reused }
        var usedCatalog = false
        var ownReferences: [String: [SourceLocation]] = [:]
        if let front = source.frontMatter.pairs {
            for (_, node) in front { SiteBuilder.collectAssetReferences(node, into: &ownReferences) }
        }

        // Markdown, with its shortcodes expanded and `asset:` links and images resolved.
        let library = build.inputs.library
        let values = build.values
        var markdownDiagnostics: [Diagnostic] = []
        var pictures = MarkdownPictures()
        let bundleFiles = Set(source.bundleFiles)
        let isBundle = source.isBundle
        let listed = page.kind == .page ? [] : build.scope.listed(by: page)
        var shortcodes = ShortcodeExpander(build: build, file: source.file, bodyLine: source.bodyLine,
                                           frames: build.scope.frames(url: page.url, page: build.scope.summaries[index], pages: listed))
        let renderedMarkdown = shortcodes.render(source.body) { markdown, bodyLine, shownText in
            MarkdownRenderer.render(markdown, alertTitles: alertTitles, shownText: shownText) { reference in
                let location = SourceLocation(file: source.file, line: source.bodyLine + bodyLine(reference.line) - 1, column: reference.column)
                guard let id = AssetReference.id(in: reference.url) else {
                    if reference.isImage { usedCatalog = true }
                    if reference.isImage, let problem = ImageByPath.problem(reference.url, at: location, page: source.file, isBundle: isBundle,
                                                                            catalog: build.inputs.workspace.catalog) {
                        markdownDiagnostics.append(problem)
                    } else if isBundle, let file = PageBundle.file(referencedBy: reference.url), !bundleFiles.contains(file) {
                        markdownDiagnostics.append(PageBundle.missingFile(file, at: location, folder: source.file))
                    }
                    return nil
                }
                guard let prepared = library.prepared[id] else {
                    markdownDiagnostics.append(values.unknownAsset(id, at: location))
                    return ""
                }
                ownReferences[id, default: []].append(location)
                if !reference.isImage && prepared.asset.downloadable { return values.downloadURL(id) }
                if reference.isImage, prepared.photo != nil { pictures.add(id, path: prepared.path) }
                return prepared.path
            }
        }
        var rendered = renderedMarkdown
        let withPictures = pictures.apply(to: rendered.html, values: values, templates: build.templates)
        rendered.html = withPictures.html
        markdownDiagnostics += withPictures.diagnostics
        result.diagnostics += shortcodes.diagnostics + markdownDiagnostics
        for (id, locations) in shortcodes.assetReferences { ownReferences[id, default: []] += locations }

        // The layout.
        let layout = SiteBuilder.layout(of: page)
        guard build.templates.has(layout) else {
            result.diagnostics.append(.error(
                at: source.frontMatter["layout"]?.location ?? SourceLocation(file: source.file, line: 1, column: 1),
                "the layout `\(layout)` does not exist for site `\(build.site.id)`",
                hint: "use one of: \(build.templates.sources.keys.sorted().joined(separator: ", ")), or add templates/base/\(layout).mustache"))
            return result
        }
        let pageValue = PageContext.rendering(build.scope.summaries[index], content: rendered)
        let rendering = build.templates.library.render(layout, stack: build.scope.frames(url: page.url, page: pageValue, pages: listed))
        result.diagnostics += rendering.diagnostics

        // Post-processing and output.
        let templateFile = build.templates.sources[layout]?.file ?? layout
        let written = build.writer.write(rendering.bytes, url: page.url, outputPath: page.outputPath, sourceFile: source.file,
                                         templateFile: templateFile)
        result.diagnostics += written.diagnostics
        result.files += written.ok ? 1 : 0
        if written.ok, !source.bundleFiles.isEmpty {
            let copied = PageBundle.place(source, in: page.outputFolder, of: build.writer.files, root: build.inputs.workspace.root)
            result.diagnostics += copied.diagnostics
            result.files += copied.files
        }
        for id in written.assets.sorted() { result.uses.append(Self.use(of: id, on: page, namedAt: ownReferences[id]?.first, in: build)) }
        result.rendered = 1
        if let reuse = build.reuse, let key, written.ok, !result.diagnostics.hasErrors {
            var assets: [String: StableHash] = [:]
            for id in Set(ownReferences.keys).union(written.assets) { assets[id] = library.fingerprints[id] ?? StableHash(high: 0, low: 0) }
            if usedCatalog { assets[PageReuse.catalogEntry] = reuse.catalogHash }
            result.pageRecords.append((page.outputPath, ReuseRecord.Page(
                key: key, assets: assets, written: written.assets.sorted().map { ($0, ownReferences[$0]?.first) }, diagnostics: result.diagnostics)))
        }
        return result
    }

    /// The usage row of asset `id` on `page`, placed where the page itself names it, else where a template or a
    /// shared value does, else at the page's file.
    static func use(of id: String, on page: SitePage, namedAt own: SourceLocation?, in build: SiteBuild) -> UsageIndex.Use {
        let location = own ?? build.templateReferences[id]?.first ?? build.values.references[id]?.first
            ?? SourceLocation(file: page.source.file)
        return UsageIndex.Use(asset: id, site: build.site.id, page: page.url, file: location.file, line: location.line, column: location.column)
    }

    /// The files a content page's output has: its `index.html` and its bundle's files.
    static func files(of page: SitePage) -> [String] {
        [page.outputPath] + page.source.bundleFiles.filter { LinkRules.staysInside(relativePath: $0) }.map { page.outputFolder + $0 }
    }
}
