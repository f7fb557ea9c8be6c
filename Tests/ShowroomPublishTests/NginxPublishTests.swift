import Foundation
import ShowroomPublish
import ShowroomTestSupport
import Testing

/// Debian's nginx, run as a child process on loopback with a throw-away configuration.
struct Nginx {
    static let binary = ["/usr/sbin/nginx", "/usr/bin/nginx"].first { FileManager.default.isExecutableFile(atPath: $0) }
    /// In CI this test must run (CI installs nginx); elsewhere it is skipped when nginx is missing.
    static let shouldRun = binary != nil || ProcessInfo.processInfo.environment["CI"] != nil

    let process: Process
    let port: Int

    /// Starts nginx serving `root` (a path through the `current` link) on a free loopback port. A port found free
    /// can be taken before nginx binds it (another test's outgoing connection may get it as its local port), and
    /// nginx then exits at once: it is started again on another port, up to five times.
    init(root: URL, scratch: URL) throws {
        guard let binary = Self.binary else {
            Issue.record("nginx is not installed; CI must install Debian's nginx (apt-get install nginx-light)")
            throw CocoaError(.executableNotLoadable)
        }
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        for _ in 0..<5 {
            let port = try Loopback.freePort()
            let process = try Self.start(binary: binary, root: root, scratch: scratch, port: port)
            let deadline = Date().addingTimeInterval(5)
            while process.isRunning, !Loopback.accepts(port: port), Date() < deadline { usleep(20_000) }
            if process.isRunning {
                self.process = process
                self.port = port
                return
            }
        }
        Issue.record("nginx did not start; see \(scratch.path)/error.log")
        throw CocoaError(.executableLoad)
    }

    private static func start(binary: String, root: URL, scratch: URL, port: Int) throws -> Process {
        let config = """
            daemon off;
            master_process off;
            worker_processes 1;
            pid \(scratch.path)/nginx.pid;
            error_log \(scratch.path)/error.log;
            events { worker_connections 64; }
            http {
                access_log off;
                client_body_temp_path \(scratch.path)/body;
                proxy_temp_path \(scratch.path)/proxy;
                fastcgi_temp_path \(scratch.path)/fastcgi;
                server {
                    listen 127.0.0.1:\(port);
                    root \(root.path);
                    location / { try_files $uri $uri/ =404; }
                }
            }
            """
        let file = scratch.appendingPathComponent("nginx.conf")
        try Data(config.utf8).write(to: file)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["-p", scratch.path, "-c", file.path, "-e", "\(scratch.path)/error.log"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    var base: String { "http://127.0.0.1:\(port)" }

    /// SIGKILL: the test process blocks SIGTERM in the threads the child inherits its signal mask from, and a
    /// single-process nginx has nothing to finish.
    func stop() {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }
}

@Suite("publish behind nginx")
struct NginxPublishTests {
    @Test(.enabled(if: Nginx.shouldRun, "nginx is not installed and CI is not set"))
    func nginxServesTheNewReleaseAfterPublishAndTheOldOneAfterRollback() async throws {
        let place = PublishPlace()
        defer { place.remove() }
        let clock = SteppingClock()
        let publisher = Publisher(now: { clock.next() })
        try place.build(["index.html": "<h1>Aurora v1</h1>", "specs/index.html": "<h1>Specs v1</h1>"])
        _ = try publisher.publish(site: "aurora", from: place.built, to: place.target)

        let nginx = try Nginx(root: place.target.appendingPathComponent("aurora/current"), scratch: place.root.appendingPathComponent("nginx"))
        defer { nginx.stop() }
        let first = await Loopback.poll("\(nginx.base)/") { $0.status == 200 }
        #expect(first?.body == "<h1>Aurora v1</h1>")
        #expect(await Loopback.get("\(nginx.base)/specs/")?.body == "<h1>Specs v1</h1>")

        try place.build(["index.html": "<h1>Aurora v2</h1>"])
        _ = try publisher.publish(site: "aurora", from: place.built, to: place.target)
        #expect(await Loopback.get("\(nginx.base)/")?.body == "<h1>Aurora v2</h1>")
        #expect(await Loopback.get("\(nginx.base)/specs/")?.status == 404)

        _ = try publisher.rollback(site: "aurora", in: place.target)
        #expect(await Loopback.get("\(nginx.base)/")?.body == "<h1>Aurora v1</h1>")
        #expect(await Loopback.get("\(nginx.base)/specs/")?.body == "<h1>Specs v1</h1>")
    }
}
