import Foundation
import ShowroomTestSupport
import Testing

/// "Push" on the publishing screen, against a real bare repository on this machine as the remote.
@Suite("showroom studio: push", .serialized)
struct StudioPushTests {
    private let about = "sites/lumen/content/about.md"

    /// A bare repository made the workspace's `origin`, holding the workspace's first commit.
    private func remote(for stage: StudioStage) throws -> TemporaryFolder {
        let remote = try TemporaryFolder("studio-remote")
        try StudioStage.git(["init", "--quiet", "--bare", "--initial-branch=main", remote.url.path], in: remote.url)
        try StudioStage.git(["remote", "add", "origin", remote.url.path], in: stage.workspace.root)
        try StudioStage.git(["push", "--quiet", "origin", "main"], in: stage.workspace.root)
        return remote
    }

    /// Saves a change of the about page and commits it from the studio with `message`.
    private func commitChange(_ browser: StudioStage.Browser, _ stage: StudioStage, message: String) async throws {
        _ = try await browser.get("/_studio/publish")
        try stage.workspace.write(about, try stage.workspace.read(about).replacingOccurrences(of: "1990", with: "1991"))
        let committed = try await browser.post("/_studio/commit", [("message", message), ("name", "Mei Lin"), ("email", "mei.lin@example.test")])
        #expect(committed.status == 200)
    }

    @Test func pushSendsTheCommitToTheRemote() async throws {
        try await StudioStage.with { stage in
            let remote = try remote(for: stage)
            defer { remote.remove() }
            let browser = StudioStage.Browser(stage)
            try await commitChange(browser, stage, message: "About: founded in 1991")
            #expect(try await browser.get("/_studio/publish").body.contains("id=\"push\""))
            let pushed = try await browser.post("/_studio/push", [])
            #expect(pushed.status == 200)
            #expect(pushed.body.contains("Pushed to origin main"))
            #expect(try StudioStage.git(["log", "-1", "--format=%s", "main"], in: remote.url) == "About: founded in 1991\n")
        }
    }

    @Test func aRefusedPushShowsGitsMessageAndKeepsTheCommit() async throws {
        try await StudioStage.with { stage in
            let remote = try remote(for: stage)
            defer { remote.remove() }
            // Someone else pushed a commit the workspace does not have.
            let other = try TemporaryFolder("studio-other")
            defer { other.remove() }
            try StudioStage.git(["clone", "--quiet", remote.url.path, other.url.appendingPathComponent("clone").path], in: other.url)
            let clone = other.url.appendingPathComponent("clone")
            try Data("theirs\n".utf8).write(to: clone.appendingPathComponent("theirs.txt"))
            try StudioStage.git(["add", "theirs.txt"], in: clone)
            try StudioStage.git(["-c", "user.name=Other", "-c", "user.email=other@example.test", "commit", "--quiet", "-m", "Theirs"], in: clone)
            try StudioStage.git(["push", "--quiet", "origin", "main"], in: clone)

            let browser = StudioStage.Browser(stage)
            try await commitChange(browser, stage, message: "Mine")
            let refused = try await browser.post("/_studio/push", [])
            #expect(refused.status == 422)
            #expect(refused.body.contains("git push failed"))
            #expect(refused.body.contains("rejected"))
            #expect(refused.body.contains("Nothing was lost"))
            #expect(try StudioStage.git(["log", "-1", "--format=%s"], in: stage.workspace.root) == "Mine\n")
            #expect(try StudioStage.git(["log", "-1", "--format=%s", "main"], in: remote.url) == "Theirs\n")
        }
    }

    @Test func withoutARemoteThereIsNoPushAndAPushIsRefused() async throws {
        try await StudioStage.with { stage in
            let browser = StudioStage.Browser(stage)
            #expect(!(try await browser.get("/_studio/publish").body.contains("id=\"push\"")))
            let refused = try await browser.post("/_studio/push", [])
            #expect(refused.status == 422)
            #expect(refused.body.contains("this repository has no remote to push to"))
        }
    }

    @Test func aPushWithoutTheCSRFTokenOrFromAForeignOriginIsRefused() async throws {
        try await StudioStage.with { stage in
            let remote = try remote(for: stage)
            defer { remote.remove() }
            let browser = StudioStage.Browser(stage)
            try await commitChange(browser, stage, message: "Not to be pushed")
            #expect(try await browser.post("/_studio/push", [], csrf: .some(nil)).status == 403)
            #expect(try await browser.post("/_studio/push", [], origin: "http://evil.example").status == 403)
            #expect(try StudioStage.git(["log", "-1", "--format=%s", "main"], in: remote.url) == "The fixture\n")
        }
    }
}
