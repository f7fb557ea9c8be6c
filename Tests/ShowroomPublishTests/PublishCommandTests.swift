import Foundation
import ShowroomTestSupport
import Testing

/// `showroom publish` as a command: which folder it publishes when `--from` is left out.
@Suite("showroom publish command")
struct PublishCommandTests {
    @Test func withoutFromItPublishesTheOutputFolderThatShowroomYamlNames() throws {
        let workspace = try FixtureWorkspace()
        defer { workspace.remove() }
        try workspace.write("showroom.yaml", "collector: https://collect.example.test\noutput: dist\n")
        try workspace.write("dist/aurora/index.html", "<h1>Aurora from dist</h1>")
        try workspace.write("public/aurora/index.html", "<h1>Aurora, stale</h1>")
        let target = workspace.root.appendingPathComponent("www")
        let run = try ShowroomCommand.run(["publish", "--site", "aurora", "--to", target.path, "--workspace", workspace.root.path])
        #expect(run.status == 0, "\(run.errors)")
        let live = try? String(contentsOf: target.appendingPathComponent("aurora/current/index.html"), encoding: .utf8)
        #expect(live == "<h1>Aurora from dist</h1>")
    }
}
