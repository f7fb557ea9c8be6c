import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A PostgreSQL server of one test's own, from `scripts/postgres.sh` with a state file of its own: a test may stop it
/// (`pause`) and start it again (`resume`) without touching the server the other tests share.
struct PrivatePostgres: Sendable {
    let url: String
    private let stateFile: String

    private static let script = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("scripts/postgres.sh").path

    /// Starts a server, runs `body`, and stops the server and removes its data, whatever `body` did.
    static func with(_ body: (PrivatePostgres) async throws -> Void) async throws {
        let stateFile = FileManager.default.temporaryDirectory.appendingPathComponent("showroom-pg-\(UUID().uuidString).state").path
        let output = try await run("start", stateFile: stateFile)
        let url = try #require(output.split(separator: "=", maxSplits: 1).last.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) },
                               "scripts/postgres.sh start printed no address: \(output)")
        let server = PrivatePostgres(url: url, stateFile: stateFile)
        do {
            try await body(server)
        } catch {
            _ = try? await run("stop", stateFile: stateFile)
            throw error
        }
        _ = try await run("stop", stateFile: stateFile)
    }

    /// Stops the server, keeping its data: the database has gone away.
    func pause() async throws { _ = try await Self.run("pause", stateFile: stateFile) }

    /// Starts it again on the same port.
    func resume() async throws { _ = try await Self.run("resume", stateFile: stateFile) }

    /// Runs the script and returns its standard output; throws with its error output when it fails. The output goes to
    /// files, not pipes (the server the script starts would hold a pipe open after the script has ended), and the
    /// wait is a poll of `waitpid`, so no test thread is held while the server starts.
    private static func run(_ command: String, stateFile: String) async throws -> String {
        let output = stateFile + ".\(command).out", errors = stateFile + ".\(command).err"
        defer {
            unlink(output)
            unlink(errors)
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errors, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        let environment = ProcessInfo.processInfo.environment.merging(["SHOWROOM_POSTGRES_STATE": stateFile]) { $1 }
        let arguments = ["/bin/bash", script, command].map { $0.withCString { strdup($0) } } + [nil]
        let variables = environment.map { "\($0.key)=\($0.value)".withCString { strdup($0) } } + [nil]
        defer { (arguments + variables).forEach { free($0) } }
        var pid: pid_t = 0
        guard posix_spawn(&pid, "/bin/bash", &actions, nil, arguments, variables) == 0 else {
            throw PrivatePostgresFailure(description: "cannot run scripts/postgres.sh \(command)")
        }
        var status: Int32 = 0
        while waitpid(pid, &status, WNOHANG) == 0 { try await Task.sleep(for: .milliseconds(50)) }
        let text = (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
        guard status == 0 else {
            let complaint = (try? String(contentsOfFile: errors, encoding: .utf8)) ?? ""
            throw PrivatePostgresFailure(description: "scripts/postgres.sh \(command) failed: \(complaint)")
        }
        return text
    }
}

struct PrivatePostgresFailure: Error, CustomStringConvertible {
    let description: String
}
