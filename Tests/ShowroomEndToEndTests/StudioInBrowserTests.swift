import Foundation
import ShowroomStudio
import ShowroomTestSupport
import Testing

/// The studio as a marketer meets it: Debian's Chromium over WebDriver, on a studio serving a copy of the example
/// fleet made a git repository. Opens a site, edits a page's text, sees the preview change, saves and commits; changes
/// a price in the shared data and sees the product page's preview change; makes a page from a section with a typo
/// the preview flags at its line; and finds each commit in `git log`.
@Suite("Studio in a browser", .serialized, .enabled(if: Browser.inCI || Browser.available, "Chromium and chromedriver are not installed (scripts/browser.sh)"))
struct StudioInBrowserTests {
    private let about = "sites/lumen/content/about.md"

    @discardableResult
    private static func git(_ arguments: [String], in folder: URL) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/git")
        process.arguments = ["-C", folder.path] + arguments
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "git \(arguments.joined(separator: " ")) failed")
        return String(decoding: data, as: UTF8.self)
    }

    /// The text the preview frame shows now ("" before it loaded a page).
    private static func previewText(_ browser: WebDriver) async throws -> String {
        try await browser.run("var d = document.getElementById('frame').contentDocument; return d && d.body ? d.body.innerText : ''") as? String ?? ""
    }

    /// Runs `body` with a studio serving a copy of the example fleet's `sites` in `folder`'s `workspace` (made a git
    /// repository with one commit) and a Chromium at 1400×1000 to drive it; the browser quits and the studio stops
    /// afterwards, whatever happens.
    private static func withStudio(sites: [String], in folder: TemporaryFolder,
                                   _ body: (_ port: Int, _ browser: WebDriver) async throws -> Void) async throws {
        let workspace = try ExampleFleet.copy(sites: sites, to: folder.appending("workspace"))
        try git(["init", "--quiet", "--initial-branch=main"], in: workspace)
        try git(["add", "--all"], in: workspace)
        try git(["-c", "user.name=Fixture", "-c", "user.email=fixture@example.test", "commit", "--quiet", "-m", "The fleet"], in: workspace)
        let port = try Loopback.freePort()
        let server = StudioServer(options: StudioOptions(workspace: workspace, port: port, log: { _ in }))
        let task = Task { try await server.run() }
        defer { task.cancel() }
        let up = await Loopback.poll("http://localhost:\(port)/_studio/studio.css", timeout: .seconds(300)) { _ in true }
        try #require(up != nil, "the studio did not answer")
        try await Browser.withDriver { driver in
            let browser = try await WebDriver.start(driver: driver, javaScript: true)
            do {
                try await browser.resize(width: 1400, height: 1000)
                try await body(port, browser)
                await browser.quit()
            } catch {
                await browser.quit()
                throw error
            }
        }
    }

    /// "Save to the repository" on the publishing screen with `message`, as Mei Lin; true once the studio says it committed.
    private static func commit(_ message: String, port: Int, in browser: WebDriver) async throws -> Bool {
        try await browser.open("http://localhost:\(port)/_studio/publish")
        try await browser.type(message, into: "#c-message")
        try await browser.type("Mei Lin", into: "#c-name")
        try await browser.type("mei.lin@example.test", into: "#c-email")
        try await browser.click(".commit button")
        return try await BookingStage.eventually(60) { (try? await browser.text(of: ".message"))?.contains("Saved to the repository") == true }
    }

    @Test func aMarketerEditsAPageSeesThePreviewChangeSavesItAndSavesItToTheRepository() async throws {
        try #require(Browser.available, "Chromium and chromedriver are needed: run scripts/browser.sh")
        try await TemporaryFolder.with("showroom-studio-e2e") { folder in
            let workspace = folder.appending("workspace")
            try await Self.withStudio(sites: ["lumen"], in: folder) { port, browser in
                try await browser.open("http://localhost:\(port)/_studio/site?id=lumen")
                try await browser.click("a[href*='file=sites/lumen/content/about.md']")
                let first = try await BookingStage.eventually(60) { try await Self.previewText(browser).contains("all-electric brand") }
                #expect(first, "the preview shows the page")

                try await browser.type(" Test drives now on Sundays too.", into: "#f-body")
                let changed = try await BookingStage.eventually(60) { try await Self.previewText(browser).contains("Sundays too") }
                #expect(changed, "the preview follows the edit")

                try await browser.click("#save")
                let saved = try await BookingStage.eventually(60) { (try? await browser.text(of: ".message")) == "Saved." }
                #expect(saved)
                #expect(try String(contentsOf: workspace.appendingPathComponent(about), encoding: .utf8).contains("Sundays too."))

                #expect(try await Self.commit("About Lumen: Sunday test drives", port: port, in: browser))
            }
            let log = try Self.git(["log", "-1", "--format=%an %s"], in: workspace)
            #expect(log == "Mei Lin About Lumen: Sunday test drives\n")
        }
    }

    /// The text of the frame `id` on the page now ("" before it loaded a page).
    private static func frameText(_ browser: WebDriver, _ id: String) async throws -> String {
        try await browser.run("var f = document.getElementById(arguments[0]); var d = f && f.contentDocument; return d && d.body ? d.body.innerText : ''", [id])
            as? String ?? ""
    }

    @Test func aMarketerChangesAPriceMakesATypoCreatesAPageAndSavesItAllToTheRepository() async throws {
        try #require(Browser.available, "Chromium and chromedriver are needed: run scripts/browser.sh")
        try await TemporaryFolder.with("showroom-studio-e2e") { folder in
            let workspace = folder.appending("workspace")
            try await Self.withStudio(sites: ["vega", "lumen"], in: folder) { port, browser in
                // Where the Vega Comfort trim's price is written, which names its field in the table.
                let models = try String(contentsOf: workspace.appendingPathComponent("shared/data/models.yaml"), encoding: .utf8)
                let lines = models.split(separator: "\n", omittingEmptySubsequences: false)
                let line = try #require(lines.firstIndex { $0.hasSuffix("    price: 119800") })
                let column = try #require(lines[line].range(of: "119800")).lowerBound.utf16Offset(in: lines[line]) + 1
                let priceField = "c-\(line + 1)-\(column)"
                // The price, in the shared data's table; the preview shows the product page with it.
                try await browser.open("http://localhost:\(port)/_studio/data")
                try await browser.click("a[href*='shared/data/models.yaml']")
                let tables = try await BookingStage.eventually(60) { (try? await browser.find("#\(priceField)")) != nil }
                try #require(tables, "the models open as tables")
                _ = try await browser.run("document.getElementById(arguments[0]).value = ''", [priceField])
                try await browser.type("119,800 CNY", into: "#\(priceField)")
                let marked = try await BookingStage.eventually(10) {
                    (try? await browser.text(of: "#\(priceField)-typed"))?.contains("price must be a whole number") == true
                }
                #expect(marked, "a price written as text is marked while it is typed")
                _ = try await browser.run("document.getElementById(arguments[0]).value = ''", [priceField])
                try await browser.type("123456", into: "#\(priceField)")
                #expect(try await browser.run("return document.getElementById(arguments[0] + '-typed')", [priceField]) is NSNull)
                try await browser.click("button[formaction='/_studio/data/preview']")
                let previewed = try await BookingStage.eventually(120) { try await Self.frameText(browser, "data-preview").contains("123,456") }
                #expect(previewed, "the product page's preview shows the new price")
                #expect(try await browser.text(of: "#reach").contains("vega"))
                try await browser.click("#save")
                let saved = try await BookingStage.eventually(120) { (try? await browser.text(of: "p[role=status]")) == "Saved." }
                #expect(saved)

                // A new page in lumen's top level, with a typo the preview flags at its line.
                try await browser.open("http://localhost:\(port)/_studio/site?id=lumen")
                try await browser.click("#new-page")
                let form = try await BookingStage.eventually(60) { (try? await browser.find("#n-title")) != nil }
                try #require(form, "the new page form opens")
                try await browser.type("Sunday test drives", into: "#n-title")
                try await browser.click("#create")
                let opened = try await BookingStage.eventually(60) { try await browser.currentURL().contains("sunday-test-drives.md") }
                #expect(opened, "the new page opens in the editor")
                // The palette inserts a shortcode with its arguments to fill in, at the cursor.
                try await browser.click("#palette summary")
                try await browser.click("#palette button[data-insert^='{{< cta ']")
                let inserted = try await browser.run("return document.getElementById('f-body').value") as? String
                #expect(inserted?.contains("{{< cta url=\"\" label=\"\" >}}") == true)
                _ = try await browser.run("document.getElementById('f-body').value = ''")
                try await browser.type("Book a test drive.\n\n{{< nosuch >}}\n", into: "#f-body")
                let flagged = try await BookingStage.eventually(60) {
                    (try? await browser.text(of: "#problems-body"))?.contains("line 3: error") == true
                }
                #expect(flagged, "the typo is flagged at its line")
                _ = try await browser.run("document.getElementById('f-body').value = ''")
                try await browser.type("Book a test drive on a Sunday.\n", into: "#f-body")
                let fixed = try await BookingStage.eventually(60) { try await Self.previewText(browser).contains("on a Sunday") }
                #expect(fixed, "the preview follows the fix")
                try await browser.click("#save")
                let pageSaved = try await BookingStage.eventually(60) { (try? await browser.text(of: ".message")) == "Saved." }
                #expect(pageSaved)

                #expect(try await Self.commit("Vega Comfort at 123,456; a page on Sunday test drives", port: port, in: browser))
            }
            #expect(try Self.git(["log", "-1", "--format=%an %s"], in: workspace) == "Mei Lin Vega Comfort at 123,456; a page on Sunday test drives\n")
            let files = try Self.git(["show", "--name-only", "--format="], in: workspace)
            #expect(files == "shared/data/models.yaml\nsites/lumen/content/sunday-test-drives.md\n")
        }
    }

    /// The HTML of the preview frame now ("" before it loaded a page).
    private static func previewHTML(_ browser: WebDriver) async throws -> String {
        try await browser.run("var d = document.getElementById('frame').contentDocument; return d && d.body ? d.body.outerHTML : ''") as? String ?? ""
    }

    @Test func aMarketerUploadsAPhotoWithItsRecordMakesItAPagesHeroAndSavesBothToTheRepository() async throws {
        try #require(Browser.available, "Chromium and chromedriver are needed: run scripts/browser.sh")
        try await TemporaryFolder.with("showroom-studio-e2e") { folder in
            let workspace = folder.appending("workspace")
            let photo = folder.appending("Sunday drive.jpg")
            try Data(TestPhotos.jpeg(width: 1200, height: 800)).write(to: photo)
            try await Self.withStudio(sites: ["lumen"], in: folder) { port, browser in
                // The photo and its record, through the library's upload form.
                try await browser.open("http://localhost:\(port)/_studio/assets")
                try await browser.click("details summary")
                try await browser.type(photo.path, into: "#a-file")
                try await browser.type("lumen-sunday-drive", into: "#a-id")
                try await browser.type("Aurora on a Sunday drive", into: "#a-title")
                try await browser.type("120000", into: "#a-cost")
                try await browser.type("CNY", into: "#a-currency")
                try await browser.type("Northlight Studio", into: "#a-owner")
                _ = try await browser.run("document.getElementById('a-licenceExpiry').value = '2031-06-30'")
                try await browser.type("An Aurora on a coast road on a Sunday", into: "#a-altEn")
                try await browser.click("#add-asset")
                let added = try await BookingStage.eventually(60) {
                    (try? await browser.text(of: "p.ok"))?.contains("asset:lumen-sunday-drive") == true
                }
                #expect(added, "the library adds the photo with its record")

                // The photo as the about page's hero, chosen in the picker; the preview shows it.
                try await browser.open("http://localhost:\(port)/_studio/edit?site=lumen&file=\(about)")
                let first = try await BookingStage.eventually(60) { try await Self.previewText(browser).contains("all-electric brand") }
                #expect(first, "the preview shows the page")
                try await browser.click("details.picker[data-target='f-field.hero'] summary")
                let choice = try await browser.run(
                    "return document.querySelector(\"input[name='pick.field.hero'][value='asset:lumen-sunday-drive']\").id") as? String ?? ""
                try await browser.click("label[for='\(choice)']")
                let chosen = try await browser.run("return document.getElementById('f-field.hero').value") as? String
                #expect(chosen == "asset:lumen-sunday-drive")
                let shown = try await BookingStage.eventually(120) { try await Self.previewHTML(browser).contains("/assets/lumen-sunday-drive.") }
                #expect(shown, "the preview shows the new hero")
                try await browser.click("#save")
                let saved = try await BookingStage.eventually(60) { (try? await browser.text(of: ".message")) == "Saved." }
                #expect(saved)

                #expect(try await Self.commit("About Lumen: the Sunday drive photo as hero", port: port, in: browser))
            }
            #expect(try Self.git(["log", "-1", "--format=%an %s"], in: workspace) == "Mei Lin About Lumen: the Sunday drive photo as hero\n")
            let files = try Self.git(["show", "--name-only", "--format="], in: workspace)
            #expect(files == "assets/catalog.yaml\nassets/files/photos/lumen-sunday-drive.jpg\n\(about)\n")
            #expect(try String(contentsOf: workspace.appendingPathComponent(about), encoding: .utf8).contains("hero: asset:lumen-sunday-drive\n"))
        }
    }

    @Test func aMarketerMakesAProductSiteFromTheNewSiteFormAndPreviewsItsHomePage() async throws {
        try #require(Browser.available, "Chromium and chromedriver are needed: run scripts/browser.sh")
        try await TemporaryFolder.with("showroom-studio-e2e") { folder in
            let workspace = folder.appending("workspace")
            try await Self.withStudio(sites: ["lumen"], in: folder) { port, browser in
                try await browser.open("http://localhost:\(port)/_studio/")
                try await browser.click("#new-site")
                try await browser.type("aurora-launch", into: "#s-id")
                try await browser.click("#s-model option[value='aurora']")
                try await browser.click("#create-site")
                let opened = try await BookingStage.eventually(60) { try await browser.currentURL().hasSuffix("/_studio/site?id=aurora-launch") }
                #expect(opened, "the new site's screen opens")
                try await browser.click("a[href*='file=sites/aurora-launch/content/_index.md']")
                let previewed = try await BookingStage.eventually(120) { try await Self.previewText(browser).contains("Lumen Aurora") }
                #expect(previewed, "the new product site's home page is previewed with its model")
            }
            #expect(try String(contentsOf: workspace.appendingPathComponent("sites/aurora-launch/site.yaml"), encoding: .utf8).contains("model: aurora"))
        }
    }
}
