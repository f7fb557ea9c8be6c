import Foundation
import ShowroomCollector
import ShowroomStorage
import Testing

/// The booking form as a person meets it: a real headless Chromium, over WebDriver, on the built `aurora`
/// product page served on loopback, sending to a real collector. Runs in CI always; elsewhere it installs the
/// browser (scripts/browser.sh) and is skipped only when that is impossible.
@Suite("Booking form in a browser", .serialized, .enabled(if: Browser.inCI || Browser.available, "Chromium and chromedriver are not installed (scripts/browser.sh)"))
struct BookingFormInBrowserTests {
    /// Runs `body` with a browser session on the stage (of `site`, and `also` other sites, see `BookingStage.with`),
    /// and closes both afterwards.
    func withBrowser(site: String = BookingStage.site, also others: [String] = [], prepare: @Sendable (URL) throws -> Void = { _ in },
                     javaScript: Bool, doNotTrack: Bool = false,
                     _ body: @Sendable (BookingStage, WebDriver) async throws -> Void) async throws {
        try #require(Browser.available, "Chromium and chromedriver are needed: run scripts/browser.sh")
        try await BookingStage.with(site: site, also: others, prepare: prepare) { stage in
            try await Browser.withDriver { driver in
                let browser = try await WebDriver.start(driver: driver, javaScript: javaScript, doNotTrack: doNotTrack)
                do {
                    try await body(stage, browser)
                    await browser.quit()
                } catch {
                    await browser.quit()
                    throw error
                }
            }
        }
    }

    func fillTheForm(_ browser: WebDriver, phone: String, city: String) async throws {
        try await browser.type("Li Wei", into: "#book-name")
        try await browser.type(phone, into: "#book-phone")
        try await browser.type(city, into: "#book-city")
        try await browser.click("#book-consent")
    }

    @Test func withJavaScriptTheSuccessIsShownInPlaceNamingTheDealerAndTheFunnelIsRecorded() async throws {
        try await withBrowser(javaScript: true) { stage, browser in
            let page = "\(stage.siteAddress)/"
            try await browser.open(page)
            #expect(try await browser.run("return document.getElementById('book-model').value") as? String == "aurora")
            try await fillTheForm(browser, phone: "+86 139-8765-4321", city: "Guangzhou")
            try await browser.click(".booking-submit")

            let shown = try await stage.eventually { try await browser.isDisplayed("#booking-done") }
            #expect(shown)
            // Guangzhou has no Lumen dealer; Shenzhen is in the same province.
            #expect(try await browser.text(of: "#booking-done").contains("Lumen Space Shenzhen"))
            #expect(try await browser.currentURL() == page)

            let lead = try #require(try await stage.store.leads(since: .distantPast).first)
            #expect(lead.phone == "13987654321")
            #expect(lead.dealer == "lumen-shenzhen")
            #expect(lead.model == "aurora")
            #expect(lead.city == "Guangzhou")
            #expect(lead.site == "aurora" && lead.page == "/")
            let visitor = try await browser.run("return window.showroomVisitor()") as? String
            #expect(lead.visitor != nil && lead.visitor == visitor)

            let recorded = try await stage.eventually {
                let funnel = try await stage.funnel()
                return funnel[.bookingShown, default: 0] >= 1 && funnel[.bookingStarted, default: 0] >= 1
                    && funnel[.bookingSubmitted, default: 0] >= 1
            }
            let funnel = try await stage.funnel()
            #expect(recorded, "funnel: \(funnel)")
        }
    }

    @Test func withoutJavaScriptThePostIsAnsweredByAThankYouPageNamingTheDealer() async throws {
        try await withBrowser(javaScript: false) { stage, browser in
            try await browser.open("\(stage.siteAddress)/")
            try await fillTheForm(browser, phone: "138 1234 5678", city: "杭州")
            try await browser.click(".booking-submit")

            let arrived = try await stage.eventually { try await browser.currentURL().hasPrefix("\(stage.collectorAddress)/bookings/thanks") }
            let address = try await browser.currentURL()
            #expect(arrived, "the browser is at \(address)")
            #expect(try await browser.text(of: "body").contains("Lumen Space Hangzhou"))

            let lead = try #require(try await stage.store.leads(since: .distantPast).first)
            #expect(lead.phone == "13812345678")
            #expect(lead.dealer == "lumen-hangzhou")
            #expect(lead.city == "Hangzhou")
            #expect(lead.visitor == nil)
        }
    }

    @Test func aBadNumberShowsTheMessageBesideTheFieldAndStoresNothing() async throws {
        try await withBrowser(javaScript: true) { stage, browser in
            try await browser.open("\(stage.siteAddress)/")
            try await fillTheForm(browser, phone: "123 4567", city: "")
            try await browser.click(".booking-submit")

            let flagged = try await stage.eventually { try await browser.isDisplayed("#book-phone-error") }
            #expect(flagged)
            #expect(try await browser.text(of: "#book-phone-error").contains("11-digit mainland mobile number"))
            #expect(try await browser.isDisplayed("#booking-form"))
            #expect(try await browser.run("return document.getElementById('book-phone').getAttribute('aria-invalid')") as? String == "true")

            let reported = try await stage.eventually { try await stage.funnel()[.bookingFieldError, default: 0] >= 1 }
            #expect(reported)
            #expect(try await stage.store.leadTotals() == LeadTotals(leads: 0, spam: 0))
        }
    }
}
