import ShowroomCore
import ShowroomTemplates
import ShowroomWorkspace

/// `booking/thanks/index.html`, from the `thanks` layout: the frame, in the site's own look, in which the collector
/// answers a booking form sent without JavaScript (the thank-you page naming the dealer, or what to correct).
///
/// The answer names the dealer the collector chose, which a static page cannot know, so the collector fills the
/// frame: it puts its answer where the layout writes `answerSlot` and points relative links at the site's own
/// address. Written for sites with `booking: true` whose template chain has a `thanks` layout (`templates/base`
/// has one; a site or kind overrides it like any layout).
struct BookingAnswerPage: SiteOutput {
    static let url = "/booking/thanks/"
    static let outputPath = "booking/thanks/index.html"
    /// Where the collector puts its answer; the layout must keep it (docs/booking.md).
    static let answerSlot = "<!--showroom:booking-answer-->"

    /// The `page` value the `thanks` layout sees: no booking form (the visitor has just sent it).
    static func pageValue(site: SiteConfig) -> TemplateValue {
        ["title": .text(site.title), "url": .text(url), "kind": "thanks", "permalink": .text(SitePage.permalink(site: site, url: url)),
         "booking": .bool(false)]
    }

    func write(_ build: SiteBuild) -> OutputResult {
        var result = OutputResult()
        guard build.site.booking, build.templates.has("thanks") else { return result }
        let file = build.templates.sources["thanks"]?.file ?? "thanks"
        let rendering = build.templates.library.render(
            "thanks", stack: build.scope.frames(url: Self.url, page: Self.pageValue(site: build.site), pages: nil))
        result.diagnostics += rendering.diagnostics
        if !rendering.text.contains(Self.answerSlot) {
            result.diagnostics.append(.error(at: SourceLocation(file: file), "the `thanks` layout has no place for the booking answer",
                                             hint: "keep the line `\(Self.answerSlot)` where the thank-you text should go"))
            return result
        }
        let written = build.writer.write(rendering.bytes, url: Self.url, outputPath: Self.outputPath, sourceFile: file, templateFile: file)
        result.diagnostics += written.diagnostics
        result.files += written.ok ? 1 : 0
        for id in written.assets.sorted() {
            result.uses.append(UsageIndex.Use(asset: id, site: build.site.id, page: Self.url, file: file, line: nil, column: nil))
        }
        return result
    }
}
