import Foundation
import ShowroomCore
import ShowroomHTML
import ShowroomSite
import ShowroomTestSupport
import Testing

@Suite struct BuildTests {
    @Test func everySiteIsBuiltIntoItsOwnFolder() throws {
        let workspace = try FixtureWorkspace()
        let report = workspace.build()
        #expect(report.succeeded, "\(report.allDiagnostics)")
        for site in ["lumen", "aurora", "store"] {
            #expect(workspace.exists("\(site)/index.html"))
            #expect(workspace.exists("\(site)/404.html"))
            #expect(workspace.exists("\(site)/sitemap.xml"))
            #expect(workspace.exists("\(site)/robots.txt"))
        }
    }

    @Test func pagesGetURLsFromTheirSectionAndFileName() throws {
        let workspace = try FixtureWorkspace()
        _ = workspace.build()
        #expect(workspace.exists("lumen/about/index.html"))
        #expect(workspace.exists("store/offers/spring/index.html"))
    }

    @Test func sharedContentIsMountedOnlyWhereItsTagsMatch() throws {
        let workspace = try FixtureWorkspace()
        _ = workspace.build()
        #expect(workspace.exists("lumen/news/aurora-launch/index.html"))
        #expect(!workspace.exists("lumen/news/other-brand/index.html"))
        #expect(workspace.exists("aurora/specs/range/index.html"))
        #expect(!workspace.exists("store/news/aurora-launch/index.html"))
    }

    @Test func draftsAreLeftOutUnlessAskedFor() throws {
        let workspace = try FixtureWorkspace()
        _ = workspace.build()
        #expect(!workspace.exists("aurora/draft/index.html"))
        _ = workspace.build(drafts: true)
        #expect(workspace.exists("aurora/draft/index.html"))
    }

    @Test func scheduledPagesAreBuiltOnlyBetweenPublishAndExpiryDates() throws {
        let workspace = try FixtureWorkspace()
        _ = workspace.build()
        #expect(!workspace.exists("aurora/later/index.html"))
        #expect(!workspace.exists("aurora/gone/index.html"))
        _ = workspace.build(now: Date(timeIntervalSince1970: 4_090_000_000))
        #expect(workspace.exists("aurora/later/index.html"))
    }

    @Test func templateValuesAreHTMLEscaped() throws {
        let workspace = try FixtureWorkspace()
        _ = workspace.build()
        let html = try #require(workspace.output("lumen/about/index.html"))
        #expect(html.contains("About &lt;Lumen&gt; &amp; friends"))
        #expect(!html.contains("<Lumen>"))
    }

    @Test func rawScriptTagsInMarkdownAreLeftOut() throws {
        let workspace = try FixtureWorkspace()
        _ = workspace.build()
        let html = try #require(workspace.output("lumen/about/index.html"))
        #expect(!html.contains("<script>alert(1)"))
        #expect(html.contains("Founded in 1990."))
    }

    @Test func markdownGetsTheGitHubExtensions() throws {
        let workspace = try FixtureWorkspace()
        _ = workspace.build()
        let html = try #require(workspace.output("lumen/about/index.html"))
        #expect(html.contains("<table>"))
        #expect(html.contains("<del>old</del>"))
        #expect(html.contains("<a href=\"https://example.test/x\">"))
        #expect(html.contains("type=\"checkbox\""))
    }

    @Test func everyPageCarriesExactlyOneTrackingSnippet() throws {
        let workspace = try FixtureWorkspace()
        _ = workspace.build()
        for site in ["lumen", "aurora", "store"] {
            for (path, data) in try workspace.snapshot(site) where path.hasSuffix(".html") {
                let html = String(decoding: data, as: UTF8.self)
                #expect(html.components(separatedBy: "<script \(HTMLRewriter.snippetMarker)").count == 2, "\(site)\(path)")
            }
        }
    }

    @Test func theSnippetNamesTheSiteAndTheCollector() throws {
        let workspace = try FixtureWorkspace()
        _ = workspace.build()
        let html = try #require(workspace.output("store/index.html"))
        #expect(html.contains("data-site=\"store\""))
        #expect(html.contains("data-collector=\"https://collect.example.test\""))
    }

    @Test func theSameInputGivesByteIdenticalOutput() throws {
        let workspace = try FixtureWorkspace()
        _ = workspace.build()
        let first = try workspace.snapshot("lumen")
        _ = workspace.build()
        #expect(try workspace.snapshot("lumen") == first)
    }

    @Test func sitemapIsWellFormedAndListsThePages() throws {
        let workspace = try FixtureWorkspace()
        _ = workspace.build()
        let sitemap = try #require(workspace.output("lumen/sitemap.xml"))
        #expect(MarkupValidator.xmlProblems(sitemap).isEmpty)
        #expect(sitemap.contains("<loc>https://lumen.example.test/about/</loc>"))
    }

