import Foundation
import ShowroomTestSupport
import Testing

/// What a Hugo user writes in Markdown, built into pages: heading ids and a table of contents, footnotes, alerts,
/// comments, fenced code (the fixture's `sites/lumen/content/guide.md`, with the `guide` layout).
@Suite struct MarkdownContentTests {
    private func guide() throws -> String {
        let workspace = try FixtureWorkspace()
        let report = workspace.build()
        #expect(report.succeeded, "\(report.allDiagnostics)")
        return try #require(workspace.output("lumen/guide/index.html"))
    }

    @Test func headingsCarryTheirIDs() throws {
        let html = try guide()
        #expect(html.contains("<h2 id=\"charging\">Charging</h2>"))
        #expect(html.contains("<h3 id=\"at-home\">At home</h3>"))
        #expect(html.contains("<h2 id=\"charging-1\">Charging</h2>"))
        #expect(html.contains("<h2 id=\"looking-after-it\">Care</h2>"))
    }

    @Test func aLayoutShowsThePageTableOfContentsNested() throws {
        let html = try guide()
        #expect(html.contains("""
            <nav class="toc"><ol><li data-level="2"><a href="#charging">Charging</a><ol>\
            <li data-level="3"><a href="#at-home">At home</a></li><li data-level="3"><a href="#on-the-road">On the road</a></li>\
            </ol></li><li data-level="2"><a href="#charging-1">Charging</a></li>\
            <li data-level="2"><a href="#looking-after-it">Care</a></li></ol></nav>
            """))
    }

    @Test func aPageWithoutHeadingsHasAnEmptyTableOfContents() throws {
        let workspace = try FixtureWorkspace()
        try workspace.write("sites/lumen/content/short.md", "---\ntitle: Short\nlayout: guide\n---\nJust text.\n")
        _ = workspace.build()
        let html = try #require(workspace.output("lumen/short/index.html"))
        #expect(!html.contains("<nav class=\"toc\">"))
    }

    @Test func aTocSwitchInTheFrontMatterAsHugoThemesReadItIsParamsToc() throws {
        let workspace = try FixtureWorkspace()
        try workspace.write("templates/base/switched.mustache",
                            "{{<layout}}{{$main}}{{#page.params.toc}}<ol>{{#page.toc}}{{> toc-entry}}{{/page.toc}}</ol>{{/page.params.toc}}{{/main}}{{/layout}}")
        try workspace.write("sites/lumen/content/switched.md", "---\ntitle: Switched\nlayout: switched\ntoc: true\n---\n## Range\n")
        let report = workspace.build()
        #expect(report.succeeded, "\(report.allDiagnostics)")
        let html = try #require(workspace.output("lumen/switched/index.html"))
        #expect(html.contains("<ol><li data-level=\"2\"><a href=\"#range\">Range</a></li></ol>"))
    }

    @Test func footnotesLinkToTheirNotesAtTheEnd() throws {
        let html = try guide()
        #expect(html.contains("<a href=\"#fn-daily\" id=\"fnref-daily\" data-footnote-ref>1</a>"))
        #expect(html.contains("<li id=\"fn-daily\">\n<p>Batteries last longer that way."))
    }

    @Test func alertsRenderAsStyledNotes() throws {
        let html = try guide()
        #expect(html.contains("""
            <div class="alert alert-warning" role="note">
            <p class="alert-title">Warning</p>
            <p>Do not pressure-wash the charging port.</p>
            </div>
            """))
    }

    @Test func alertTitlesComeFromTheSiteLanguageStrings() throws {
        let workspace = try FixtureWorkspace()
        _ = workspace.build()
        let html = try #require(workspace.output("aurora/charging/index.html"))
        #expect(html.contains("<div class=\"alert alert-note\" role=\"note\">\n<p class=\"alert-title\">注意</p>"))
    }

    @Test func commentsAreDroppedWithoutAPlaceholder() throws {
        let html = try guide()
        #expect(html.contains("<p>Read this first.</p>"))
        #expect(!html.contains("editors"))
        #expect(!html.contains("raw HTML omitted"))
    }

    @Test func aSummaryMadeFromTheTextLeavesOutCommentsAndFootnoteMarks() throws {
        let workspace = try FixtureWorkspace()
        try workspace.write("sites/lumen/content/news/charging.md",
                            "---\ntitle: Charging\ndate: 2026-04-01\n---\nCharge to 80 %[^daily] daily.<!-- editors: check -->\n\n[^daily]: Longer life.\n")
        _ = workspace.build()
        let list = try #require(workspace.output("lumen/news/index.html"))
        #expect(list.contains("<a href=\"/news/charging/\">Charging</a> Charge to 80 % daily.</li>"))
    }

    @Test func fencedCodeCarriesItsLanguageClass() throws {
        let html = try guide()
        #expect(html.contains("<pre><code class=\"language-sh\">showroom build\n</code></pre>"))
    }
}
