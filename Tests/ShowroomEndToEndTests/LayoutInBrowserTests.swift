import Foundation
import Testing

/// What screenshots of the example fleet showed cut off or misplaced, measured in a real Chromium so it stays
/// fixed: sizes and positions of the elements as the browser lays them out. Part of the browser suite, which
/// runs one browser at a time.
extension BookingFormInBrowserTests {
    @Test func onAPhoneEveryMenuEntryIsInSight() async throws {
        try await withBrowser(javaScript: true) { stage, browser in
            try await browser.open("\(stage.siteAddress)/")
            let cut = try await browser.run("""
                return Array.from(document.querySelectorAll('.main-nav a'))
                  .filter(a => { const r = a.getBoundingClientRect(); return r.left < 0 || r.right > window.innerWidth })
                  .map(a => a.textContent)
                """) as? [String]
            #expect(cut == [], "menu entries outside a 390 px screen: \(cut ?? [])")
        }
    }

    @Test func atDesktopWidthTheHerosButtonsShareOneRow() async throws {
        try await withBrowser(javaScript: true) { stage, browser in
            try await browser.resize(width: 1440, height: 900)
            try await browser.open("\(stage.siteAddress)/")
            let tops = try await browser.run("""
                return Array.from(document.querySelectorAll('.hero .actions .btn')).map(b => Math.round(b.getBoundingClientRect().top))
                """) as? [Int] ?? []
            #expect(tops.count == 2)
            #expect(Set(tops).count == 1, "button tops: \(tops)")
        }
    }

    @Test func theCompareTableFitsADesktopScreen() async throws {
        try await withBrowser(site: "store", javaScript: true) { stage, browser in
            try await browser.resize(width: 1440, height: 900)
            try await browser.open("\(stage.siteAddress)/compare/")
            let widths = try await browser.run("""
                const box = document.querySelector('.table-scroll'); return [box.scrollWidth, box.clientWidth]
                """) as? [Int] ?? []
            #expect(widths.count == 2 && widths[0] <= widths[1], "table width and room: \(widths)")
        }
    }
}
