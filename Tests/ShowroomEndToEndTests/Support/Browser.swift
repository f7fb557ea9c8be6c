import Foundation
#if canImport(Glibc)
import Glibc
#endif
import ShowroomTestSupport

/// Debian's Chromium and chromedriver: found on the machine, or installed by `scripts/browser.sh` when missing.
enum Browser {
    static let chromium = "/usr/bin/chromium"
    static let chromedriver = "/usr/bin/chromedriver"
    static let inCI = ProcessInfo.processInfo.environment["CI"].map { !$0.isEmpty && $0 != "false" && $0 != "0" } ?? false

    /// Whether the browser tests can run, installing the browser once if needed. In CI they always run (and fail
    /// without a browser); elsewhere they are skipped only when the browser cannot be installed.
    static let available: Bool = {
        if isInstalled { return true }
        let script = ExampleFleet.repository.appendingPathComponent("scripts/browser.sh")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [script.path]
        process.standardOutput = FileHandle.nullDevice
        do {
            try process.run()
            process.waitUntilExit()
        } catch {
            return false
        }
        return isInstalled
    }()

    static var isInstalled: Bool {
        FileManager.default.isExecutableFile(atPath: chromium) && FileManager.default.isExecutableFile(atPath: chromedriver)
    }

    /// Runs chromedriver on a free loopback port for as long as `body` runs.
    static func withDriver<Result>(_ body: (URL) async throws -> Result) async throws -> Result {
        let port = try Loopback.freePort()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: chromedriver)
        process.arguments = ["--port=\(port)", "--allowed-ips=127.0.0.1"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer {
            // chromedriver started by Foundation's Process does not always act on SIGTERM; nothing of it needs saving.
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        let base = URL(string: "http://127.0.0.1:\(port)")!
        try await waitUntilReady(base)
        return try await body(base)
    }

    private static func waitUntilReady(_ base: URL) async throws {
        for _ in 0..<100 {
            if let answer = try? await Loopback.send("GET", port: base.port ?? 80, path: "/status"),
               answer.body.replacingOccurrences(of: " ", with: "").contains("\"ready\":true") {
                return
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw WebDriver.Failure(description: "chromedriver did not become ready on \(base)")
    }
}
