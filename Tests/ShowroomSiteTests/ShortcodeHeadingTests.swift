import Foundation
import ShowroomCore
import ShowroomSite
import ShowroomTestSupport
import Testing

/// A shortcode inside a heading: the heading's id and its table-of-contents entry come from the text the
/// shortcode shows, not from the placeholder it stands in for while cmark parses the page.
@Suite struct ShortcodeHeadingTests {
    private func guide(_ body: String) throws -> String {
        let workspace = try FixtureWorkspace()
        defer { try? FileManager.default.removeItem(at: workspace.root) }
        try workspace.write("sites/lumen/content/story.md", "---\ntitle: The story\nlayout: guide\n---\n" + body)
        let report = workspace.build(sites: ["lumen"])
        #expect(report.succeeded, "\(report.allDiagnostics)")
        return try #require(workspace.output("lumen/story/index.html"))
    }

    @Test func aHeadingsIDIsMadeFromTheTextItsShortcodeShows() throws {
        let html = try guide("## Range: {{< spec model=\"aurora\" key=\"range\" >}}\n\nText.\n")
        #expect(html.contains("<h2 id=\"range-620-km\">Range: <span class=\"spec\""))
    }

    @Test func theTableOfContentsShowsTheShortcodesText() throws {
        let html = try guide("## Range: {{< spec model=\"aurora\" key=\"range\" >}}\n\nText.\n")
        let toc = try #require(html.range(of: "<nav class=\"toc\">").map { String(html[$0.lowerBound...].prefix(300)) })
        #expect(toc.contains("href=\"#range-620-km\""))
        #expect(toc.contains("Range: 620 km"))
    }
}