    @Test func sectionsThatAskForAFeedGetAWellFormedAtomFeed() throws {
        let workspace = try FixtureWorkspace()
        _ = workspace.build()
        let feed = try #require(workspace.output("lumen/news/index.xml"))
        #expect(MarkupValidator.xmlProblems(feed).isEmpty)
        #expect(feed.contains("Aurora launches"))
        #expect(!workspace.exists("aurora/news/index.xml"))
    }

    @Test func aliasesBecomeRedirectPages() throws {
        let workspace = try FixtureWorkspace()
        _ = workspace.build()
        let html = try #require(workspace.output("lumen/company/index.html"))
        #expect(html.contains("http-equiv=\"refresh\" content=\"0; url=/about/\""))
    }

    @Test func productSitesReadTheirModelFromSharedDataWithLocalisedStrings() throws {
        let workspace = try FixtureWorkspace()
        _ = workspace.build()
        let html = try #require(workspace.output("aurora/index.html"))
        #expect(html.contains("Standard ¥189,800"))
        #expect(html.contains("阅读更多"))
    }

    @Test func oneEditToSharedDataChangesEverySiteThatShowsIt() throws {
        let workspace = try FixtureWorkspace()
        try workspace.write("shared/data/models.yaml", """
            - id: aurora
              name: Aurora
              brand: lumen
              trims:
                - name: Standard
                  price: 179800
              colours: []
            """)
        _ = workspace.build()
        #expect(try #require(workspace.output("aurora/index.html")).contains("¥179,800"))
    }

    @Test func pageDatesAreShownInTheSiteLocale() throws {
        let workspace = try FixtureWorkspace()
        _ = workspace.build()
        #expect(try #require(workspace.output("lumen/about/index.html")).contains("10 January 2026"))
        #expect(try #require(workspace.output("aurora/news/aurora-launch/index.html")).contains("2026年2月1日"))
    }

    @Test func buildingOneSiteLeavesTheOthersAlone() throws {
        let workspace = try FixtureWorkspace()
        let report = workspace.build(sites: ["store"])
        #expect(report.sites.map(\.siteID) == ["store"])
        #expect(workspace.exists("store/index.html"))
        #expect(!workspace.exists("lumen/index.html"))
    }

    @Test func aDeletedSitesOutputAndRecordAreRemovedByTheNextFullBuild() throws {
        let workspace = try FixtureWorkspace()
        #expect(workspace.build().succeeded)
        #expect(try #require(workspace.output(".showroom/usage.json")).contains("\"site\":\"aurora\""))
        try workspace.remove("sites/aurora")
        let report = workspace.build()
        #expect(report.succeeded)
        #expect(report.removedSites == ["aurora"])
        #expect(!workspace.exists("aurora"))
        #expect(!workspace.exists(".showroom/sites/aurora.json"))
        #expect(try #require(workspace.output(".showroom/usage.json")).contains("\"site\":\"aurora\"") == false)
        #expect(workspace.exists("lumen/index.html"))
    }

    @Test func aBuildOfSomeSitesRemovesNothingAndNeitherDoesAFailingOne() throws {
        let workspace = try FixtureWorkspace()
        #expect(workspace.build().succeeded)
        try workspace.remove("sites/store")
        #expect(workspace.build(sites: ["lumen"]).removedSites.isEmpty)
        #expect(workspace.exists("store/index.html"))
        try workspace.write("showroom.yaml", "collector: [not, a, string\n")
        #expect(!workspace.build().succeeded)
        #expect(workspace.exists("store/index.html"))
    }

    @Test func aSharedOutputFolderKeepsTheSitesOfAnotherWorkspace() throws {
        let first = try FixtureWorkspace(), second = try FixtureWorkspace()
        try second.remove("sites/aurora")
        let output = first.root.appendingPathComponent("shared-output")
        #expect(FleetBuilder.build(BuildOptions(workspace: first.root, output: output, now: FixtureWorkspace.now)).succeeded)
        let report = FleetBuilder.build(BuildOptions(workspace: second.root, output: output, now: FixtureWorkspace.now))
        #expect(report.succeeded)
        #expect(report.removedSites.isEmpty)
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("aurora/index.html").path))
    }

    @Test func eachPageMarksOnlyTheMenuItemsItIsUnder() throws {
        let workspace = try FixtureWorkspace()
        #expect(workspace.build().succeeded)
        #expect(try #require(workspace.output("lumen/index.html")).contains(#"<a href="/news/">News</a>"#))
        #expect(try #require(workspace.output("lumen/news/index.html")).contains(#"<a href="/news/" aria-current="page">News</a>"#))
        #expect(try #require(workspace.output("lumen/about/index.html")).contains(#"<a href="/news/">News</a>"#))
    }
}
