import Foundation
import ShowroomSite
import ShowroomTestSupport
import Testing

/// What `POST /_studio/api/preview` answers, as the editor's script reads it.
private struct PreviewAnswer: Decodable {
    struct Problem: Decodable {
        var field: String
        var line: Int?
        var severity: String
        var message: String
    }
    var frame: String?
    var blocking: Bool
    var problems: [Problem]

    init(_ response: Loopback.Response) throws {
        self = try JSONDecoder().decode(PreviewAnswer.self, from: response.data)
    }
}

/// The studio over real HTTP on loopback, against a copy of the `basic` fixture in a git repository.
@Suite("showroom studio", .serialized)
struct StudioTests {
    private let about = "sites/lumen/content/about.md"

    /// Opens the editor of `file` in `browser` and returns the page and its version.
    private func open(_ file: String, site: String = "lumen", in browser: StudioStage.Browser) async throws -> (page: String, version: String) {
        let page = try await browser.get("/_studio/edit?site=\(site)&file=\(file)")
        #expect(page.status == 200)
        return (page.body, try #require(StudioStage.Browser.version(in: page.body)))
    }

    @Test func theFleetScreenListsEverySiteWithItsKindAndLanguage() async throws {
        try await StudioStage.with { stage in
            let page = try await StudioStage.Browser(stage).get("/_studio/")
            #expect(page.status == 200)
            for site in ["aurora", "lumen", "store"] { #expect(page.body.contains("/_studio/site?id=\(site)")) }
            #expect(page.body.contains("<td>brand</td><td>en</td>"))
            #expect(page.header("content-security-policy")?.contains("script-src 'self'") == true)
        }
    }

    @Test func theSearchFindsPagesByTitleAcrossTheFleet() async throws {
        try await StudioStage.with { stage in
            let page = try await StudioStage.Browser(stage).get("/_studio/?q=friends")
            #expect(page.body.contains("About &lt;Lumen&gt; &amp; friends"))
            #expect(page.body.contains("file=sites/lumen/content/about.md"))
        }
    }

    @Test func theInterfaceSpeaksChineseToABrowserThatAsksForIt() async throws {
        try await StudioStage.with { stage in
            let page = try await StudioStage.Browser(stage).get("/_studio/", headers: [("Accept-Language", "zh-CN,zh;q=0.9,en;q=0.5")])
            #expect(page.body.contains("<html lang=\"zh-CN\">"))
            #expect(page.body.contains("全部网站"))
        }
    }

    @Test func theEditorShowsTheFrontMatterAsFieldsAndTheBodyAsText() async throws {
        try await StudioStage.with { stage in
            let (page, _) = try await open(about, in: StudioStage.Browser(stage))
            #expect(page.contains("<label for=\"f-title\">Title</label>"))
            #expect(page.contains("name=\"title\" value=\"About &lt;Lumen&gt; &amp; friends\""))
            #expect(page.contains("name=\"date\" type=\"date\" value=\"2026-01-10\""))
            #expect(page.contains("name=\"yaml.aliases\""))
            #expect(page.contains("Founded in 1990."))
        }
    }

    @Test func savingWritesTheFileWithOnlyTheChangedLinesChanged() async throws {
        try await StudioStage.with { stage in
            let browser = StudioStage.Browser(stage)
            let (_, version) = try await open(about, in: browser)
            let before = try stage.workspace.read(about)
            let body = String(before[before.range(of: "Founded")!.lowerBound...]).replacingOccurrences(of: "1990", with: "1991")
            let saved = try await browser.post("/_studio/save", [
                ("site", "lumen"), ("file", about), ("version", version), ("title", "About <Lumen> & friends"),
                ("description", ""), ("date", "2026-01-10"), ("yaml.aliases", "aliases: [/company/]"), ("body", body),
            ])
            #expect(saved.status == 303)
            let after = try stage.workspace.read(about)
            #expect(after == before.replacingOccurrences(of: "1990", with: "1991"))
        }
    }

    @Test func aSaveOfAFileChangedOnDiskSinceItWasOpenedIsRefusedWithBothVersions() async throws {
        try await StudioStage.with { stage in
            let browser = StudioStage.Browser(stage)
            let (_, version) = try await open(about, in: browser)
            try stage.workspace.write(about, "---\ntitle: Changed by a git pull\n---\nTheir text.\n")
            let refused = try await browser.post("/_studio/save", [
                ("site", "lumen"), ("file", about), ("version", version), ("title", "Mine"), ("body", "My text.\n"),
            ])
            #expect(refused.status == 409)
            #expect(refused.body.contains("Their text."))
            #expect(refused.body.contains("My text."))
            #expect(try stage.workspace.read(about) == "---\ntitle: Changed by a git pull\n---\nTheir text.\n")
        }
    }

    @Test func aPathOutsideTheWorkspaceIsRefused() async throws {
        try await StudioStage.with { stage in
            let browser = StudioStage.Browser(stage)
            #expect(try await browser.get("/_studio/edit?site=lumen&file=../../etc/passwd").status == 403)
            #expect(try await browser.get("/_studio/edit?site=lumen&file=/etc/passwd").status == 403)
            #expect(try await browser.get("/_studio/edit?site=lumen&file=.git/config").status == 403)
            let outside = try TemporaryFolder("studio-outside")
            defer { outside.remove() }
            try FileManager.default.createSymbolicLink(at: stage.workspace.root.appendingPathComponent("sites/lumen/content/out"),
                                                       withDestinationURL: outside.url)
            _ = try await browser.get("/_studio/")
            let written = try await browser.post("/_studio/save", [
                ("site", "lumen"), ("file", "sites/lumen/content/out/page.md"), ("version", ""), ("text", "escaped"),
            ])
            #expect(written.status == 403)
            #expect(!FileManager.default.fileExists(atPath: outside.appending("page.md").path))
        }
    }

    @Test func aChangeWithoutTheSessionsCSRFTokenIsRefused() async throws {
        try await StudioStage.with { stage in
            let browser = StudioStage.Browser(stage)
            let (_, version) = try await open(about, in: browser)
            let before = try stage.workspace.read(about)
            let fields = [("site", "lumen"), ("file", about), ("version", version), ("text", "forged\n")]
            #expect(try await browser.post("/_studio/save", fields, csrf: .some(nil)).status == 403)
            #expect(try await browser.post("/_studio/save", fields, csrf: "0123456789abcdef").status == 403)
            #expect(try stage.workspace.read(about) == before)
        }
    }

    @Test func aChangeFromAForeignOriginIsRefused() async throws {
        try await StudioStage.with { stage in
            let browser = StudioStage.Browser(stage)
            let (_, version) = try await open(about, in: browser)
            let before = try stage.workspace.read(about)
            let fields = [("site", "lumen"), ("file", about), ("version", version), ("text", "forged\n")]
            #expect(try await browser.post("/_studio/save", fields, origin: "http://evil.example").status == 403)
            #expect(try await browser.post("/_studio/save", fields, origin: .some(nil)).status == 403)
            #expect(try stage.workspace.read(about) == before)
        }
    }

    @Test func aHostNameThatIsNotThisMachineIsRefusedOnLoopback() async throws {
        try await StudioStage.with { stage in
            let answer = try await Loopback.send("GET", port: stage.port, path: "/_studio/", headers: [("Host", "rebound.example:\(stage.port)")])
            #expect(answer.status == 421)
        }
    }

    @Test func thePreviewIsTheEnginesOwnHTMLOfTheEditedPage() async throws {
        try await StudioStage.with { stage in
            let browser = StudioStage.Browser(stage)
            let (_, version) = try await open(about, in: browser)
            let answer = try await browser.post("/_studio/api/preview", [
                ("site", "lumen"), ("file", about), ("version", version), ("title", "About Lumen"), ("date", "2026-01-10"),
                ("yaml.aliases", "aliases: [/company/]"), ("body", "Founded in 1991.\n"),
            ])
            #expect(answer.status == 200)
            let frame = try #require(try PreviewAnswer(answer).frame)
            let preview = try await browser.get(frame)
            #expect(preview.body.contains("Founded in 1991."))

            // The same edit built by `showroom build` gives the same page.
            let copy = try FixtureWorkspace()
            defer { copy.remove() }
            try copy.write(about, "---\ntitle: About Lumen\ndate: 2026-01-10\naliases: [/company/]\n---\nFounded in 1991.\n")
            _ = FleetBuilder.build(BuildOptions(workspace: copy.root, sites: ["lumen"], includeDrafts: true))
            #expect(preview.body == copy.output("lumen/about/index.html"))
            #expect(try stage.workspace.read(about).contains("Founded in 1990."))
        }
    }

    @Test func aPreviewFlagsAnErrorAtItsLineInTheBodyAndTheSaveIsRefused() async throws {
        try await StudioStage.with { stage in
            let browser = StudioStage.Browser(stage)
            let (_, version) = try await open(about, in: browser)
            let fields = [("site", "lumen"), ("file", about), ("version", version), ("title", "About Lumen"),
                          ("body", "First line.\n\n{{< nosuch >}}\n")]
            let answer = try PreviewAnswer(try await browser.post("/_studio/api/preview", fields))
            #expect(answer.blocking)
            let problem = try #require(answer.problems.first { $0.message.contains("nosuch") })
            #expect(problem.field == "body")
            #expect(problem.line == 3)
            #expect(problem.severity == "error")
            let before = try stage.workspace.read(about)
            let refused = try await browser.post("/_studio/save", fields)
            #expect(refused.status == 422)
            #expect(refused.body.contains("line 3: error"))
            #expect(try stage.workspace.read(about) == before)
        }
    }

    @Test func aWarningIsShownAtItsFieldAndDoesNotBlockTheSave() async throws {
        try await StudioStage.with { stage in
            let browser = StudioStage.Browser(stage)
            let (_, version) = try await open(about, in: browser)
            let text = "---\ntitle: About Lumen\ndescripton: Electric\n---\nFounded in 1990.\n"
            let fields = [("site", "lumen"), ("file", about), ("version", version), ("text", text)]
            let answer = try PreviewAnswer(try await browser.post("/_studio/api/preview", fields))
            #expect(!answer.blocking)
            let warning = try #require(answer.problems.first { $0.message.contains("did you mean `description`") })
            #expect(warning.severity == "warning")
            #expect(warning.field == "field.descripton")
            #expect(try await browser.post("/_studio/save", fields).status == 303)
            #expect(try stage.workspace.read(about) == text)
        }
    }

    @Test func saveToTheRepositoryCommitsTheChangeWithTheUsersMessageAndName() async throws {
        try await StudioStage.with { stage in
            let browser = StudioStage.Browser(stage)
            let (_, version) = try await open(about, in: browser)
            _ = try await browser.post("/_studio/save", [
                ("site", "lumen"), ("file", about), ("version", version), ("title", "About Lumen"), ("date", "2026-01-10"),
                ("yaml.aliases", "aliases: [/company/]"), ("body", "Founded in 1991.\n"),
            ])
            let publishing = try await browser.get("/_studio/publish")
            #expect(publishing.body.contains(about))
            #expect(publishing.body.contains("<span class=\"added\">+Founded in 1991.</span>"))
            let committed = try await browser.post("/_studio/commit", [
                ("message", "About: founded in 1991"), ("name", "Mei Lin"), ("email", "mei.lin@example.test"),
            ])
            #expect(committed.status == 200)
            let log = try StudioStage.git(["log", "-1", "--format=%an <%ae> %s"], in: stage.workspace.root)
            #expect(log == "Mei Lin <mei.lin@example.test> About: founded in 1991\n")
            #expect(try StudioStage.git(["status", "--porcelain", "--", "sites"], in: stage.workspace.root).isEmpty)
        }
    }

    @Test func aStudioReachableBeyondThisMachineAsksForTheLoginToken() async throws {
        try await StudioStage.with(host: "0.0.0.0", loginToken: "letmein") { stage in
            let browser = StudioStage.Browser(stage)
            let first = try await browser.get("/_studio/")
            #expect(first.status == 303)
            #expect(first.header("location") == "/_studio/login")
            #expect(try await browser.post("/_studio/login", [("token", "wrong")], csrf: .some(nil)).status == 401)
            #expect(try await browser.get("/_studio/edit?site=lumen&file=\(about)").status == 303)
            #expect(try await browser.post("/_studio/login", [("token", "letmein")], csrf: .some(nil)).status == 303)
            #expect(try await browser.get("/_studio/").status == 200)
        }
    }

    @Test func aLoginExpires() async throws {
        try await StudioStage.with(host: "0.0.0.0", loginToken: "letmein", sessionLifetime: .milliseconds(500)) { stage in
            let browser = StudioStage.Browser(stage)
            #expect(try await browser.post("/_studio/login", [("token", "letmein")], csrf: .some(nil)).status == 303)
            #expect(try await browser.get("/_studio/").status == 200)
            try await Task.sleep(for: .seconds(1))
            #expect(try await browser.get("/_studio/").status == 303)
        }
    }
}
