import Foundation
import ShowroomStudio
import ShowroomTestSupport
import Testing

/// The second way to log in to a studio reachable beyond this machine: a password kept in a file, over real HTTP.
@Suite("showroom studio: login with a password file", .serialized)
struct StudioLoginTests {
    @Test func aStudioStartedWithAPasswordFileTakesItsPasswordAndNoOtherToken() async throws {
        let folder = try TemporaryFolder("studio-password")
        defer { folder.remove() }
        let file = try folder.write("  correct horse battery  \nsecond line\n", to: "password")
        try await StudioStage.with(host: "0.0.0.0", loginToken: "letmein", passwordFile: file) { stage in
            let browser = StudioStage.Browser(stage)
            let first = try await browser.get("/_studio/")
            #expect(first.status == 303)
            #expect(try await browser.post("/_studio/login", [("token", "letmein")], csrf: .some(nil)).status == 401)
            #expect(try await browser.post("/_studio/login", [("token", "second line")], csrf: .some(nil)).status == 401)
            #expect(try await browser.post("/_studio/login", [("token", "correct horse battery")], csrf: .some(nil)).status == 303)
            #expect(try await browser.get("/_studio/").status == 200)
        }
    }

    @Test func aLoginWithThePasswordExpires() async throws {
        let folder = try TemporaryFolder("studio-password")
        defer { folder.remove() }
        let file = try folder.write("correct horse battery\n", to: "password")
        // Long enough for the first page to come back on a busy CI machine, short enough to wait out.
        try await StudioStage.with(host: "0.0.0.0", passwordFile: file, sessionLifetime: .seconds(4)) { stage in
            let browser = StudioStage.Browser(stage)
            #expect(try await browser.post("/_studio/login", [("token", "correct horse battery")], csrf: .some(nil)).status == 303)
            #expect(try await browser.get("/_studio/").status == 200)
            try await Task.sleep(for: .seconds(5))
            #expect(try await browser.get("/_studio/").status == 303)
        }
    }

    @Test func aPasswordShorterThanTwelveCharactersStopsTheStudioBeforeItListens() async throws {
        let folder = try TemporaryFolder("studio-password")
        defer { folder.remove() }
        let file = try folder.write("short\n", to: "password")
        var options = StudioOptions(workspace: folder.url, host: "0.0.0.0", port: try Loopback.freePort(), log: { _ in })
        options.passwordFile = file
        do {
            try await StudioServer(options: options).run()
            Issue.record("the studio started with a five-character password")
        } catch let problem as StudioOptions.PasswordFileProblem {
            #expect(problem.description == "\(file.path):1: the password must be at least 12 characters long, found 5; fix: write a longer password on the file's first line")
        }
    }
}
