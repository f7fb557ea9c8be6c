import Foundation
import ShowroomCore
import ShowroomSite
import ShowroomTestSupport
import Testing

/// Hugo's shortcodes in a page's Markdown (`{{< cta url="…" label="…" >}}`), rendered through the templates of
/// `templates/base/shortcodes/` (the fixture holds copies of the shipped ones). Each test writes one page of the
/// fixture's `lumen` site; its body starts at line 4 of the file.
@Suite struct ShortcodeTests {
    private static let page = "sites/lumen/content/story.md"

    /// Builds the fixture with `body` as the story page's Markdown.
    private func build(_ body: String, in workspace: FixtureWorkspace? = nil) throws -> (FixtureWorkspace, BuildReport) {
        let workspace = try workspace ?? FixtureWorkspace()
        try workspace.write(Self.page, "---\ntitle: The story\n---\n" + body)
        return (workspace, workspace.build(sites: ["lumen"]))
    }

    /// The story page as built, after a build without errors.
    private func story(_ body: String, in workspace: FixtureWorkspace? = nil) throws -> String {
        let (workspace, report) = try build(body, in: workspace)
        #expect(report.succeeded, "\(report.allDiagnostics)")
        return try #require(workspace.output("lumen/story/index.html"))
    }

    private func location(_ diagnostic: Diagnostic?) -> String? {
        diagnostic.map { "\($0.location?.file ?? ""):\($0.location?.line ?? 0):\($0.location?.column ?? 0)" }
    }

    // MARK: Rendering

    @Test func aShortcodeRendersItsTemplateWithItsArguments() throws {
        let html = try story("Ready? {{< cta url=\"/booking/\" label=\"Book a drive\" >}} today.\n")
        #expect(html.contains("<p>Ready? <aside class=\"shortcode-cta\"><a class=\"btn btn-primary\" href=\"/booking/\">Book a drive</a></aside> today.</p>"))
    }

    @Test func aShortcodeAloneOnItsLineTakesThePlaceOfTheParagraph() throws {
        let html = try story("Intro.\n\n{{< cta url=\"/booking/\" label=\"Book\" >}}\n\nMore.\n")
        #expect(html.contains("<p>Intro.</p>\n<aside class=\"shortcode-cta\"><a class=\"btn btn-primary\" href=\"/booking/\">Book</a></aside>\n<p>More.</p>"))
    }

    @Test func aPairedShortcodeGetsItsContentRenderedAsMarkdown() throws {
        let html = try story("{{< cta url=\"/offers/\" label=\"See offers\" >}}\nSpring: **0 % financing**.\n{{< /cta >}}\n")
        #expect(html.contains("<div class=\"cta-text\"><p>Spring: <strong>0 % financing</strong>.</p>\n</div>"))
    }

    @Test func contentOnTheTagsLineIsNotAParagraph() throws {
        let html = try story("{{< cta url=\"/offers/\" label=\"Go\" >}}Only *today*{{< /cta >}}\n")
        #expect(html.contains("<div class=\"cta-text\">Only <em>today</em></div>"))
    }

    @Test func shortcodesNestInsideContent() throws {
        let html = try story("{{< cta url=\"/offers/\" label=\"Go\" >}}\nRange: {{< spec model=\"aurora\" key=\"range\" >}}\n{{< /cta >}}\n")
        #expect(html.contains("<div class=\"cta-text\"><p>Range: <span class=\"spec\" data-spec=\"range\" title=\"range\">620 km</span></p>"))
    }

    @Test func aShortcodeTemplateSeesThePageSiteAndData() throws {
        let workspace = try FixtureWorkspace()
        try workspace.write("templates/base/shortcodes/byline.mustache", "{{page.title}} · {{site.title}} · {{#data.models}}{{name}}{{/data.models}}")
        let html = try story("{{< byline >}}\n", in: workspace)
        #expect(html.contains("The story · Lumen Motors · Aurora"))
    }

    @Test func argumentsAreEscapedForWhereTheyLand() throws {
        let html = try story("{{< cta url=\"/a?b=1&c=2\" label=\"<b>Now</b> & \\\"here\\\"\" >}}\n")
        #expect(html.contains("href=\"/a?b=1&amp;c=2\">&lt;b&gt;Now&lt;/b&gt; &amp; &quot;here&quot;</a>"))
    }

