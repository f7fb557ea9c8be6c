import Foundation
import ShowroomStorage
import Testing

/// One visitor across two fleet sites, in a real browser: `aurora` and `lumen` built with one-off addresses on one
/// loopback port (`http://aurora.localhost:<port>/`, `http://lumen.localhost:<port>/`), so aurora's footer link to
/// Lumen crosses from one host to the other as it would between the public sites. Part of the browser suite.
extension BookingFormInBrowserTests {
    static let brand = "lumen"
    static let lastHour = ReportPeriod(since: Date().addingTimeInterval(-3600), until: Date().addingTimeInterval(3600))

    /// Opens aurora's home page, follows its link to Lumen's home and waits until Lumen's page is shown.
    func walkFromAuroraToLumen(_ stage: BookingStage, _ browser: WebDriver) async throws {
        try await browser.open("\(stage.siteAddress)/")
        try await browser.click("footer a[href^='\(stage.address(of: Self.brand))/']")
        let arrived = try await stage.eventually {
            guard try await browser.currentURL().hasPrefix(stage.address(of: Self.brand)) else { return false }
            return try await browser.run("return document.readyState") as? String == "complete"
        }
        let address = try await browser.currentURL()
        #expect(arrived, "the browser is at \(address)")
    }

    func visitor(_ browser: WebDriver) async throws -> String {
        try await browser.run("return window.showroomVisitor()") as? String ?? ""
    }

    func storedVisitor(_ browser: WebDriver) async throws -> String? {
        try await browser.run("return localStorage.getItem('showroom.v')") as? String
    }

    /// The browser's clock, in seconds, for `_sv` values.
    func browserNow(_ browser: WebDriver) async throws -> Int {
        try await browser.run("return Math.floor(Date.now() / 1000)") as? Int ?? 0
    }

    @Test func aVisitorFollowingALinkToAnotherFleetSiteKeepsTheSameVisitorID() async throws {
        try await withBrowser(also: [Self.brand], javaScript: true) { stage, browser in
            try await browser.open("\(stage.siteAddress)/")
            let onAurora = try await visitor(browser)
            #expect(onAurora.count == 24)
            try await walkFromAuroraToLumen(stage, browser)
            #expect(try await visitor(browser) == onAurora)
            #expect(try await storedVisitor(browser) == onAurora)
        }
    }

    @Test func theHandedOverVisitorIDIsRemovedFromTheAddressBar() async throws {
        try await withBrowser(also: [Self.brand], javaScript: true) { stage, browser in
            try await walkFromAuroraToLumen(stage, browser)
            let address = try await browser.currentURL()
            #expect(address == "\(stage.address(of: Self.brand))/", "the address bar shows \(address)")
        }
    }

    @Test func theStoreHoldsBothSitesEventsUnderOneVisitor() async throws {
        try await withBrowser(also: [Self.brand], javaScript: true) { stage, browser in
            try await walkFromAuroraToLumen(stage, browser)
            let id = try await visitor(browser)
            let both = try await stage.eventually {
                let sites = try await stage.store.journey(visitor: id, in: Self.lastHour).filter { $0.type == .pageview }.map(\.site)
                return sites == [BookingStage.site, Self.brand]
            }
            let journey = try await stage.store.journey(visitor: id, in: Self.lastHour)
            #expect(both, "journey: \(journey)")
            #expect(journey.contains { $0.site == BookingStage.site && $0.type == .outboundClick })
        }
    }

    @Test func anExpiredHandOverIsIgnored() async throws {
        try await withBrowser(also: [Self.brand], javaScript: true) { stage, browser in
            let handedOver = "0123456789abcdef01234567"
            let expired = try await browserNow(browser) - 60
            try await browser.open("\(stage.address(of: Self.brand))/?_sv=\(handedOver).\(expired)")
            let id = try await visitor(browser)
            #expect(!id.isEmpty && id != handedOver)
            #expect(try await browser.currentURL() == "\(stage.address(of: Self.brand))/")
        }
    }

    @Test func aHandOverValidTooFarAheadOrNotAnIDIsIgnored() async throws {
        try await withBrowser(also: [Self.brand], javaScript: true) { stage, browser in
            let now = try await browserNow(browser)
            for forged in ["0123456789abcdef01234567.\(now + 3600)", "short.\(now + 60)", "%3Cscript%3E0123456789abcdef.\(now + 60)",
                           "0123456789abcdef01234567"] {
                try await browser.open("\(stage.address(of: Self.brand))/?_sv=\(forged)")
                let id = try await visitor(browser)
                #expect(!id.isEmpty && id != "0123456789abcdef01234567", "adopted \(id) from \(forged)")
                    let address = try await browser.currentURL()
                #expect(address == "\(stage.address(of: Self.brand))/")
            }
        }
    }

