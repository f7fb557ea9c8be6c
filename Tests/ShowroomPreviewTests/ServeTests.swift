import Foundation
import Synchronization
@testable import ShowroomPreview
import ShowroomTestSupport
import Testing

@Suite("showroom serve")
struct ServeTests {
    /// Runs the preview server for the body, then stops it.
    private func serving(_ workspace: FixtureWorkspace, sites: [String], log: @escaping @Sendable (String) -> Void = { _ in },
                         _ body: (_ base: String) async throws -> Void) async throws {
        let port = try Loopback.freePort()
        let server = PreviewServer(options: PreviewOptions(
            workspace: workspace.root, sites: sites, port: port,
            output: workspace.root.appendingPathComponent(".showroom/preview"), log: log))
        let task = Task { try await server.run() }
        defer { task.cancel() }
        let base = "http://localhost:\(port)"
        // Generous: on a cold CI machine the suites that build the whole fleet synchronously can hold the test
        // run's cooperative threads for minutes, and the preview's first answer waits for them.
        let up = await Loopback.poll("\(base)/", timeout: .seconds(300)) { _ in true }
        try #require(up != nil, "the preview server did not answer")
        try await body(base)
    }

    @Test func savingAPageRebuildsItAndServesTheNewContent() async throws {
        let workspace = try FixtureWorkspace()
        defer { workspace.remove() }
        try await serving(workspace, sites: ["lumen"]) { base in
            let before = await Loopback.get("\(base)/about/")
            #expect(before?.body.contains("Founded in 1990") == true)
            #expect(before?.body.contains("data-showroom-preview") == true)

            try workspace.write("sites/lumen/content/about.md", "---\ntitle: About\n---\nFounded in 1991.\n")
            let after = await Loopback.poll("\(base)/about/", timeout: .seconds(120)) { $0.body.contains("Founded in 1991") }
            #expect(after?.body.contains("Founded in 1991") == true)
            #expect(!(try workspace.read(".showroom/preview/lumen/about/index.html").contains("data-showroom-preview")))
        }
    }

    @Test func aRebuildRendersOnlyTheEditedPageAndSaysSo() async throws {
        let workspace = try FixtureWorkspace()
        defer { workspace.remove() }
        let lines = Mutex<[String]>([])
        try await serving(workspace, sites: ["lumen"], log: { line in lines.withLock { $0.append(line) } }) { base in
            try workspace.write("sites/lumen/content/about.md", "---\ntitle: About\n---\nFounded in 1992.\n")
            let after = await Loopback.poll("\(base)/about/", timeout: .seconds(120)) { $0.body.contains("Founded in 1992") }
            #expect(after != nil)
            let rebuilt = try #require(lines.withLock { $0.first { $0.contains("changed: rebuilt lumen") } })
            // The page, and the lists that show its summary; the other pages are kept.
            let counts = try #require(rebuilt.firstMatch(of: /\((\d+) pages? rendered, (\d+) kept\)/), "\(rebuilt)")
            let (rendered, kept) = (Int(counts.1)!, Int(counts.2)!)
            #expect(rendered >= 1 && kept >= 2 && rendered + kept == 5, "\(rebuilt)")
        }
    }

    @Test func aPageInANewFolderIsServedAndARemovedOneIsGone() async throws {
        let workspace = try FixtureWorkspace()
        defer { workspace.remove() }
        try await serving(workspace, sites: ["lumen"]) { base in
            try workspace.write("sites/lumen/content/events/motor-show.md", "---\ntitle: Motor show\n---\nSee us in hall 4.\n")
            let added = await Loopback.poll("\(base)/events/motor-show/", timeout: .seconds(120)) { $0.body.contains("hall 4") }
            #expect(added?.status == 200)
            try workspace.remove("sites/lumen/content/events")
            let gone = await Loopback.poll("\(base)/events/motor-show/", timeout: .seconds(120)) { $0.status == 404 }
            #expect(gone?.status == 404)
            #expect(!FileManager.default.fileExists(atPath: workspace.root.appendingPathComponent(".showroom/preview/lumen/events/motor-show/index.html").path))
        }
    }

    @Test func aBuildErrorShowsInPlaceOfThePageUntilFixed() async throws {
        let workspace = try FixtureWorkspace()
        defer { workspace.remove() }
        try await serving(workspace, sites: ["lumen"]) { base in
            let good = try workspace.read("sites/lumen/content/about.md")
            try workspace.write("sites/lumen/content/about.md", "---\ntitle: About\nlayout: nowhere\n---\nText\n")
            let broken = await Loopback.poll("\(base)/about/", timeout: .seconds(120)) { $0.status == 500 }
            #expect(broken?.body.contains("sites/lumen/content/about.md:3") == true)
            #expect(broken?.body.contains("nowhere") == true)

            try workspace.write("sites/lumen/content/about.md", good)
            let fixed = await Loopback.poll("\(base)/about/", timeout: .seconds(120)) { $0.status == 200 }
            #expect(fixed?.body.contains("Founded in 1990") == true)
        }
    }

