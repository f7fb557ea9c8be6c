import Foundation
import ShowroomTestSupport
import Testing

/// A marketer launching the new model Orbit alone, step by step as README.md's "Launching a new model" tells it:
/// only `showroom` commands, the new site's own content and its `site.yaml` are touched; the booking goes through
/// the preview in a real Chromium, and the lead comes out as a CSV that Excel opens. Part of the browser suite,
/// which runs one browser at a time.
extension BookingFormInBrowserTests {
    @Test func aMarketerLaunchesANewModelsSiteFromTheDocsAlone() async throws {
        try #require(Browser.available, "Chromium and chromedriver are needed: run scripts/browser.sh")
        let folder = try TemporaryFolder("showroom-walkthrough")
        defer { folder.remove() }
        let workspace = try ExampleFleet.copy(sites: ["aurora"], to: folder.appending("fleet"))
        let collectorPort = try Loopback.freePort()
        try "collector: http://127.0.0.1:\(collectorPort)\n".write(to: workspace.appendingPathComponent("showroom.yaml"),
                                                                   atomically: true, encoding: .utf8)
        func showroom(_ arguments: String...) throws -> String {
            let run = try ShowroomCommand.run(arguments, in: workspace)
            #expect(run.status == 0, "showroom \(arguments.joined(separator: " ")):\n\(run.output)\n\(run.errors)")
            return run.output + run.errors
        }

        // 1. The model and its site, from the most similar model.
        let added = try showroom("new", "model", "orbit", "--brand", "lumen", "--like", "aurora", "--name", "Lumen Orbit", "--site")
        #expect(added.contains("sites/orbit/"))
        let toFill = try showroom("check")
        #expect(toFill.contains("FILL IN") || toFill.contains("fill in"), "check lists what to fill in:\n\(toFill)")

        // 2. The new photo, into the library.
        let photo = folder.appending("orbit-hero.svg")
        try Data(##"<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="900"><rect width="1600" height="900" fill="#0f5e59"/></svg>"##.utf8)
            .write(to: photo)
        let stored = try showroom("assets", "add", photo.path, "--id", "orbit-hero", "--title", "Orbit on the coast road",
                                  "--kind", "photo", "--cost", "12000", "--currency", "CNY", "--owner", "Lumen marketing",
                                  "--licence-expiry", "2030-06-30", "--model", "orbit", "--alt-en", "The Lumen Orbit on a coast road",
                                  "--alt-zh", "海岸公路上的流明 Orbit")
        #expect(stored.contains("asset:orbit-hero"))

        // 3. The site's own hero and slogan, in its own files.
        let home = workspace.appendingPathComponent("sites/orbit/content/_index.md")
        try """
            ---
            title: "Lumen Orbit"
            description: "The Orbit: Lumen's electric coupé."
            hero: asset:orbit-hero
            ---
            The Orbit is Lumen's electric coupé. Pick a colour and book a test drive: your nearest dealer calls you back.

            """.write(to: home, atomically: true, encoding: .utf8)
        let siteYAML = workspace.appendingPathComponent("sites/orbit/site.yaml")
        let site = try String(contentsOf: siteYAML, encoding: .utf8)
        try site.replacingOccurrences(of: "params:\n", with: "params:\n  slogan: \"Made for the long way round.\"\n")
            .write(to: siteYAML, atomically: true, encoding: .utf8)

        // 4. Check and build.
        _ = try showroom("check", "--site", "orbit")
        let built = try showroom("build", "--site", "orbit")
        #expect(built.contains("0 errors"))

        // 5. Preview, and a test booking in it.
        let previewPort = try Loopback.freePort()
        let serve = try ShowroomCommand.start(["serve", "--site", "orbit", "--port", "\(previewPort)"], in: workspace,
                                              log: folder.appending("serve.log"))
        defer {
            serve.interrupt()
            serve.waitUntilExit()
        }
        let preview = "http://localhost:\(previewPort)"
        let up = await Loopback.poll("\(preview)/", timeout: .seconds(60)) { $0.status == 200 }
        let log = (try? String(contentsOf: folder.appending("serve.log"), encoding: .utf8)) ?? ""
        try #require(up != nil, "serve did not answer:\n\(log)")
        #expect(up?.body.contains("Made for the long way round.") == true)
        #expect(up?.body.contains("orbit-hero") == true)
        let collectorUp = await Loopback.poll("http://127.0.0.1:\(collectorPort)/healthz", timeout: .seconds(20)) { $0.status == 200 }
        try #require(collectorUp != nil, "the preview's collection service did not answer:\n\(log)")

        try await Browser.withDriver { driver in
            let browser = try await WebDriver.start(driver: driver, javaScript: true)
            do {
                try await browser.open("\(preview)/")
                try await fillTheForm(browser, phone: "+86 139-8765-4321", city: "Shenzhen")
                try await browser.click(".booking-submit")
                let done = try await BookingStage.eventually { try await browser.isDisplayed("#booking-done") }
                #expect(done, "the booking was not confirmed")
                await browser.quit()
            } catch {
                await browser.quit()
                throw error
            }
        }

        // 6. The lead, as Excel-ready CSV.
        let exported = try showroom("leads", "export", "--format", "csv", "--output", "leads.csv")
        #expect(exported.contains("leads.csv"))
        let csv = try Data(contentsOf: workspace.appendingPathComponent("leads.csv"))
        #expect(Array(csv.prefix(3)) == [0xEF, 0xBB, 0xBF], "the CSV starts with a UTF-8 byte order mark")
        let text = String(decoding: csv.dropFirst(3), as: UTF8.self)
        #expect(text.contains("13987654321"))
        #expect(text.contains("orbit"))
        #expect(text.contains("Lumen Space Shenzhen"))
    }
}
