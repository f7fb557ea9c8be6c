import Foundation
import Hummingbird
import Logging
import ServiceLifecycle
import UnixSignals
import ShowroomCore
import ShowroomPreview
import ShowroomSite

/// `showroom studio`: the content editor in the browser. Builds the fleet once into `.showroom/studio/output`
/// (the preview frame's pictures and links come from there), then serves the studio's screens on one port:
/// the fleet, the page editor with its live preview built by the engine, and publishing to git.
public struct StudioServer: Sendable {
    /// What to serve, and how.
    public var options: StudioOptions

    /// A studio for `options`; nothing runs until `run`.
    public init(options: StudioOptions) { self.options = options }

    /// What the studio tells its user once it listens.
    public struct Started: Sendable {
        /// The address to open.
        public var url: String
        /// The login token, when the studio is reachable beyond this machine (nil on loopback, and with a password file).
        public var loginToken: String?
    }

    /// Whether `host` is an address of this machine only (no login needed there).
    static func isLoopback(_ host: String) -> Bool { ["127.0.0.1", "localhost", "::1"].contains(host) }

    /// Builds, then serves until the task is cancelled (or, with `stopOnSignals`, Ctrl-C). `ready` receives the
    /// address and the login token once the first build is done. Throws `PortCheck.Taken` before building
    /// anything when the port is taken, and `StudioOptions.PasswordFileProblem` when the password file cannot be used.
    public func run(ready: @escaping @Sendable (Started) -> Void = { _ in }) async throws {
        try PortCheck.require(host: options.host, port: options.port, purpose: "the studio",
                              fix: "stop that program, or start the studio on another port: `showroom studio --port \(options.port + 1)`")
        let needsLogin = !Self.isLoopback(options.host)
        let password = try options.passwordFile.map { file throws(StudioOptions.PasswordFileProblem) in try StudioOptions.password(in: file) }
        let token = password ?? options.loginToken ?? StudioSessions.randomToken()
        let sessions = StudioSessions(needsLogin: needsLogin, loginToken: token, lifetime: options.sessionLifetime)
        let state = StudioState()
        let output = options.folder.appendingPathComponent("output")
        let workspace = options.workspace
        let build: @Sendable ([String]) -> BuildReport = { sites in
            FleetBuilder.build(BuildOptions(workspace: workspace, output: output, sites: sites, includeDrafts: true))
        }
        let first = await Self.onThread { build([]) }
        await state.record(first)
        options.log("Built \(first.publishedSites.count) of \(first.sites.count) sites in \(String(format: "%.2f", first.seconds)) s"
                    + (first.allDiagnostics.errors.isEmpty ? "" : ", \(first.allDiagnostics.errors.count) errors (shown in the studio)"))

        let preview = PreviewWorkspace(workspace: workspace, mirror: options.folder.appendingPathComponent("preview-workspace"))
        let log = options.log
        let rebuild: @Sendable ([String]) -> Void = { sites in
            guard !sites.isEmpty else { return }
            Task {
                let report = await Self.onThread { build(sites) }
                await state.record(report)
                log("Rebuilt \(sites.joined(separator: ", ")) in \(String(format: "%.0f", report.seconds * 1000)) ms")
            }
        }
        var logger = Logger(label: "showroom.studio")
        logger.logLevel = .warning
        let responder = StudioResponder(options: options, sessions: sessions, state: state, preview: preview, output: output, rebuild: rebuild)
        let app = Application(responder: responder,
                              configuration: .init(address: .hostname(options.host, port: options.port), serverName: "showroom-studio"),
                              logger: logger)
        let shown = needsLogin ? options.host : "localhost"
        let started = Started(url: "http://\(shown == "0.0.0.0" ? (PreviewServer.otherDeviceAddresses(host: options.host).first ?? shown) : shown):\(options.port)/",
                              loginToken: needsLogin && password == nil ? token : nil)
        ready(started)
        options.log("Showroom Studio: \(started.url)")
        if let token = started.loginToken {
            options.log("Reachable beyond this machine, so it asks for a login. Token: \(token)")
        } else if needsLogin, let file = options.passwordFile {
            options.log("Reachable beyond this machine, so it asks for a login with the password in \(file.path).")
        }
        let group = ServiceGroup(configuration: ServiceGroupConfiguration(
            services: [.init(service: app)], gracefulShutdownSignals: options.stopOnSignals ? [.sigint, .sigterm] : [], logger: logger))
        try await group.run()
    }

    /// Runs `body` on a thread of its own (builds are synchronous and use both cores).
    static func onThread<Value: Sendable>(_ body: @escaping @Sendable () -> Value) async -> Value {
        await withCheckedContinuation { continuation in
            Thread.detachNewThread { continuation.resume(returning: body()) }
        }
    }
}
