import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
@testable import ShowroomCollector
@testable import ShowroomStorage

/// A collector over a `TestWorkspace` and a real SQLite file, driven through HummingbirdTesting.
struct TestCollector {
    let workspace: TestWorkspace
    let store: SQLiteStore
    let metrics: CollectorMetrics

    static let auroraOrigin = "https://aurora.lumen-motors.example"
    static let visitor = "k3J9xQ2mP7vL0aZ4"

    static var quietLogger: Logger {
        var logger = Logger(label: "showroom.collector.test")
        logger.logLevel = .critical
        return logger
    }

    /// The limits of tests that are not about them: the live test client opens its connection before the test's
    /// first request, and on a loaded machine (the whole suite runs in parallel) the service's 5 s wait for
    /// headers could close it first. The slow-client tests pass their own.
    static let patientLimits = ConnectionLimits(headerTimeout: .seconds(120), bodyTimeout: .seconds(120))

    /// Runs `body` against a fresh collector; `.router` calls the router in-process, `.live` listens on loopback.
    /// `serviceStore` wraps the SQLite store the service writes to (to make it fail); `store` always reads the file.
    static func with(
        _ setup: TestingSetup = .router, rateLimitPerMinute: Int = 0, bookingRateLimitPerMinute: Int = 0,
        leadsToken: String? = nil, allowsLoopbackOrigins: Bool = false,
        connectionLimits: ConnectionLimits = TestCollector.patientLimits, serviceStore: (@Sendable (SQLiteStore) -> any Store)? = nil,
        logger: Logger = quietLogger,
        _ body: @Sendable (TestCollector, any TestClientProtocol) async throws -> Void
    ) async throws {
        try await TestWorkspace.with { workspace in
            let sqlite = try SQLiteStore(path: workspace.databasePath, policy: TestStores.patientPolicy)
            let store = serviceStore?(sqlite) ?? sqlite
            let collector = TestCollector(workspace: workspace, store: sqlite, metrics: CollectorMetrics())
            let settings = CollectorSettings(host: "127.0.0.1", port: 0, publicFolder: workspace.publicFolder,
                                             rateLimitPerMinute: rateLimitPerMinute,
                                             bookingRateLimitPerMinute: bookingRateLimitPerMinute, leadsToken: leadsToken,
                                             allowsLoopbackOrigins: allowsLoopbackOrigins, connectionLimits: connectionLimits)
            let fleet = try Fleet.load(workspace: workspace.root)
            let app = Collector.makeApplication(settings: settings, fleet: fleet, store: store, metrics: collector.metrics,
                                                logger: logger)
            try await app.test(setup) { client in try await body(collector, client) }
            try await sqlite.close()
        }
    }
}

extension TestCollector {
    /// Runs `body` with a collector listening on loopback over `store` (open and migrated, a PostgreSQL store's pool
    /// running) and `workspace`'s fleet: one instance of several that share a store.
    static func serve(
        _ store: any Store, workspace: TestWorkspace, _ body: @Sendable (any TestClientProtocol) async throws -> Void
    ) async throws {
        // A download window of an hour: on a loaded machine concurrent requests may be stamped seconds apart.
        let settings = CollectorSettings(host: "127.0.0.1", port: 0, publicFolder: workspace.publicFolder, rateLimitPerMinute: 0,
                                         downloadDedupeWindow: 3600, bookingRateLimitPerMinute: 0, connectionLimits: patientLimits)
        let app = Collector.makeApplication(settings: settings, fleet: try Fleet.load(workspace: workspace.root), store: store,
                                            logger: quietLogger)
        try await app.test(.live) { client in try await body(client) }
    }
}

extension TestClientProtocol {
    /// POSTs `body` to `/events` as a page of the given origin would (the snippet sends `text/plain` to skip preflight).
    @discardableResult
    func postEvents(_ body: String, origin: String? = TestCollector.auroraOrigin) async throws -> TestResponse {
        try await postEvents(bytes: Array(body.utf8), origin: origin)
    }

    @discardableResult
    func postEvents(bytes: [UInt8], origin: String? = TestCollector.auroraOrigin) async throws -> TestResponse {
        var headers: HTTPFields = [.contentType: "text/plain;charset=UTF-8"]
        if let origin { headers[.origin] = origin }
        return try await execute(uri: "/events", method: .post, headers: headers, body: ByteBuffer(bytes: bytes))
    }

    func get(_ uri: String, userAgent: String? = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/131.0 Safari/537.36") async throws -> TestResponse {
        var headers: HTTPFields = [:]
        if let userAgent { headers[.userAgent] = userAgent }
        return try await execute(uri: uri, method: .get, headers: headers)
    }
}

/// A JSON event body with the given fields replacing a valid pageview's.
func eventJSON(_ overrides: [String: String] = [:]) -> String {
    var fields: [String: String] = [
        "site": "\"aurora-ev\"", "type": "\"pageview\"", "page": "\"/specs/\"", "visitor": "\"\(TestCollector.visitor)\"",
        "ts": String(Int64(Date().timeIntervalSince1970 * 1000)),
    ]
    for (key, value) in overrides { fields[key] = value }
    return "{" + fields.sorted { $0.key < $1.key }.map { "\"\($0.key)\": \($0.value)" }.joined(separator: ", ") + "}"
}
