import Foundation
import ShowroomCore
import ShowroomStudio
import ShowroomTestSupport
import Testing

/// A studio running on loopback over a copy of the `basic` fixture workspace (or of some sites of the example
/// fleet), made a git repository with one commit, and a browser's side of the conversation: its cookies, the session's CSRF token, its `Origin`.
struct StudioStage: Sendable {
    let workspace: FixtureWorkspace
    let port: Int
    /// The address the studio was reached at, as the `Host` header and the `Origin` say it.
    let authority: String

    /// Runs a studio for the body on a fresh copy of the fixture (or of the example fleet's `fleet` sites, with
    /// all its shared data), then stops it and removes the copy.
    static func with(host: String = "127.0.0.1", loginToken: String? = nil, passwordFile: URL? = nil, sessionLifetime: Duration = .seconds(3600),
                     fleet: [String]? = nil, _ body: (StudioStage) async throws -> Void) async throws {
        let workspace = try fleet.map { FixtureWorkspace(root: try ExampleFleet.copy(sites: $0)) } ?? FixtureWorkspace()
        defer { workspace.remove() }
        try git(["init", "--quiet", "--initial-branch=main"], in: workspace.root)
        try git(["add", "--all"], in: workspace.root)
        try git(["-c", "user.name=Fixture", "-c", "user.email=fixture@example.test", "commit", "--quiet", "-m", "The fixture"], in: workspace.root)
        let port = try Loopback.freePort()
        var options = StudioOptions(workspace: workspace.root, host: host, port: port, sessionLifetime: sessionLifetime, loginToken: loginToken,
                                    log: { _ in })
        options.passwordFile = passwordFile
        let server = StudioServer(options: options)
        let task = Task { try await server.run() }
        defer { task.cancel() }
        let stage = StudioStage(workspace: workspace, port: port, authority: "localhost:\(port)")
        // The first build of the fleet comes before the port opens; on a loaded machine that takes a while.
        let up = await Loopback.poll("http://localhost:\(port)/_studio/studio.css", timeout: .seconds(300)) { _ in true }
        try #require(up != nil, "the studio did not answer")
        try await body(stage)
    }

    /// Runs git in `folder`, failing the test when it fails.
    @discardableResult
    static func git(_ arguments: [String], in folder: URL) throws -> String {
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

    /// A browser: its session cookie and the CSRF token of the last studio page it saw.
    final class Browser: Sendable {
        private struct Memory {
            var cookies: [String: String] = [:]
            var csrf = ""
        }
        private let memory = Locked(Memory())
        let stage: StudioStage

        init(_ stage: StudioStage) { self.stage = stage }

        /// The CSRF token of the last studio page this browser saw.
        var csrf: String { memory.withLock { $0.csrf } }

        /// The Cookie header this browser sends.
        var cookies: String { cookieHeader }

        private var cookieHeader: String {
            memory.withLock { $0.cookies.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "; ") }
        }

        private func keep(_ response: Loopback.Response) {
            memory.withLock { memory in
                for header in response.headers where header.name == "set-cookie" {
                    let pair = header.value.split(separator: ";")[0].split(separator: "=", maxSplits: 1)
                    if pair.count == 2 { memory.cookies[String(pair[0])] = String(pair[1]) }
                }
                if let match = response.body.firstMatch(of: /name="studio-csrf" content="([0-9a-f]+)"/) { memory.csrf = String(match.1) }
            }
        }

        /// A GET of `path`, as the studio's own page would make it.
        func get(_ path: String, headers: [(String, String)] = []) async throws -> Loopback.Response {
            let response = try await Loopback.send("GET", port: stage.port, path: path,
                                                   headers: [("Host", stage.authority), ("Cookie", cookieHeader)] + headers)
            keep(response)
            return response
        }

        /// A POST of `fields` to `path`, with this browser's CSRF token and the studio's origin unless told otherwise.
        func post(_ path: String, _ fields: [(String, String)], csrf: String?? = .none, origin: String?? = .none) async throws -> Loopback.Response {
            var all = fields
            if let token = csrf ?? self.csrf { all.append(("csrf", token)) }
            var allowed = CharacterSet.alphanumerics
            allowed.insert(charactersIn: "-._~")
            let body = all.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")" }.joined(separator: "&")
            var headers = [("Host", stage.authority), ("Cookie", cookieHeader), ("Content-Type", "application/x-www-form-urlencoded")]
            if let origin = origin ?? "http://\(stage.authority)" { headers.append(("Origin", origin)) }
            let response = try await Loopback.send("POST", port: stage.port, path: path, headers: headers, body: Data(body.utf8))
            keep(response)
            return response
        }

        /// The editor's hidden `version` field on an editor page.
        static func version(in page: String) -> String? {
            page.firstMatch(of: /name="version" value="([0-9a-f]+)"/).map { String($0.1) }
        }
    }
}
