import Foundation
import ShowroomReports
import Testing

@Suite("Assets report formats")
struct AssetReportFormatTests {
    @Test func csvPrefixesCellsThatASpreadsheetWouldRunAsFormulas() async throws {
        let csv = try await ReportFixture.assetReport().rendered(as: .csv)
        let brochure = try #require(csv.split(separator: "\r\n").first { $0.hasPrefix("brochure,") })
        #expect(brochure.hasPrefix(#"brochure,brochure,"'=HYPERLINK(""x"") brochure, 2026",'@agency,300000,CNY,"#))
    }

    @Test func csvLeavesFiguresThatDoNotExistEmpty() async throws {
        let csv = try await ReportFixture.assetReport().rendered(as: .csv)
        let lines = csv.split(separator: "\r\n").map(String.init)
        #expect(lines.first == "asset,kind,title,owner,cost,currency,sites,pages,downloads,link_downloads,log_downloads,"
                + "downloads_by_site,cost_per_download,cost_per_use,last_download,licence_expiry,never_used,used_never_downloaded,"
                + "page_views,cost_per_1000_views")
        #expect(lines.contains("old-shoot,photo,The 2019 shoot,Studio South,2000000,CNY,,0,0,0,0,,,,,2026-03-20,yes,no,0,"))
        #expect(lines.contains("hero-photo,photo,Hero on the coast road,Studio North,1000000,CNY,alpha beta,3,4,3,1,alpha:2 beta:2,"
                               + "250000,333333.33,2026-03-14T23:59:59Z,2030-12-31,no,no,0,"))
    }

    @Test func jsonHasTheDocumentedKeysWithNullsForMissingFigures() async throws {
        let text = try await ReportFixture.assetReport().rendered(as: .json)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(Set(json.keys) == ["schema", "period", "site", "kind", "generatedAt", "totals", "assets", "neverUsed",
                                   "usedNeverDownloaded", "exposedPhotos", "mostDownloaded", "expiringLicences", "missingAssets",
                                   "downloadsByDay"])
        #expect(json["schema"] as? String == "showroom.assets-report/1")
        #expect(json["site"] is NSNull)
        let period = try #require(json["period"] as? [String: Any])
        #expect(period["since"] as? String == "2026-03-01T00:00:00Z")
        #expect(period["until"] as? String == "2026-03-15T00:00:00Z")
        let assets = try #require(json["assets"] as? [[String: Any]])
        #expect(Set(assets[0].keys) == ["id", "kind", "title", "owner", "cost", "currency", "downloadable", "licenceExpiry", "sites",
                                        "pages", "pageViews", "costPerThousandViews", "downloads", "downloadsBySite", "costPerDownload",
                                        "costPerUse", "lastDownload"])
        let oldShoot = try #require(assets.first { $0["id"] as? String == "old-shoot" })
        #expect(oldShoot["costPerDownload"] is NSNull)
        #expect(oldShoot["lastDownload"] is NSNull)
        #expect((assets[0]["costPerUse"] as? NSNumber)?.doubleValue == 333_333.33)
        #expect(text.contains(#""costPerUse": 333333.33,"#))
    }

    @Test func theTableShowsADashInsteadOfDividingByZero() async throws {
        let table = try await ReportFixture.assetReport().rendered(as: .table)
        let oldShoot = try #require(table.split(separator: "\n").first { $0.hasPrefix("old-shoot ") })
        #expect(oldShoot.contains("–"))
        #expect(!oldShoot.contains("inf") && !oldShoot.contains("nan"))
        #expect(table.contains("Never used: 1 asset, 2,000,000 CNY sunk"))
        #expect(table.contains("250,000"))
    }

    @Test func theHTMLPageIsSelfContained() async throws {
        let html = try await ReportFixture.assetReport().rendered(as: .html)
        #expect(html.hasPrefix("<!doctype html>"))
        #expect(html.contains("<svg"))
        #expect(!html.contains("src=\"http") && !html.contains("href=\"http") && !html.contains("@import"))
        #expect(html.contains("&quot;x&quot;") || html.contains("&#34;x&#34;"))
        #expect(!html.contains("=HYPERLINK(\"x\")"))
    }
}
