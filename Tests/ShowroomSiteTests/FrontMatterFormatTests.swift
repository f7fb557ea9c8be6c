import Foundation
import ShowroomCore
import ShowroomSite
import ShowroomTestSupport
import ShowroomWorkspace
import Testing

/// Front matter as Hugo users write it: YAML between `---` lines, TOML between `+++` lines, or a JSON object;
/// each read into the same page, each broken one refused with its place and a fix.
@Suite struct FrontMatterFormatTests {
    /// The text of a page under `Fixtures/front-matter`.
    static func page(_ name: String) throws -> String {
        try Fixture.text("front-matter/\(name).md")
    }

    @Test(arguments: ["offer-toml", "offer-json"])
    func aPageWithTOMLOrJSONFrontMatterRendersItsTitleAndOnlyItsBody(_ name: String) throws {
        let workspace = try FixtureWorkspace()
        try workspace.write("sites/store/content/offers/winter.md", try Self.page(name))
        let report = workspace.build(sites: ["store"])
        #expect(report.succeeded)
        let html = try #require(workspace.output("store/offers/winter/index.html"))
        #expect(html.contains("<h1>Winter offer</h1>"))
        #expect(html.contains("<strong>here</strong>"))
        #expect(!html.contains("+++") && !html.contains("\"title\"") && !html.contains("Heated seats"))
    }

    // MARK: - Broken front matter

    @Test func brokenTOMLIsAnErrorAtItsLineAndColumn() throws {
        let workspace = try FixtureWorkspace()
        try workspace.write("sites/store/content/broken.md", "+++\ntitle = \"Broken\"\ntags = [\"a\" \"b\"]\n+++\nBody\n")
        let report = workspace.build(sites: ["store"])
        let error = try #require(report.error(containing: "invalid TOML"))
        #expect(error.location?.file == "sites/store/content/broken.md")
        #expect(error.location?.line == 3)
        #expect(error.location?.column != nil)
        #expect(error.hint?.contains("key = value") == true)
        #expect(!report.succeeded)
    }

    @Test func unclosedTOMLFrontMatterIsAnErrorAtTheFirstLine() throws {
        let workspace = try FixtureWorkspace()
        try workspace.write("sites/store/content/open.md", "+++\ntitle = \"Open\"\nBody\n")
        let error = try #require(workspace.build(sites: ["store"]).error(containing: "starts with `+++` but never ends"))
        #expect(error.location == SourceLocation(file: "sites/store/content/open.md", line: 1, column: 1))
        #expect(error.hint?.contains("`+++`") == true)
    }

    @Test func brokenJSONIsAnErrorAtItsLineAndColumnSayingWhatWasExpected() throws {
        let workspace = try FixtureWorkspace()
        try workspace.write("sites/store/content/broken.md", "{\n  \"title\": \"Broken\"\n  \"tags\": []\n}\nBody\n")
        let report = workspace.build(sites: ["store"])
        let error = try #require(report.error(containing: "invalid JSON"))
        #expect(error.message.contains("expected `,` or `}` after the value of `title`"))
        #expect(error.location == SourceLocation(file: "sites/store/content/broken.md", line: 3, column: 3))
        #expect(error.hint != nil)
        #expect(!report.succeeded)
    }

    @Test func unclosedJSONFrontMatterIsAnErrorAtTheFirstLine() throws {
        let workspace = try FixtureWorkspace()
        try workspace.write("sites/store/content/open.md", "{\n  \"title\": \"Open\",\n  \"tags\": [\"a\"\n")
        let error = try #require(workspace.build(sites: ["store"]).error(containing: "its JSON object never closes"))
        #expect(error.location == SourceLocation(file: "sites/store/content/open.md", line: 1, column: 1))
    }

    @Test(arguments: [("+++\n", "\n+++\n"), ("{\"padding\": \"", "\"}\n")])
    func tomlAndJSONFrontMatterOverTheLimitIsRefusedAtTheFile(_ open: String, _ close: String) throws {
        let workspace = try FixtureWorkspace()
        let filler = open.hasPrefix("+++") ? String(repeating: "# filler line\n", count: 20_000) : String(repeating: "x", count: 300_000)
        try workspace.write("sites/store/content/huge.md", open + filler + close + "Body\n")
        let error = try #require(workspace.build(sites: ["store"]).error(containing: "256 KiB"))
        #expect(error.location == SourceLocation(file: "sites/store/content/huge.md", line: 1, column: 1))
    }
}
