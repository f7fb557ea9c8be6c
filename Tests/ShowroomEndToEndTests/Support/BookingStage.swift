import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Hummingbird
import Logging
import ShowroomCollector
import ShowroomStorage
import ShowroomSite
import ShowroomTestSupport

/// Everything a person booking a test drive meets, on loopback: the example fleet's `aurora` product site, built
/// with its collector address pointing at a real collector on a free port (SQLite file in a temporary folder),
/// served by a small static file server.
struct BookingStage: Sendable {
    let workspace: URL
    let store: SQLiteStore
    /// Where the built site is served, e.g. `http://127.0.0.1:40123`.
    let siteAddress: String
    let collectorAddress: String
    /// The port every site is served on.
    let sitePort: Int

    static let site = "aurora"

    /// Builds and serves the site (`aurora` unless told another of the example fleet) and runs the collector for as
    /// long as `body` runs. With `also` other sites, every site is built with a one-off address of its own on one
    /// loopback port, `http://<site>.localhost:<port>/` (so links between them cross on loopback), and served by
    /// host name; `prepare` may change the workspace copy (a site's `consent:`, say) before the build.
    static func with(site: String = site, also others: [String] = [], prepare: @Sendable (URL) throws -> Void = { _ in },
                     _ body: @Sendable (BookingStage) async throws -> Void) async throws {
        try await TemporaryFolder.with("showroom-e2e") { folder in
            try await run(sites: [site] + others, in: folder.url, prepare: prepare, body)
        }
    }

    /// Builds and serves `sites` from a copy of the example fleet in `folder`, for as long as `body` runs.
    private static func run(sites: [String], in folder: URL, prepare: (URL) throws -> Void,
                            _ body: @Sendable (BookingStage) async throws -> Void) async throws {
        let site = sites[0]
        let workspace = try ExampleFleet.copy(sites: sites, to: folder.appendingPathComponent("workspace"))

        var quiet = Logger(label: "showroom.e2e")
        quiet.logLevel = .critical
        let collectorPort = try Loopback.freePort()
        let collectorAddress = "http://127.0.0.1:\(collectorPort)"
        try "collector: \(collectorAddress)\n".write(to: workspace.appendingPathComponent("showroom.yaml"), atomically: true, encoding: .utf8)
        try prepare(workspace)

        let sitePort = try Loopback.freePort()
        let output = folder.appendingPathComponent("public")
        var options = BuildOptions(workspace: workspace, output: output, sites: sites)
        if sites.count > 1 { options.baseURL = "http://{site}.localhost:\(sitePort)/" }
        let report = FleetBuilder.build(options)
        guard report.succeeded else {
            throw WebDriver.Failure(description: "the site did not build:\n" + report.allDiagnostics.map(\.description).joined(separator: "\n"))
        }

        let store = try SQLiteStore(path: folder.appendingPathComponent("collector.sqlite").path)
        let settings = CollectorSettings(host: "127.0.0.1", port: collectorPort, publicFolder: output, rateLimitPerMinute: 0,
                                         bookingRateLimitPerMinute: 0, allowsLoopbackOrigins: true)
        let collector = Collector.makeApplication(settings: settings, fleet: try Fleet.load(workspace: workspace), store: store, logger: quiet)

        let files = Router()
        if sites.count > 1 {
            files.middlewares.add(SiteByHost(sites: Dictionary(uniqueKeysWithValues: sites.map { id in
                ("\(id).localhost", FileMiddleware(output.appendingPathComponent(id).path, searchForIndexHtml: true, logger: quiet))
            })))
        } else {
            files.middlewares.add(FileMiddleware(output.appendingPathComponent(site).path, searchForIndexHtml: true, logger: quiet))
        }
        let server = Application(router: files, configuration: .init(address: .hostname("127.0.0.1", port: sitePort)), logger: quiet)

        let services = Task {
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await collector.runService(gracefulShutdownSignals: []) }
                group.addTask { try await server.runService(gracefulShutdownSignals: []) }
                try await group.waitForAll()
            }
        }
        defer { services.cancel() }
        let siteAddress = sites.count > 1 ? "http://\(site).localhost:\(sitePort)" : "http://127.0.0.1:\(sitePort)"
        try await waitForAnswer(from: "\(collectorAddress)/healthz")
        try await waitForAnswer(from: "http://127.0.0.1:\(sitePort)/", host: sites.count > 1 ? "\(site).localhost" : nil)
        try await body(BookingStage(workspace: workspace, store: store, siteAddress: siteAddress, collectorAddress: collectorAddress,
                                    sitePort: sitePort))
    }

    /// The address `site` is served at, e.g. `http://lumen.localhost:40123` (on a stage of several sites).
    func address(of site: String) -> String { "http://\(site).localhost:\(sitePort)" }

    private static func waitForAnswer(from address: String, host: String? = nil) async throws {
        var request = URLRequest(url: URL(string: address)!)
        if let host { request.setValue(host, forHTTPHeaderField: "Host") }
        for _ in 0..<100 {
            if let (_, response) = try? await URLSession.shared.data(for: request),
               (response as? HTTPURLResponse)?.statusCode == 200 {
                return
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw WebDriver.Failure(description: "nothing answers at \(address)")
    }

    /// Waits up to `seconds` for `condition` to hold (events travel by `sendBeacon`, so they arrive a moment later).
    func eventually(_ seconds: Double = 10, _ condition: @Sendable () async throws -> Bool) async throws -> Bool {
        try await Self.eventually(seconds, condition)
    }

    /// Waits up to `seconds` for `condition` to hold.
    static func eventually(_ seconds: Double = 10, _ condition: @Sendable () async throws -> Bool) async throws -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if try await condition() { return true }
            try await Task.sleep(for: .milliseconds(200))
        }
        return try await condition()
    }

    /// The site's booking funnel so far: events per step.
    func funnel() async throws -> [EventType: Int] {
        let period = ReportPeriod(since: Date().addingTimeInterval(-3600), until: Date().addingTimeInterval(3600))
        let steps = try await store.bookingFunnel(site: Self.site, in: period)
        return Dictionary(uniqueKeysWithValues: steps.map { ($0.step, $0.events) })
    }
}


/// Serves each site's files on its own host name (`aurora.localhost`), all on one port, as `showroom serve` does.
struct SiteByHost: RouterMiddleware {
    typealias Context = BasicRequestContext
    let sites: [String: FileMiddleware<BasicRequestContext, LocalFileSystem>]

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let host = request.head.authority.flatMap { $0.split(separator: ":").first }.map { $0.lowercased() } ?? ""
        guard let files = sites[host] else { return try await next(request, context) }
        return try await files.handle(request, context: context, next: next)
    }
}
