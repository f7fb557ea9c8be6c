import Foundation
import ShowroomReports
import Testing

@Suite("Assets report")
struct AssetReportTests {
    @Test func downloadsAreCountedFromSinceInclusiveToUntilExclusive() async throws {
        let report = try await ReportFixture.assetReport()
        let hero = try #require(report.assets.first { $0.id == "hero-photo" })
        #expect(hero.downloads == DownloadTally(link: 3, log: 1))
        #expect(hero.downloadsBySite == ["alpha": 2, "beta": 2])
        #expect(hero.lastDownload == ReportFixture.date("2026-03-14T23:59:59Z"))
        #expect(report.totals.downloads == DownloadTally(link: 5, log: 2))
    }

    @Test func costPerDownloadAndPerUseDivideTheCostToTheCent() async throws {
        let report = try await ReportFixture.assetReport()
        let hero = try #require(report.assets.first { $0.id == "hero-photo" })
        #expect(hero.pages == 3)
        #expect(hero.sites == ["alpha", "beta"])
        #expect(hero.costPerDownload == 250_000)
        #expect(hero.costPerUse == 333_333.33)
        let brochure = try #require(report.assets.first { $0.id == "brochure" })
        #expect(brochure.downloads.total == 3)
        #expect(brochure.costPerDownload == 100_000)
        #expect(brochure.costPerUse == 300_000)
    }

    @Test func assetsWithoutDownloadsOrUsesHaveNoCostPerDownloadOrUse() async throws {
        let report = try await ReportFixture.assetReport()
        let wallpaper = try #require(report.assets.first { $0.id == "wallpaper" })
        #expect(wallpaper.downloads.total == 0)
        #expect(wallpaper.costPerDownload == nil)
        #expect(wallpaper.costPerUse == 500_000)
        let oldShoot = try #require(report.assets.first { $0.id == "old-shoot" })
        #expect(oldShoot.costPerDownload == nil)
        #expect(oldShoot.costPerUse == nil)
        #expect(oldShoot.lastDownload == nil)
    }

    @Test func sectionsNameWhatTheMarketingLeadActsOn() async throws {
        let report = try await ReportFixture.assetReport()
        #expect(report.neverUsed == ["old-shoot"])
        #expect(report.moneySunk == [Money(amount: 2_000_000, currency: "CNY")])
        #expect(report.usedNeverDownloaded == ["wallpaper"])
        #expect(report.mostDownloaded == ["hero-photo", "brochure"])
        #expect(report.expiringLicences == [ExpiringLicence(asset: "old-shoot", expiry: "2026-03-20", daysLeft: 5)])
        #expect(report.missingAssets.map(\.id) == ["ghost-photo"])
        #expect(report.missingAssets.first?.downloads == 1)
        #expect(report.missingAssets.first?.uses.first?.file == "sites/beta/content/news.md")
    }

    @Test func assetsAreListedMostDownloadedFirstThenMostExpensive() async throws {
        let report = try await ReportFixture.assetReport()
        #expect(report.assets.map(\.id) == ["hero-photo", "brochure", "old-shoot", "wallpaper", "logo"])
        #expect(report.totals.cost == [Money(amount: 3_800_000, currency: "CNY")])
    }

    @Test func aSiteFilterCountsOnlyThatSitesUsesAndDownloads() async throws {
        let report = try await ReportFixture.assetReport(site: "beta")
        let hero = try #require(report.assets.first { $0.id == "hero-photo" })
        #expect(hero.downloads == DownloadTally(link: 1, log: 1))
        #expect(hero.pages == 1)
        #expect(hero.costPerUse == 1_000_000)
        #expect(report.neverUsed == ["old-shoot", "brochure"])
        #expect(report.expiringLicences.isEmpty)
    }

    @Test func aKindFilterKeepsOnlyThatKind() async throws {
        let report = try await ReportFixture.assetReport(kind: "brochure")
        #expect(report.assets.map(\.id) == ["brochure"])
        #expect(report.missingAssets.isEmpty)
        #expect(report.totals.downloads == DownloadTally(link: 2, log: 1))
    }

    @Test func downloadsByDayCoverEveryDayOfThePeriod() async throws {
        let report = try await ReportFixture.assetReport()
        #expect(report.downloadsByDay.count == 14)
        #expect(report.downloadsByDay.first?.day == "2026-03-01")
        #expect(report.downloadsByDay.last?.day == "2026-03-14")
        #expect(report.downloadsByDay.first { $0.day == "2026-03-02" }?.downloads == DownloadTally(link: 2, log: 0))
        #expect(report.downloadsByDay.last?.downloads == DownloadTally(link: 0, log: 1))
        #expect(report.downloadsByDay.map(\.downloads.total).reduce(0, +) == 7)
    }

    @Test func anUnknownSiteOrKindIsAClearError() async throws {
        await #expect(throws: ReportError.self) { try await ReportFixture.assetReport(site: "gamma") }
        await #expect(throws: ReportError.self) { try await ReportFixture.assetReport(kind: "poster") }
    }
}
