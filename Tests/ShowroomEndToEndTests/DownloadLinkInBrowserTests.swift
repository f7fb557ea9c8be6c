import Foundation
import ShowroomCollector
import ShowroomStorage
import Testing

/// A person clicking a brochure link on a built product page: the click goes through the collector's
/// counted `/dl` address, and the store then holds one download of that asset for that site and visitor.
/// Part of the browser suite, which runs one browser at a time.
extension BookingFormInBrowserTests {
    @Test func aClickOnADownloadLinkIsCountedAsADownloadOfThatAsset() async throws {
        try await withBrowser(javaScript: true) { stage, browser in
            try await browser.open("\(stage.siteAddress)/")
            let id = try #require(
                try await browser.run("return document.querySelector('a[data-asset]').getAttribute('data-asset')") as? String)
            try await browser.click("a[data-asset]")

            let period = ReportPeriod(since: Date().addingTimeInterval(-3600), until: Date().addingTimeInterval(3600))
            let counted = try await stage.eventually {
                try await stage.store.downloadCounts(in: period)
                    .contains { $0.asset == id && $0.site == BookingStage.site && $0.downloads == 1 && $0.visitors == 1 }
            }
            let counts = try await stage.store.downloadCounts(in: period)
            #expect(counted, "downloads: \(counts)")
        }
    }
}
