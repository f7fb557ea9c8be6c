import Foundation
import ShowroomCore
import ShowroomSite
import ShowroomTestSupport
import Testing

/// `aliases:` are old addresses that redirect to a page: one a page already has is ignored, one that another
/// page holds (as its address or its alias) is an error naming both files.
@Suite struct AliasTests {
    @Test(arguments: ["/offers/spring/", "/offers/spring", "offers/spring/"])
    func anAliasThatIsThePagesOwnAddressIsIgnored(_ alias: String) throws {
        let workspace = try FixtureWorkspace()
        try workspace.write("sites/store/content/offers/spring.md", "---\ntitle: Spring offer\naliases: [\(alias), /spring/]\n---\nBody\n")
        let report = workspace.build(sites: ["store"])
        #expect(report.succeeded)
        #expect(report.allDiagnostics.isEmpty)
        #expect(workspace.output("store/offers/spring/index.html")?.contains("<h1>Spring offer</h1>") == true)
        #expect(workspace.output("store/spring/index.html")?.contains("url=/offers/spring/") == true)
    }

    @Test func anAliasThatIsAnotherPagesAddressIsAnErrorNamingBothFiles() throws {
        let workspace = try FixtureWorkspace()
        try workspace.write("sites/store/content/winter.md", "---\ntitle: Winter\naliases:\n  - /old/\n  - /offers/spring/\n---\n")
        let report = workspace.build(sites: ["store"])
        let error = try #require(report.error(containing: "the alias /offers/spring/"))
        #expect(error.message.contains("sites/store/content/winter.md"))
        #expect(error.message.contains("sites/store/content/offers/spring.md"))
        #expect(error.location == SourceLocation(file: "sites/store/content/winter.md", line: 5, column: 5))
        #expect(!report.succeeded)
    }

    @Test func anAliasThatTwoPagesClaimIsAnErrorNamingBothFiles() throws {
        let workspace = try FixtureWorkspace()
        try workspace.write("sites/store/content/autumn.md", "---\ntitle: Autumn\naliases: [/seasonal/]\n---\n")
        try workspace.write("sites/store/content/winter.md", "---\ntitle: Winter\naliases: [/seasonal]\n---\n")
        let report = workspace.build(sites: ["store"])
        let error = try #require(report.error(containing: "the alias /seasonal/"))
        #expect(error.message.contains("sites/store/content/autumn.md"))
        #expect(error.message.contains("sites/store/content/winter.md"))
        #expect(error.location?.file == "sites/store/content/winter.md")
        #expect(!report.succeeded)
    }
}
