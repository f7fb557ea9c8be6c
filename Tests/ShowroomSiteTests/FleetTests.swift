import Foundation
import ShowroomCore
import ShowroomSite
import ShowroomTestSupport
import ShowroomWorkspace
import Testing

/// The example fleet in this repository, built as CI builds it: every site renders, shared data reaches
/// every site that shows it, and every product page carries the colour picker and the booking slot.
@Suite struct FleetTests {
    static let productSites = ["vega", "atlas", "corsa", "terra", "aurora", "halo", "nova", "zenith", "pop", "dash", "volt",
                               "trek", "crest", "voyage"]

    @Test func theFleetHasTwentyTwoOrMoreSitesOfEveryKind() throws {
        let (workspace, _) = Workspace.load(root: ExampleFleet.repository)

        #expect(workspace.sites.count >= 22)
        #expect(workspace.sites.filter { $0.kind == .product }.count == 14)
        #expect(workspace.sites.filter { $0.kind == .store }.count == 3)
        #expect(workspace.sites.filter { $0.kind == .brand }.count >= 5)
    }

    @Test func everySiteBuildsWithoutErrorsOrWarnings() throws {
        let fleet = try BuiltFleet.shared()

        #expect(fleet.report.allDiagnostics.isEmpty, "\(fleet.report.allDiagnostics.map(\.description).joined(separator: "\n"))")
        #expect(fleet.report.publishedSites.count == fleet.report.sites.count)
    }

    @Test func everySiteHasAHomePageAndA404Page() throws {
        let fleet = try BuiltFleet.shared()

        for site in fleet.report.sites.map(\.siteID) {
            #expect(fleet.exists(site, "index.html"), "\(site) has no home page")
            #expect(fleet.exists(site, "404.html"), "\(site) has no 404 page")
        }
    }

    @Test(arguments: productSites)
    func everyProductSiteHasTheFrameOfItsNoJavaScriptThankYouPageWithoutTheBookingForm(site: String) throws {
        let frame = try BuiltFleet.shared().page(site, "booking/thanks/index.html")

        #expect(frame.contains("<!--showroom:booking-answer-->"))
        #expect(frame.contains("class=\"site-header") || frame.contains("<header"))
        #expect(!frame.contains("id=\"book\""))
    }

    @Test(arguments: productSites)
    func everyProductPageHasTheColourPickerAndTheBookingSlot(site: String) throws {
        let home = try BuiltFleet.shared().page(site, "index.html")

        #expect(home.contains("class=\"swatches\""))
        #expect(home.components(separatedBy: "name=\"paint\"").count - 1 == 3)
        #expect(home.contains("id=\"paint-picture\""))
        #expect(home.contains("id=\"book\""))
        #expect(home.contains("class=\"action-bar\""))
    }

    @Test(arguments: productSites)
    func everyProductSiteMountsItsModelsSpecPages(site: String) throws {
        let fleet = try BuiltFleet.shared()

        #expect(fleet.exists(site, "specs/index.html"))
        #expect(fleet.exists(site, "specs/design/index.html"))
        #expect(try fleet.page(site, "specs/index.html").contains("Wheelbase"))
    }

    @Test func aModelsPriceReachesItsProductSiteTheStoreAndTheComparisonFromOneFile() throws {
        let fleet = try BuiltFleet.shared()

        #expect(try fleet.page("aurora", "index.html").contains("¥229,800"))
        #expect(try fleet.page("store", "index.html").contains("¥229,800"))
        #expect(try fleet.page("store", "compare/index.html").contains("¥229,800"))
    }

    @Test func changingOnePriceInTheSharedDataChangesEverySiteThatShowsIt() throws {
        let root = try ExampleFleet.copy()
        let models = root.appendingPathComponent("shared/data/models.yaml")
        let text = try String(contentsOf: models, encoding: .utf8)
        try text.replacingOccurrences(of: "price: 229800", with: "price: 219800")
            .replacingOccurrences(of: "fromPrice: 229800", with: "fromPrice: 219800")
            .write(to: models, atomically: true, encoding: .utf8)
        let output = root.appendingPathComponent("public")

        let report = FleetBuilder.build(BuildOptions(workspace: root, output: output, sites: ["aurora", "store"]))

        #expect(!report.allDiagnostics.hasErrors, "\(report.allDiagnostics)")
        for page in ["aurora/index.html", "store/index.html", "store/compare/index.html"] {
            let html = try String(contentsOf: output.appendingPathComponent(page), encoding: .utf8)
            #expect(html.contains("¥219,800"), "\(page) does not show the new price")
            #expect(!html.contains("¥229,800"), "\(page) still shows the old price")
        }
    }

