import Foundation
import ShowroomStudio
import ShowroomTestSupport
import Testing

/// The studio as a marketer meets it: Debian's Chromium over WebDriver, on a studio serving a copy of the example
/// fleet's `lumen` site made a git repository. Opens the site, edits a page's text, sees the preview change, saves
/// and commits, and finds the commit in `git log`.
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

    @Test func aMarketerEditsAPageSeesThePreviewChangeSavesItAndSavesItToTheRepository() async throws {
        try #require(Browser.available, "Chromium and chromedriver are needed: run scripts/browser.sh")
        try await TemporaryFolder.with("showroom-studio-e2e") { folder in
            let workspace = try ExampleFleet.copy(sites: ["lumen"], to: folder.appending("workspace"))
            try Self.git(["init", "--quiet", "--initial-branch=main"], in: workspace)
            try Self.git(["add", "--all"], in: workspace)
            try Self.git(["-c", "user.name=Fixture", "-c", "user.email=fixture@example.test", "commit", "--quiet", "-m", "The fleet"], in: workspace)
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

                    try await browser.open("http://localhost:\(port)/_studio/publish")
                    try await browser.type("About Lumen: Sunday test drives", into: "#c-message")
                    try await browser.type("Mei Lin", into: "#c-name")
                    try await browser.type("mei.lin@example.test", into: "#c-email")
                    try await browser.click(".commit button")
                    let committed = try await BookingStage.eventually(60) { (try? await browser.text(of: ".message"))?.contains("Saved to the repository") == true }
                    #expect(committed)
                    await browser.quit()
                } catch {
                    await browser.quit()
                    throw error
                }
            }
            let log = try Self.git(["log", "-1", "--format=%an %s"], in: workspace)
            #expect(log == "Mei Lin About Lumen: Sunday test drives\n")
        }
    }
}
