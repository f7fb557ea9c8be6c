import Foundation
import ShowroomPreview
import ShowroomTestSupport
import Testing

@Suite("showroom serve")
struct ServeTests {
    /// Runs the preview server for the body, then stops it.
    private func serving(_ workspace: FixtureWorkspace, sites: [String],
                         _ body: (_ base: String) async throws -> Void) async throws {
        let port = try Loopback.freePort()
        let server = PreviewServer(options: PreviewOptions(
            workspace: workspace.root, sites: sites, port: port,
            output: workspace.root.appendingPathComponent(".showroom/preview"), log: { _ in }))
        let task = Task { try await server.run() }
        defer { task.cancel() }
        let base = "http://127.0.0.1:\(port)"
        let up = await Loopback.poll("\(base)/", timeout: .seconds(60)) { _ in true }
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
            let after = await Loopback.poll("\(base)/about/", timeout: .seconds(20)) { $0.body.contains("Founded in 1991") }
            #expect(after?.body.contains("Founded in 1991") == true)
            #expect(!(try workspace.read(".showroom/preview/lumen/about/index.html").contains("data-showroom-preview")))
        }
    }

    @Test func aBuildErrorShowsInPlaceOfThePageUntilFixed() async throws {
        let workspace = try FixtureWorkspace()
        defer { workspace.remove() }
        try await serving(workspace, sites: ["lumen"]) { base in
            let good = try workspace.read("sites/lumen/content/about.md")
            try workspace.write("sites/lumen/content/about.md", "---\ntitle: About\nlayout: nowhere\n---\nText\n")
            let broken = await Loopback.poll("\(base)/about/", timeout: .seconds(20)) { $0.status == 500 }
            #expect(broken?.body.contains("sites/lumen/content/about.md:3") == true)
            #expect(broken?.body.contains("nowhere") == true)

            try workspace.write("sites/lumen/content/about.md", good)
            let fixed = await Loopback.poll("\(base)/about/", timeout: .seconds(20)) { $0.status == 200 }
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

    @Test func severalSitesGetAnIndexAndAPortEach() async throws {
        let workspace = try FixtureWorkspace()
        defer { workspace.remove() }
        try await serving(workspace, sites: ["lumen", "store"]) { base in
            let index = try #require(await Loopback.get("\(base)/")?.body)
            let port = Int(base.split(separator: ":").last ?? "") ?? 0
            #expect(index.contains("http://127.0.0.1:\(port + 1)/"))
            #expect(index.contains("http://127.0.0.1:\(port + 2)/"))
            let store = await Loopback.poll("http://127.0.0.1:\(port + 2)/offers/spring/", timeout: .seconds(10)) { $0.status == 200 }
            #expect(store?.status == 200)
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