    @Test func theBasePageLayoutShowsTheTableOfContentsOfAPageThatAsksForIt() throws {
        let root = try ExampleFleet.copy()
        try "---\ntitle: Owner's guide\nparams:\n  toc: true\n---\n## Charging\n\n### At home\n\n## Care\n"
            .write(to: root.appendingPathComponent("sites/lumen/content/guide.md"), atomically: true, encoding: .utf8)
        let output = root.appendingPathComponent("public")

        let report = FleetBuilder.build(BuildOptions(workspace: root, output: output, sites: ["lumen"]))

        #expect(report.allDiagnostics.isEmpty, "\(report.allDiagnostics)")
        let html = try String(contentsOf: output.appendingPathComponent("lumen/guide/index.html"), encoding: .utf8)
        #expect(html.contains("""
            <nav class="toc" aria-labelledby="toc-title"><p class="toc-title" id="toc-title">On this page</p><ol>\
            <li><a href="#charging">Charging</a><ol><li><a href="#at-home">At home</a></li>
            </ol></li>
            <li><a href="#care">Care</a></li>
            </ol></nav>
            """))
    }

    @Test func aPageWithHeadingsShowsNoTableOfContentsUnlessItAsks() throws {
        let story = try BuiltFleet.shared().page("lumen", "stories/night-drive-shanghai-to-hangzhou/index.html")

        #expect(story.contains("<h2 id=\"on-the-road\">On the road</h2>"))
        #expect(!story.contains("class=\"toc\""))
    }

    @Test func brandSitesListOnlyTheirOwnModels() throws {
        let fleet = try BuiltFleet.shared()

        #expect(fleet.exists("lumen", "models/aurora/index.html"))
        #expect(!fleet.exists("lumen", "models/vega/index.html"))
        #expect(fleet.exists("meridian", "models/vega/index.html"))
    }

    @Test func sharedNewsReachesTheSitesItIsTaggedFor() throws {
        let fleet = try BuiltFleet.shared()

        #expect(fleet.exists("aurora", "news/lumen-aurora-goes-on-sale/index.html"))
        #expect(fleet.exists("lumen", "news/lumen-aurora-goes-on-sale/index.html"))
        #expect(fleet.exists("group", "news/lumen-aurora-goes-on-sale/index.html"))
        #expect(!fleet.exists("vega", "news/lumen-aurora-goes-on-sale/index.html"))
    }

    @Test func theChineseGroupSiteUsesChineseStringsAndDates() throws {
        let fleet = try BuiltFleet.shared()
        let home = try fleet.page("group-zh", "index.html")
        let news = try fleet.page("group-zh", "news/index.html")

        #expect(home.contains("lang=\"zh-CN\""))
        #expect(home.contains("旗下品牌"))
        #expect(news.contains("2026年10月20日"))
    }

    @Test func theChineseGroupSitesModelCardsShowTheChineseNameSegmentAndTagline() throws {
        let home = try BuiltFleet.shared().page("group-zh", "index.html")
        let card = try #require(home.components(separatedBy: "<article class=\"card model-card\">").dropFirst().first { $0.contains("极光") })
        #expect(card.contains("<p class=\"eyebrow\">纯电运动轿车</p>"))
        #expect(card.contains("<h3>流明 极光</h3>"))
        #expect(card.contains("<p>静享澎湃，一次充电 700 公里。</p>"))
        #expect(!home.contains("<h3>Lumen Aurora</h3>"))
    }

    @Test func theChineseGroupSitesBrandCardsShowTheChineseNameKindAndTagline() throws {
        let home = try BuiltFleet.shared().page("group-zh", "index.html")
        #expect(home.contains("<p class=\"eyebrow\">新能源</p>"))
        #expect(home.contains("<h3>流明</h3>"))
        #expect(home.contains("<p>纯电，自在从容。</p>"))
    }

    @Test func thePresaleCountsDownToTheStartTimeFromTheData() throws {
        let home = try BuiltFleet.shared().page("presale", "index.html")

        #expect(home.contains("data-start=\"2026-12-12T22:00:00+08:00\""))
        #expect(home.contains("¥999"))
    }

    @Test func theAccessoriesShopShowsPricesAndStockFromTheData() throws {
        let home = try BuiltFleet.shared().page("accessories", "index.html")

        #expect(home.contains("¥4,999"))
        #expect(home.contains("stock-in"))
        #expect(home.contains("stock-out"))
    }
}

/// The repository's fleet, built once into a temporary folder and shared by the tests that read its output.
final class BuiltFleet: Sendable {
    let report: BuildReport
    let output: URL

    private init() {
        output = TemporaryFolder.unusedURL("showroom-fleet")
        report = FleetBuilder.build(BuildOptions(workspace: ExampleFleet.repository, output: output))
    }

    private static let instance = BuiltFleet()

    static func shared() throws -> BuiltFleet { instance }

    func exists(_ site: String, _ path: String) -> Bool {
        FileManager.default.fileExists(atPath: output.appendingPathComponent("\(site)/\(path)").path)
    }

    func page(_ site: String, _ path: String) throws -> String {
        try String(contentsOf: output.appendingPathComponent("\(site)/\(path)"), encoding: .utf8)
    }
}
