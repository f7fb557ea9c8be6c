import Foundation
import ShowroomCore
import ShowroomSite
import ShowroomTestSupport
import Testing

/// Every kind of bad input gets a located, actionable error, a failed build, and untouched previous output.
@Suite struct BadInputTests {
    @Test func malformedYAMLInSiteYamlIsReportedWithLineAndColumn() throws {
        let workspace = try FixtureWorkspace()
        try workspace.write("sites/store/site.yaml", "title: Store\nkind: store\nbaseURL: [https://x.test/\n")
        let report = workspace.build()
        let error = try #require(report.error(containing: "invalid YAML"))
        #expect(error.location?.file == "sites/store/site.yaml")
        #expect(error.location?.line != nil && error.location?.column != nil)
        #expect(error.hint != nil)
        #expect(!report.succeeded)
    }

    @Test func frontMatterThatIsNotAMappingIsAnError() throws {
        let workspace = try FixtureWorkspace()
        try workspace.write("sites/store/content/list.md", "---\n- one\n- two\n---\nBody\n")
        let error = try #require(workspace.build().error(containing: "front matter must be a mapping"))
        #expect(error.location?.file == "sites/store/content/list.md")
        #expect(error.location?.line == 2)
    }

    @Test func aDateThatIsNotADateIsAnErrorAtItsLine() throws {
        let workspace = try FixtureWorkspace()
        try workspace.write("sites/store/content/bad-date.md", "---\ntitle: X\ndate: next tuesday\n---\n")
        let error = try #require(workspace.build().error(containing: "`date` must be a date"))
        #expect(error.location == SourceLocation(file: "sites/store/content/bad-date.md", line: 3, column: 7))
    }

    @Test func anUnknownLayoutIsAnErrorAtTheLayoutLine() throws {
        let workspace = try FixtureWorkspace()
        try workspace.write("sites/store/content/odd.md", "---\ntitle: X\nlayout: gallery-wall\n---\n")
        let error = try #require(workspace.build().error(containing: "layout `gallery-wall` does not exist"))
        #expect(error.location?.file == "sites/store/content/odd.md")
        #expect(error.location?.line == 3)
    }

    @Test func aTemplateSyntaxErrorIsReportedInItsFile() throws {
        let workspace = try FixtureWorkspace()
        try workspace.write("templates/base/page.mustache", "<html><head></head><body>\n{{#page}}{{title}}{{/pages}}\n</body></html>")
        let error = try #require(workspace.build().error(containing: "template syntax error"))
        #expect(error.location?.file == "templates/base/page.mustache")
        #expect(error.location?.line == 2)
    }

    @Test func aMissingPartialIsReportedWhereItIsUsed() throws {
        let workspace = try FixtureWorkspace()
        try workspace.write("templates/base/page.mustache", "<html><head></head><body>\n  {{> footer}}</body></html>")
        let error = try #require(workspace.build().error(containing: "partial `footer` does not exist"))
        #expect(error.location == SourceLocation(file: "templates/base/page.mustache", line: 2, column: 3))
    }

    @Test func twoPagesWithTheSameURLAreAnError() throws {
        let workspace = try FixtureWorkspace()
        try workspace.write("sites/store/content/offers/spring-2.md", "---\ntitle: Also spring\nslug: spring\n---\n")
        let error = try #require(workspace.build().error(containing: "two pages have the URL /offers/spring/"))
        #expect(error.hint?.contains("slug") == true)
    }

    @Test func mountingAFolderThatDoesNotExistIsAnErrorAtTheMount() throws {
        let workspace = try FixtureWorkspace()
        try workspace.write("sites/store/site.yaml", "title: Store\nkind: store\nbaseURL: https://store.example.test/\nmounts:\n  - from: brochures\n")
        let error = try #require(workspace.build().error(containing: "mount `brochures`"))
        #expect(error.location == SourceLocation(file: "sites/store/site.yaml", line: 5, column: 5))
    }

    @Test func aSiteFolderWithoutSiteYamlIsAnError() throws {
        let workspace = try FixtureWorkspace()
        try workspace.write("sites/orphan/content/_index.md", "Hello")
        let error = try #require(workspace.build().error(containing: "has no site.yaml"))
        #expect(error.location?.file == "sites/orphan")
    }

    @Test func everyErrorOfABuildIsReportedNotJustTheFirst() throws {
        let workspace = try FixtureWorkspace()
        try workspace.write("sites/store/content/a.md", "---\ndate: soon\n---\n")
        try workspace.write("sites/lumen/content/b.md", "---\nlayout: nowhere\n---\n")
        let report = workspace.build()
        #expect(report.error(containing: "`date` must be a date") != nil)
        #expect(report.error(containing: "layout `nowhere`") != nil)
    }

    @Test func aFailedBuildLeavesThePreviousOutputUntouched() throws {
        let workspace = try FixtureWorkspace()
        _ = workspace.build()
        let before = try workspace.snapshot("store")
        try workspace.write("sites/store/content/offers/spring.md", "---\ntitle: Changed\n---\nNew text")
        try workspace.write("sites/store/content/broken.md", "---\ndate: 2026-02-30\n---\n")
        let report = workspace.build()
        #expect(!report.succeeded)
        #expect(try workspace.snapshot("store") == before)
        #expect(report.publishedSites.contains("lumen"))
    }

    @Test func aFileThatIsNotUTF8IsALocatedError() throws {
        let workspace = try FixtureWorkspace()
        try workspace.writeBytes("sites/store/content/latin1.md", Array("---\ntitle: Caf".utf8) + [0xE9] + Array("\n---\n".utf8))
        let error = try #require(workspace.build().error(containing: "not valid UTF-8"))
        #expect(error.location == SourceLocation(file: "sites/store/content/latin1.md", line: 2, column: 11))
    }

    @Test func aByteOrderMarkAndWindowsLineEndingsAreAccepted() throws {
        let workspace = try FixtureWorkspace()
        try workspace.writeBytes("sites/store/content/windows.md",
                                 [0xEF, 0xBB, 0xBF] + Array("---\r\ntitle: From Windows\r\n---\r\nLine one\r\n".utf8))
        let report = workspace.build()
        #expect(report.succeeded, "\(report.allDiagnostics)")
        #expect(try #require(workspace.output("store/windows/index.html")).contains("From Windows"))
    }

    @Test func nonASCIIFileNamesBecomePages() throws {
        let workspace = try FixtureWorkspace()
        try workspace.write("sites/store/content/offers/春季优惠.md", "---\ntitle: 春季优惠\n---\n")
        let report = workspace.build()
        #expect(report.succeeded, "\(report.allDiagnostics)")
        #expect(workspace.exists("store/offers/春季优惠/index.html"))
    }

    @Test func aPageWhoseLayoutHasNoHeadCannotTakeTheSnippet() throws {
        let workspace = try FixtureWorkspace()
        try workspace.write("templates/base/bare.mustache", "<p>{{page.title}}</p>")
        try workspace.write("sites/store/content/bare.md", "---\nlayout: bare\n---\n")
        let error = try #require(workspace.build().error(containing: "has no <head>"))
        #expect(error.location?.file == "sites/store/content/bare.md")
    }

    @Test func aMisspelledFrontMatterKeyIsAWarning() throws {
        let workspace = try FixtureWorkspace()
        try workspace.write("sites/store/content/typo.md", "---\ntitel: Oops\n---\n")
        let report = workspace.build()
        #expect(report.succeeded)
        #expect(report.allDiagnostics.warnings.contains { $0.message.contains("unknown key `titel`") })
    }
}