    @Test func shortcodesInFencedCodeAndCodeSpansAreLeftAlone() throws {
        let html = try story("```\n{{< nothing >}}\n```\n\nWrite `{{< cta url=\"/\" label=\"x\" >}}` to add a button.\n")
        #expect(html.contains("<pre><code>{{&lt; nothing &gt;}}\n</code></pre>"))
        #expect(html.contains("<code>{{&lt; cta url=&quot;/&quot; label=&quot;x&quot; &gt;}}</code> to add a button."))
    }

    @Test func videoShowsTheLibraryAssetWithItsPoster() throws {
        let html = try story("{{< video id=\"aurora-red\" poster=\"asset:aurora-hero\" caption=\"On the road\" >}}\n")
        #expect(html.contains("<video controls preload=\"none\" src=\"/assets/aurora-red."))
        #expect(html.contains("poster=\"/assets/aurora-hero."))
        #expect(html.contains("<figcaption>On the road</figcaption>"))
    }

    @Test func galleryListsTheLibraryPhotosInOrder() throws {
        let html = try story("{{< gallery ids=\"aurora-hero, aurora-red\" >}}\n")
        let hero = try #require(html.range(of: "<li><img src=\"/assets/aurora-hero."))
        let red = try #require(html.range(of: "<li><img src=\"/assets/aurora-red."))
        #expect(hero.lowerBound < red.lowerBound)
        #expect(html.contains("alt=\"The Aurora on a coast road\""))
    }

    @Test func specShowsAModelsFigureFromSharedData() throws {
        let html = try story("Up to {{< spec model=\"aurora\" key=\"power\" >}}.\n")
        #expect(html.contains("<p>Up to <span class=\"spec\" data-spec=\"power\" title=\"power\">250 kW</span>.</p>"))
    }

    @Test func embedShowsAnIframeFromAHostShowroomYamlLists() throws {
        let workspace = try FixtureWorkspace()
        try workspace.write("showroom.yaml", "collector: https://collect.example.test\nembedHosts:\n  - www.youtube-nocookie.com\n")
        let html = try story("{{< embed src=\"https://www.youtube-nocookie.com/embed/abc\" title=\"Launch film\" >}}\n", in: workspace)
        #expect(html.contains("<iframe src=\"https://www.youtube-nocookie.com/embed/abc\" title=\"Launch film\""))
    }

    @Test func aShortcodeNamedLikeAPartialDoesNotReplaceIt() throws {
        let workspace = try FixtureWorkspace()
        try workspace.write("templates/base/partials/cta.mustache", "PARTIAL")
        try workspace.write("templates/base/page.mustache", "{{<layout}}{{$main}}{{> cta}}{{{page.content}}}{{/main}}{{/layout}}")
        let html = try story("{{< cta url=\"/\" label=\"Go\" >}}\n", in: workspace)
        #expect(html.contains("PARTIAL<aside class=\"shortcode-cta\">"))
    }

    @Test func anAssetAShortcodeNamesIsRecordedAsUsedByThePage() throws {
        let (workspace, report) = try build("{{< gallery ids=\"aurora-red\" >}}\n")
        #expect(report.succeeded, "\(report.allDiagnostics)")
        let usage = try String(contentsOf: workspace.root.appendingPathComponent("public/.showroom/usage.json"), encoding: .utf8)
        #expect(usage.contains("\"file\":\"sites/lumen/content/story.md\""))
        #expect(usage.contains("\"line\":4"))
    }

    @Test func aSummaryMadeFromTheBodyLeavesOutShortcodeTags() throws {
        let workspace = try FixtureWorkspace()
        try workspace.write("templates/base/shortcodes/summary.mustache", "[{{page.summary}}]")
        let html = try story("Range {{< cta url=\"/\" label=\"Go\" >}}today.\n\n{{< summary >}}\n", in: workspace)
        #expect(html.contains("[Range today.]"))
    }

    // MARK: Errors at their place

    @Test func anUnknownShortcodeIsAnErrorAtItsTag() throws {
        let (_, report) = try build("Text.\n\nSee {{< vidoe id=\"aurora-red\" >}}\n")
        let error = report.error(containing: "there is no shortcode `vidoe`")
        #expect(location(error) == "sites/lumen/content/story.md:6:5")
        #expect(error?.hint == "did you mean `video`?")
    }

    @Test func anUnclosedPairedShortcodeIsAnErrorAtItsOpeningTag() throws {
        let workspace = try FixtureWorkspace()
        try workspace.write("templates/base/shortcodes/note.mustache", "{{! arguments: inner }}\n<div class=\"note\">{{{inner}}}</div>\n")
        let (_, report) = try build("Intro.\n{{< note >}}\nNever closed.\n", in: workspace)
        #expect(location(report.error(containing: "`{{< note >}}` is never closed")) == "sites/lumen/content/story.md:5:1")
    }

