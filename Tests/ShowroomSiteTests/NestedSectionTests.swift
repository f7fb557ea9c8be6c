import Foundation
import ShowroomCore
import ShowroomSite
import ShowroomTestSupport
import Testing

/// Folders nest as sections at any depth, as in a documentation site written for Hugo: each list page shows
/// its own pages and its direct sub-sections, and every page knows the sections above it.
@Suite struct NestedSectionTests {
    /// `functions/` (with an `_index.md`), `functions/strings/` and `functions/time/` (without), three levels
    /// deep under `functions/time/zones/`, on the store site; the section template lists sub-sections and the
    /// page template writes breadcrumbs.
    private func documentationSite() throws -> FixtureWorkspace {
        let workspace = try FixtureWorkspace()
        try workspace.write("sites/store/content/functions/_index.md", "---\ntitle: Functions\n---\n")
        try workspace.write("sites/store/content/functions/len.md", "---\ntitle: len\n---\nLength.\n")
        try workspace.write("sites/store/content/functions/strings/upper.md", "---\ntitle: upper\n---\nUpper.\n")
        try workspace.write("sites/store/content/functions/strings/lower.md", "---\ntitle: lower\n---\nLower.\n")
        try workspace.write("sites/store/content/functions/time/now.md", "---\ntitle: now\n---\nNow.\n")
        try workspace.write("sites/store/content/functions/time/zones/utc.md", "---\ntitle: utc\n---\nUTC.\n")
        try workspace.write("sites/store/templates/section.mustache", """
            {{<layout}}{{$main}}<h1>{{page.title}}</h1>\
            <ol class="subsections">{{#page.sections}}<li><a href="{{url}}">{{title}}</a> ({{count(pages)}})</li>{{/page.sections}}</ol>\
            <ul class="pages">{{#pages}}<li><a href="{{url}}">{{title}}</a></li>{{/pages}}</ul>{{/main}}{{/layout}}
            """)
        try workspace.write("sites/store/templates/page.mustache", """
            {{<layout}}{{$main}}<nav class="crumbs">{{#page.ancestors}}<a href="{{url}}">{{title}}</a> › {{/page.ancestors}}</nav>\
            <p class="parent">{{page.parent.title}}</p><h1>{{page.title}}</h1>{{{page.content}}}{{/main}}{{/layout}}
            """)
        try workspace.write("sites/store/templates/home.mustache", """
            {{<layout}}{{$main}}{{#sections}}<h2 id="section-{{name}}">{{title}}</h2>{{/sections}}{{/main}}{{/layout}}
            """)
        return workspace
    }

    private func between(_ html: String?, _ start: String, _ end: String) -> String {
        guard let html, let from = html.range(of: start), let to = html.range(of: end, range: from.upperBound..<html.endIndex) else { return "" }
        return String(html[from.upperBound..<to.lowerBound])
    }

    @Test func aNestedSectionListsOnlyItsOwnPages() throws {
        let workspace = try documentationSite()
        #expect(workspace.build(sites: ["store"]).succeeded)
        let strings = between(workspace.output("store/functions/strings/index.html"), "<ul class=\"pages\">", "</ul>")
        #expect(strings.contains("/functions/strings/upper/") && strings.contains("/functions/strings/lower/"))
        #expect(!strings.contains("/functions/time/now/") && !strings.contains("/functions/len/"))
        let functions = between(workspace.output("store/functions/index.html"), "<ul class=\"pages\">", "</ul>")
        #expect(functions.contains("/functions/len/"))
        #expect(!functions.contains("/functions/strings/upper/"))
    }

    @Test func aSectionListsItsDirectSubSectionsWithTheirPageCounts() throws {
        let workspace = try documentationSite()
        #expect(workspace.build(sites: ["store"]).succeeded)
        let functions = between(workspace.output("store/functions/index.html"), "<ol class=\"subsections\">", "</ol>")
        #expect(functions == "<li><a href=\"/functions/strings/\">Strings</a> (2)</li><li><a href=\"/functions/time/\">Time</a> (1)</li>")
        let time = between(workspace.output("store/functions/time/index.html"), "<ol class=\"subsections\">", "</ol>")
        #expect(time == "<li><a href=\"/functions/time/zones/\">Zones</a> (1)</li>")
    }

    @Test func aFolderWithoutAnIndexFileGetsAListPageTitledAfterIt() throws {
        let workspace = try documentationSite()
        #expect(workspace.build(sites: ["store"]).succeeded)
        #expect(workspace.output("store/functions/time/zones/index.html")?.contains("<h1>Zones</h1>") == true)
        #expect(workspace.output("store/sitemap.xml")?.contains("https://store.example.test/functions/time/zones/") == true)
    }

    @Test func aPageKnowsItsAncestorsAndParentForBreadcrumbs() throws {
        let workspace = try documentationSite()
        #expect(workspace.build(sites: ["store"]).succeeded)
        let page = workspace.output("store/functions/time/zones/utc/index.html")
        #expect(between(page, "<nav class=\"crumbs\">", "</nav>")
            == "<a href=\"/\">Meridian Store</a> › <a href=\"/functions/\">Functions</a> › <a href=\"/functions/time/\">Time</a> › "
            + "<a href=\"/functions/time/zones/\">Zones</a> › ")
        #expect(page?.contains("<p class=\"parent\">Zones</p>") == true)
    }

    @Test func theHomePageShowsEachTopLevelSectionOnceWithUniqueIDs() throws {
        let workspace = try documentationSite()
        #expect(workspace.build(sites: ["store"]).succeeded)
        let home = try #require(workspace.output("store/index.html"))
        let ids = home.components(separatedBy: "id=\"section-").dropFirst().map { $0.prefix { $0 != "\"" } }
        #expect(ids == ["functions", "offers"])
    }
}
