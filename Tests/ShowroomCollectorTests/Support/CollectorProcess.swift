import Foundation
import ShowroomTestSupport
#if canImport(Glibc)
import Glibc
#endif

/// `showroom collector` running as a process of its own on a loopback port, as operations run it: a test can kill it
/// with SIGKILL, which no in-process service can be.
struct CollectorProcess {
    let port: Int
    let process: Process
    let log: URL

    /// Starts the built command over `workspace` and `database` (a `postgres://` address or `sqlite:PATH`), without rate
    /// limits, and returns once `/healthz` answers `200`. Throws with the service's log when it does not start.
    static func start(workspace: TestWorkspace, database: String, name: String) async throws -> CollectorProcess {
        var lastLog = ""
        // A free port may be taken by another process before the service binds it: then try another.
        for _ in 0..<3 {
            let port = try Loopback.freePort()
            let log = workspace.root.appendingPathComponent("collector-\(name).log")
            let process = try ShowroomCommand.start(
                ["collector", "--workspace", workspace.root.path, "--database", database, "--host", "127.0.0.1",
                 "--port", "\(port)", "--rate-limit", "0", "--booking-rate-limit", "0"],
                in: workspace.root, log: log)
            let deadline = ContinuousClock.now + .seconds(60)
            while process.isRunning, ContinuousClock.now < deadline {
                if let health = try? await Loopback.send("GET", port: port, path: "/healthz", timeout: .seconds(5)), health.status == 200 {
                    return CollectorProcess(port: port, process: process, log: log)
                }
                try await Task.sleep(for: .milliseconds(50))
            }
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
            lastLog = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        }
        throw Failure(description: "`showroom collector` did not answer /healthz within a minute; its log:\n\(lastLog)")
    }

    /// Sends `signal` and waits for the process to end.
    func stop(with signal: Int32 = SIGTERM) async {
        guard process.isRunning else { return }
        kill(process.processIdentifier, signal)
        while process.isRunning { try? await Task.sleep(for: .milliseconds(20)) }
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }
}