    @Test func anOpenTabIsToldWhenItsSiteWasRebuilt() async throws {
        let workspace = try FixtureWorkspace()
        defer { workspace.remove() }
        try await serving(workspace, sites: ["lumen"]) { base in
            let page = try #require(await Loopback.get("\(base)/about/")?.body)
            let version = try #require(page.firstMatch(of: /var v=(\d+)/).flatMap { Int($0.1) })
            async let answer = Loopback.get("\(base)/_showroom/events?since=\(version)")
            try await Task.sleep(for: .milliseconds(300))
            try workspace.write("sites/lumen/content/about.md", "---\ntitle: About\n---\nNew.\n")
            let next = await answer.flatMap { Int($0.body) }
            #expect(next == version + 1)
        }
    }

    @Test func everySiteIsServedOnOnePortUnderAHostNameOfItsOwn() async throws {
        let workspace = try FixtureWorkspace()
        defer { workspace.remove() }
        try await serving(workspace, sites: ["lumen", "store"]) { base in
            let index = try #require(await Loopback.get("\(base)/")?.body)
            let port = try #require(URLComponents(string: base)?.port)
            #expect(index.contains("http://lumen.localhost:\(port)/"))
            #expect(index.contains("http://store.localhost:\(port)/"))
            let store = await Loopback.get("http://store.localhost:\(port)/offers/spring/")
            #expect(store?.status == 200)
            let lumen = await Loopback.get("http://lumen.localhost:\(port)/about/")
            #expect(lumen?.body.contains("Founded in 1990") == true)
        }
    }

    @Test func aHostNameThatIsNoServedSiteGetsTheIndexWith404() async throws {
        let workspace = try FixtureWorkspace()
        defer { workspace.remove() }
        try await serving(workspace, sites: ["lumen", "store"]) { base in
            let port = try #require(URLComponents(string: base)?.port)
            let answer = await Loopback.get("http://lumne.localhost:\(port)/")
            #expect(answer?.status == 404)
            #expect(answer?.body.contains("http://lumen.localhost:\(port)/") == true)
        }
    }

    @Test func anotherDeviceChoosesItsSiteWithACookie() async throws {
        let workspace = try FixtureWorkspace()
        defer { workspace.remove() }
        try await serving(workspace, sites: ["lumen", "store"]) { base in
            let port = try #require(URLComponents(string: base)?.port)
            let phone = "http://192.168.1.20:\(port)"
            let index = try #require(await Loopback.get("\(phone)/")?.body)
            #expect(index.contains("href=\"/_showroom/site/store\""))
            let chosen = try #require(await Loopback.get("\(phone)/_showroom/site/store"))
            #expect(chosen.status == 303)
            let cookie = try #require(chosen.header("set-cookie")?.split(separator: ";").first.map(String.init))
            let page = await Loopback.get("\(phone)/offers/spring/", headers: [("Cookie", cookie)])
            #expect(page?.status == 200)
        }
    }

    @Test func pagesSentToAnotherDevicePostToThePreviewMachine() {
        #expect(SiteResponder.collectorAddress("http://127.0.0.1:8090", for: "192.168.1.20:8080") == "http://192.168.1.20:8090")
        #expect(SiteResponder.collectorAddress("http://127.0.0.1:8090", for: "aurora.localhost:8080") == nil)
        #expect(SiteResponder.collectorAddress("https://collect.example.com", for: "192.168.1.20:8080") == nil)
    }

    @Test func aTakenPortStopsServeBeforeItBuildsAndNamesTheProgramHoldingIt() async throws {
        let workspace = try FixtureWorkspace()
        defer { workspace.remove() }
        let listener = try LoopbackListener()
        let server = PreviewServer(options: PreviewOptions(workspace: workspace.root, sites: ["lumen"], port: listener.port,
                                                           output: workspace.root.appendingPathComponent(".showroom/preview"), log: { _ in }))
        do {
            try await server.run()
            Issue.record("serve started on a taken port")
        } catch let taken as PortCheck.Taken {
            #expect(taken.port == listener.port)
            #expect(taken.holder?.contains("process \(getpid())") == true)
            #expect(taken.description.contains("fix: "))
        }
        #expect(!FileManager.default.fileExists(atPath: workspace.root.appendingPathComponent(".showroom/preview").path))
    }

