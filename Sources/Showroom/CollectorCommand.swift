import ArgumentParser
import Foundation
import ShowroomCollector

/// `showroom collector`: runs the collection service that receives tracking events and counts downloads.
struct CollectorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "collector",
        abstract: "Run the collection service: tracking events, test-drive bookings and counted asset downloads.",
        discussion: "Stops cleanly on SIGTERM or SIGINT, finishing the writes in flight. See docs/collector.md.")

    @Option(help: "The workspace whose sites may send events.")
    var workspace = "."

    @Option(name: .customLong("public"), help: "The build output holding .showroom/assets.json (default: <workspace>/public).")
    var publicFolder: String?

    @Option(help: "Address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "Port to listen on.")
    var port = 8090

    @Option(help: "sqlite:PATH, a SQLite file path (relative to the workspace), or postgres://user:password@host:port/database.")
    var database = "sqlite:.showroom/collector.sqlite"

    @Option(name: .customLong("rate-limit"), help: "Requests per minute per client address (0: no limit).")
    var rateLimit = 600

    @Option(name: .customLong("booking-rate-limit"), help: "Test-drive bookings per minute per client address (0: no limit).")
    var bookingRateLimit = 10

    @Option(name: .customLong("leads-token"),
            help: "Bearer token for GET /leads/export (default: $SHOWROOM_LEADS_TOKEN; without one the endpoint is off).")
    var leadsToken: String?

    @Flag(name: .customLong("allow-loopback-origins"),
          help: "Accept events and bookings from pages served on this machine (127.0.0.1, localhost, [::1]): for testing sites locally, never in production.")
    var allowLoopbackOrigins = false

    private static let limits = ConnectionLimits()

    @Option(name: .customLong("header-timeout"),
            help: "Seconds a client has to send a request's headers, from opening its connection or from its previous answer; idle connections close after this too.")
    var headerTimeout = Int(Self.limits.headerTimeout.components.seconds)

    @Option(name: .customLong("body-timeout"), help: "Seconds a client has to send a request's body once its headers are in.")
    var bodyTimeout = Int(Self.limits.bodyTimeout.components.seconds)

    @Option(name: .customLong("max-connections"), help: "Connections open at once; one more is answered 503 and closed.")
    var maxConnections = Self.limits.maxConnections

    func validate() throws {
        guard headerTimeout > 0, bodyTimeout > 0 else {
            throw ValidationError("--header-timeout and --body-timeout are whole seconds, at least 1")
        }
        guard maxConnections > 0 else {
            throw ValidationError("--max-connections must be at least 1 (each visitor's browser holds one or two)")
        }
    }

    func run() async throws {
        let root = URL(fileURLWithPath: workspace)
        try await Collector.run(Collector.Options(
            workspace: root, publicFolder: publicFolder.map { URL(fileURLWithPath: $0) }, host: host, port: port,
            database: database, rateLimitPerMinute: rateLimit, bookingRateLimitPerMinute: bookingRateLimit,
            leadsToken: leadsToken ?? ProcessInfo.processInfo.environment["SHOWROOM_LEADS_TOKEN"],
            allowsLoopbackOrigins: allowLoopbackOrigins,
            connectionLimits: ConnectionLimits(headerTimeout: .seconds(headerTimeout), bodyTimeout: .seconds(bodyTimeout),
                                               maxConnections: maxConnections)))
    }
}
