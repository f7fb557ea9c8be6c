import Foundation
import ShowroomReports
import ShowroomStorage
import Testing

/// The assets report judges a photo nobody can download by its exposure (the page views of the pages that show it),
/// and shows every image asset's thumbnail.
@Suite("Assets report: exposure and thumbnails")
struct AssetExposureTests {
    /// Views of the fixture's pages: hero-photo is on alpha `/` and `/gallery/` and on beta `/`.
    static let views = Array(repeating: ReportFixture.view("alpha", "/"), count: 3) + [
        ReportFixture.view("alpha", "/gallery/"), ReportFixture.view("alpha", "/gallery/"), ReportFixture.view("beta", "/"),
        ReportFixture.view("alpha", "/specs/"), ReportFixture.view("beta", "/news/"),
    ]

    /// A copy of the fixture fleet with one more photo, `studio-shot`, that visitors cannot download, on beta's `/news/`.
    static func withUndownloadablePhoto<Result>(_ body: (URL) async throws -> Result) async throws -> Result {
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("showroom-exposure-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: ReportFixture.workspace, to: copy)
        defer { try? FileManager.default.removeItem(at: copy) }
        let catalog = copy.appendingPathComponent("assets/catalog.yaml")
        let record = "studio-shot:\n  file: photos/hero.svg\n  title: Studio shot\n  kind: photo\n  cost: 600000\n  currency: CNY\n"
        try Data((try String(contentsOf: catalog, encoding: .utf8) + record).utf8).write(to: catalog)
        let usage = copy.appendingPathComponent("public/.showroom/usage.json")
        let text = try String(contentsOf: usage, encoding: .utf8).replacingOccurrences(of: #""wallpaper": {"#, with: """
            "studio-shot": {"title": "Studio shot", "uses": [
              {"asset": "studio-shot", "site": "beta", "page": "/news/", "file": "sites/beta/content/news.md", "line": 3, "column": 1}
            ]},
            "wallpaper": {
            """)
        try Data(text.utf8).write(to: usage)
        return try await body(copy)
    }

    @Test func anAssetsPageViewsAreTheViewsOfEveryPageThatShowsIt() async throws {
        let report = try await ReportFixture.assetReport(events: Self.views)
        let hero = try #require(report.assets.first { $0.id == "hero-photo" })
        #expect(hero.pageViews == 6)
        #expect(hero.costPerThousandViews == 166_666_666.67)
        #expect(report.assets.first { $0.id == "brochure" }?.pageViews == 1)
    }

    @Test func withASiteOnlyThatSitesPageViewsCount() async throws {
        let report = try await ReportFixture.assetReport(site: "alpha", events: Self.views)
        #expect(report.assets.first { $0.id == "hero-photo" }?.pageViews == 5)
    }

    @Test func aPhotoVisitorsCannotDownloadIsListedByItsExposure() async throws {
        try await Self.withUndownloadablePhoto { workspace in
            let report = try await ReportFixture.assetReport(events: Self.views, workspace: workspace)
            #expect(report.exposedPhotos == ["studio-shot"])
            let shot = try #require(report.assets.first { $0.id == "studio-shot" })
            #expect(shot.pageViews == 1 && shot.downloads.total == 0)
            #expect(!report.usedNeverDownloaded.contains("studio-shot"))
        }
    }

    @Test func everyFormatCarriesThePageViews() async throws {
        try await Self.withUndownloadablePhoto { workspace in
            let report = try await ReportFixture.assetReport(events: Self.views, workspace: workspace)
            let csv = report.rendered(as: .csv)
            #expect(csv.split(separator: "\r\n").first?.hasSuffix(",page_views,cost_per_1000_views") == true)
            #expect(report.rendered(as: .json).contains(#""exposedPhotos": ["#))
            let table = report.rendered(as: .table)
            #expect(table.contains("Photos visitors cannot download, by exposure"))
            let html = report.rendered(as: .html)
            #expect(html.contains("Photos visitors cannot download: exposure"))
            #expect(html.contains("600,000,000 CNY"))  // 600,000 CNY over 1 view, per 1,000 views
        }
    }

    @Test func theHTMLShowsEachImageAssetsThumbnailEmbeddedInThePage() async throws {
        let html = try await ReportFixture.assetReport().rendered(as: .html)
        #expect(html.contains(#"<img class="thumb" src="data:image/svg+xml;base64,"#))
        #expect(html.contains(#"alt="Hero on the coast road""#))
        #expect(!html.contains("src=\"http") && !html.contains("src=\"file:"))
    }

    @Test func aPhotoTooLargeToEmbedIsShownFromTheLibraryInstead() async throws {
        try await Self.withUndownloadablePhoto { workspace in
            let big = workspace.appendingPathComponent("assets/files/photos/wallpaper.svg")
            try Data(("<svg xmlns=\"http://www.w3.org/2000/svg\"><!--" + String(repeating: "x", count: 300_000) + "--></svg>").utf8).write(to: big)
            let html = try await ReportFixture.assetReport(workspace: workspace).rendered(as: .html)
            #expect(html.contains("src=\"\(big.absoluteString)\""))
        }
    }
}