    @Test func theCollectionServicesPortIsNeverThePreviews() async throws {
        let workspace = try FixtureWorkspace()
        defer { workspace.remove() }
        let port = try Loopback.freePort()
        try workspace.write("showroom.yaml", "collector: http://127.0.0.1:\(port)\n")
        let server = PreviewServer(options: PreviewOptions(workspace: workspace.root, sites: ["lumen"], port: port,
                                                           collector: { _, _ in nil }, log: { _ in }))
        await #expect(throws: PortCheck.Taken.self) { try await server.run() }
    }

    @Test func aBrokenSiteYAMLShowsInTheBrowserAndTheTerminal() async throws {
        let workspace = try FixtureWorkspace()
        defer { workspace.remove() }
        let lines = LogLines()
        try await serving(workspace, sites: ["lumen"], log: lines.add) { base in
            let good = try workspace.read("sites/lumen/site.yaml")
            try workspace.write("sites/lumen/site.yaml", good.replacingOccurrences(of: "kind: brand", with: "kind: [brand"))
            let broken = await Loopback.poll("\(base)/about/", timeout: .seconds(120)) { $0.status == 500 }
            #expect(broken?.body.contains("sites/lumen/site.yaml:2:7") == true)
            #expect(lines.all.contains { $0.contains("sites/lumen/site.yaml:2:7") })

            try workspace.write("sites/lumen/site.yaml", good)
            let fixed = await Loopback.poll("\(base)/about/", timeout: .seconds(120)) { $0.status == 200 }
            #expect(fixed?.body.contains("Founded in 1990") == true)
        }
    }

    @Test func aBrokenSharedDataFileShowsInTheBrowser() async throws {
        let workspace = try FixtureWorkspace()
        defer { workspace.remove() }
        try await serving(workspace, sites: ["lumen"]) { base in
            let data = try #require(try FileManager.default.contentsOfDirectory(atPath: workspace.root.appendingPathComponent("shared/data").path)
                .sorted().first { $0.hasSuffix(".yaml") })
            let good = try workspace.read("shared/data/\(data)")
            try workspace.write("shared/data/\(data)", "broken: [\n" + good)
            let broken = await Loopback.poll("\(base)/about/", timeout: .seconds(120)) { $0.status == 500 }
            #expect(broken?.body.contains("shared/data/\(data)") == true)
            try workspace.write("shared/data/\(data)", good)
            let fixed = await Loopback.poll("\(base)/about/", timeout: .seconds(120)) { $0.status == 200 }
            #expect(fixed?.status == 200)
        }
    }

    /// A file outside the site's preview output, and the output folder where links to it are planted.
    private func plantSecret(in workspace: FixtureWorkspace) throws -> (secret: URL, output: URL) {
        let outside = workspace.root.appendingPathComponent("outside")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        try Data("root:x:0:0:secret".utf8).write(to: outside.appendingPathComponent("passwd"))
        return (outside, workspace.root.appendingPathComponent(".showroom/preview/lumen"))
    }

    @Test func aLinkToAFolderOutsideTheOutputIsNotFollowed() async throws {
        let workspace = try FixtureWorkspace()
        defer { workspace.remove() }
        try await serving(workspace, sites: ["lumen"]) { base in
            let (secret, output) = try plantSecret(in: workspace)
            try FileManager.default.createSymbolicLink(at: output.appendingPathComponent("etclink"), withDestinationURL: secret)
            let answer = await Loopback.get("\(base)/etclink/passwd")
            #expect(answer?.status == 404)
            #expect(answer?.body.contains("root:x") == false)
        }
    }

    @Test func aLinkToAFileOutsideTheOutputIsNotServed() async throws {
        let workspace = try FixtureWorkspace()
        defer { workspace.remove() }
        try await serving(workspace, sites: ["lumen"]) { base in
            let (secret, output) = try plantSecret(in: workspace)
            try FileManager.default.createSymbolicLink(at: output.appendingPathComponent("passwd.txt"),
                                                       withDestinationURL: secret.appendingPathComponent("passwd"))
            let answer = await Loopback.get("\(base)/passwd.txt")
            #expect(answer?.status == 404)
            #expect(answer?.body.contains("root:x") == false)
        }
    }
}

/// The lines a preview logged, for tests that read the terminal.
final class LogLines: Sendable {
    private let lines = Mutex<[String]>([])
    func add(_ line: String) { lines.withLock { $0.append(line) } }
    var all: [String] { lines.withLock { $0 } }
}
