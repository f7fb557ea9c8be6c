import ShowroomTemplates
import ShowroomWorkspace

/// `404.html`, from the `404` layout.
struct NotFoundPage: SiteOutput {
    static let url = "/404.html"

    /// The `page` value the 404 layout sees. A visitor who followed a broken link wants the way back, not a
    /// booking form, so the 404 page never carries one.
    static func pageValue(site: SiteConfig) -> TemplateValue {
        ["title": "404", "url": .text(url), "kind": "404", "permalink": .text(SitePage.permalink(site: site, url: "/404.html")),
         "booking": false]
    }

    func write(_ build: SiteBuild) -> OutputResult {
        var result = OutputResult()
        let file = build.templates.sources["404"]?.file ?? "404"
        let rendering = build.templates.library.render(
            "404", stack: build.scope.frames(url: Self.url, page: Self.pageValue(site: build.site), pages: nil))
        result.diagnostics += rendering.diagnostics
        let written = build.writer.write(rendering.bytes, url: Self.url, outputPath: "404.html", sourceFile: file, templateFile: file)
        result.diagnostics += written.diagnostics
        result.files += written.ok ? 1 : 0
        for id in written.assets.sorted() {
            result.uses.append(UsageIndex.Use(asset: id, site: build.site.id, page: Self.url, file: file, line: nil, column: nil))
        }
        return result
    }
}