    @Test func aClosingTagWithoutItsOpeningIsAnError() throws {
        let (_, report) = try build("Intro.\n\n  {{< /cta >}}\n")
        #expect(location(report.error(containing: "closes no shortcode")) == "sites/lumen/content/story.md:6:3")
    }

    @Test func anUnquotedArgumentIsAnErrorAtTheArgument() throws {
        let (_, report) = try build("{{< cta url=/booking/ label=\"Go\" >}}\n")
        #expect(location(report.error(containing: "the value of `url` must be in double quotes")) == "sites/lumen/content/story.md:4:13")
    }

    @Test func anArgumentWithoutAValueIsAnErrorAtTheArgument() throws {
        let (_, report) = try build("One.\n{{< cta url=\"/\" big label=\"Go\" >}}\n")
        #expect(location(report.error(containing: "must be written key=\"value\"")) == "sites/lumen/content/story.md:5:17")
    }

    @Test func aMissingRequiredArgumentIsAnErrorAtTheTag() throws {
        let (_, report) = try build("Book now: {{< cta url=\"/booking/\" >}}\n")
        let error = report.error(containing: "`{{< cta >}}` needs the argument `label`")
        #expect(location(error) == "sites/lumen/content/story.md:4:11")
    }

    @Test func anArgumentTheShortcodeDoesNotTakeIsAnErrorWithTheNearestName() throws {
        let (_, report) = try build("{{< video id=\"aurora-red\" posetr=\"aurora-hero\" >}}\n")
        let error = report.error(containing: "takes no argument `posetr`")
        #expect(location(error) == "sites/lumen/content/story.md:4:27")
        #expect(error?.hint?.hasPrefix("did you mean `poster`?") == true)
    }

    @Test func anUnknownAssetIsAnErrorAtTheArgument() throws {
        let (_, report) = try build("{{< gallery ids=\"aurora-red,aurora-blue\" >}}\n")
        #expect(location(report.error(containing: "there is no asset `aurora-blue`")) == "sites/lumen/content/story.md:4:13")
    }

    @Test func anUnknownFigureIsAnErrorAtTheArgumentWithTheKnownOnes() throws {
        let (_, report) = try build("{{< spec model=\"aurora\" key=\"torque\" >}}\n")
        let error = report.error(containing: "no figure `torque`")
        #expect(location(error) == "sites/lumen/content/story.md:4:25")
        #expect(error?.hint == "use one of: range, power")
    }

    @Test func anEmbedFromAHostNotListedIsAnErrorAtTheArgument() throws {
        let (_, report) = try build("{{< embed src=\"https://evil.example/x\" title=\"Film\" >}}\n")
        let error = report.error(containing: "`evil.example` may not be embedded")
        #expect(location(error) == "sites/lumen/content/story.md:4:11")
    }

    @Test func anUnsafeURLArgumentIsAnErrorAtTheArgument() throws {
        let (_, report) = try build("{{< cta url=\"javascript:alert(1)\" label=\"Go\" >}}\n")
        #expect(report.allDiagnostics.errors.contains { location($0) == "sites/lumen/content/story.md:4:9" })
    }

    @Test func linesAfterAMultiLineShortcodeKeepTheirPlaceInErrors() throws {
        let (_, report) = try build("{{< cta url=\"/\" label=\"Go\" >}}\nOne.\n\nTwo.\n{{< /cta >}}\n\n![Missing](asset:nowhere)\n")
        #expect(location(report.error(containing: "there is no asset `nowhere`")) == "sites/lumen/content/story.md:10:1")
    }

    @Test func aNameAShortcodeTemplateDoesNotHaveIsAnErrorInTheTemplate() throws {
        let workspace = try FixtureWorkspace()
        try workspace.write("templates/base/shortcodes/badge.mustache", "{{! arguments: label }}\n<b>{{lable}}</b>\n")
        let report = workspace.build(sites: ["lumen"])
        let error = report.error(containing: "`lable` names nothing")
        #expect(location(error) == "templates/base/shortcodes/badge.mustache:2:4")
        #expect(error?.hint == "did you mean `label`?")
    }

    @Test func embedHostsThatAreNotHostNamesAreAnErrorInShowroomYaml() throws {
        let workspace = try FixtureWorkspace()
        try workspace.write("showroom.yaml", "embedHosts:\n  - https://www.youtube.com/\n")
        let report = workspace.build()
        #expect(location(report.error(containing: "`embedHosts` lists host names")) == "showroom.yaml:2:5")
    }
}