    @Test func withDoNotTrackOnNothingReachesTheCollector() async throws {
        try await withBrowser(also: [Self.brand], javaScript: true, doNotTrack: true) { stage, browser in
            try await walkFromAuroraToLumen(stage, browser)
            #expect(try await browser.run("return navigator.doNotTrack") as? String == "1")
            try await expectNothingCollected(stage, browser)
        }
    }

    @Test func withDoNotTrackOnAHandOverIsStillRemovedFromTheAddressBar() async throws {
        try await withBrowser(also: [Self.brand], javaScript: true, doNotTrack: true) { stage, browser in
            let now = try await browserNow(browser)
            try await browser.open("\(stage.address(of: Self.brand))/?_sv=0123456789abcdef01234567.\(now + 60)")
            try await expectNothingCollected(stage, browser)
        }
    }

    @Test func withGlobalPrivacyControlOnNothingReachesTheCollector() async throws {
        try await withBrowser(also: [Self.brand], javaScript: true) { stage, browser in
            // Chromium has no GPC setting yet; Brave, Firefox and the extensions that have one expose it so.
            try await browser.runBeforeEveryPage("Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true })")
            try await walkFromAuroraToLumen(stage, browser)
            #expect(try await browser.run("return navigator.globalPrivacyControl") as? Bool == true)
            try await expectNothingCollected(stage, browser)
        }
    }

    /// No id in the page or its storage, and after a moment nothing in the store: not an event, not a download.
    func expectNothingCollected(_ stage: BookingStage, _ browser: WebDriver) async throws {
        #expect(try await visitor(browser) == "")
        #expect(try await storedVisitor(browser) == nil)
        #expect(try await browser.currentURL() == "\(stage.address(of: Self.brand))/")
        try await Task.sleep(for: .seconds(2))
        let totals = try await stage.store.totals()
        #expect(totals.events == 0 && totals.downloads == 0, "stored: \(totals)")
    }

    /// Makes aurora ask for consent before storing an id.
    static let consentRequired: @Sendable (URL) throws -> Void = { workspace in
        let file = workspace.appendingPathComponent("sites/aurora/site.yaml")
        try (String(contentsOf: file, encoding: .utf8) + "consent: required\n").write(to: file, atomically: true, encoding: .utf8)
    }

    @Test func whereConsentIsRequiredNoIDIsStoredUntilTheVisitorAgrees() async throws {
        try await withBrowser(prepare: Self.consentRequired, javaScript: true) { stage, browser in
            try await browser.open("\(stage.siteAddress)/")
            #expect(try await visitor(browser) == "")
            #expect(try await storedVisitor(browser) == nil)

            try await browser.run("window.showroomConsent(true)")
            let id = try await visitor(browser)
            #expect(id.count == 24)
            #expect(try await storedVisitor(browser) == id)
        }
    }

    @Test func withdrawingConsentRemovesTheStoredID() async throws {
        try await withBrowser(prepare: Self.consentRequired, javaScript: true) { stage, browser in
            try await browser.open("\(stage.siteAddress)/")
            try await browser.run("window.showroomConsent(true)")
            try await browser.run("window.showroomConsent(false)")
            #expect(try await visitor(browser) == "")
            #expect(try await storedVisitor(browser) == nil)
            try await browser.open("\(stage.siteAddress)/specs/")
            #expect(try await visitor(browser) == "")
        }
    }

    /// Lists `gclid` as a click id in `showroom.yaml`.
    static let gclid: @Sendable (URL) throws -> Void = { workspace in
        let file = workspace.appendingPathComponent("showroom.yaml")
        try (String(contentsOf: file, encoding: .utf8) + "clickIDs: [gclid]\n").write(to: file, atomically: true, encoding: .utf8)
    }

    @Test func aCampaignLandingLeavesTheAddressBarCleanAndIsKeptAsTheVisitorsFirstTouch() async throws {
        try await withBrowser(prepare: Self.gclid, javaScript: true) { stage, browser in
            try await browser.open("\(stage.siteAddress)/specs/?utm_source=baidu&utm_medium=cpc&utm_campaign=aurora-spring&gclid=Cj0KCQ&colour=teal#range")
            #expect(try await browser.currentURL() == "\(stage.siteAddress)/specs/?colour=teal#range")
            let id = try await visitor(browser)
            let kept = try await stage.eventually { try await stage.store.touches(visitor: id) != nil }
            let touch = try #require(try await stage.store.touches(visitor: id)?.first)
            #expect(kept)
            #expect(touch.channel == .campaign && touch.source == "baidu" && touch.medium == "cpc" && touch.campaign == "aurora-spring")
            #expect(touch.click == "gclid=Cj0KCQ" && touch.site == BookingStage.site && touch.page == "/specs/")
        }
    }
}
