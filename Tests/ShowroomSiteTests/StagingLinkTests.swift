import Foundation
import ShowroomSite
import ShowroomTestSupport
import Testing

/// A build with a one-off `--baseURL` (a staging server, or two sites on loopback for the browser tests): links
/// between the built sites follow them there, so a visitor walking from one to the other stays on staging.
@Suite struct StagingLinkTests {
    func buildWithLinkToLumen(baseURL: String, sites: [String] = []) throws -> FixtureWorkspace {
        let workspace = try FixtureWorkspace()
        try workspace.write("sites/aurora/content/brand.md", """
            ---
            title: The brand
            ---
            Read [about Lumen](https://lumen.example.test/about/) or [elsewhere](https://other.example.test/lumen.example.test/).
            """)
        var options = BuildOptions(workspace: workspace.root, sites: sites, now: FixtureWorkspace.now)
        options.baseURL = baseURL
        let report = FleetBuilder.build(options)
        #expect(report.succeeded, "\(report.allDiagnostics)")
        return workspace
    }

    @Test func aLinkToAnotherBuiltSitePointsAtThatSitesOneOffAddress() throws {
        let workspace = try buildWithLinkToLumen(baseURL: "http://{site}.localhost:8080/")
        defer { workspace.remove() }
        let page = try #require(workspace.output("aurora/brand/index.html"))
        #expect(page.contains("href=\"http://lumen.localhost:8080/about/\""))
        #expect(page.contains("href=\"https://other.example.test/lumen.example.test/\""))
        #expect(!page.contains("https://lumen.example.test/"))
    }

    @Test func aLinkToASiteThatIsNotBuiltKeepsItsPublicAddress() throws {
        let workspace = try buildWithLinkToLumen(baseURL: "http://{site}.localhost:8080/", sites: ["aurora"])
        defer { workspace.remove() }
        let page = try #require(workspace.output("aurora/brand/index.html"))
        #expect(page.contains("href=\"https://lumen.example.test/about/\""))
    }
}
