import ArgumentParser
import Foundation
import ShowroomCollector
import ShowroomStorage

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

    private static let commit = CommitPolicy.standard

    @Option(name: .customLong("commit-window"),
            help: "Milliseconds a batch of writes waits for more before it is committed in one transaction (0: commit as soon as the store is free).")
    var commitWindow = Int(Self.commit.window.components.attoseconds / 1_000_000_000_000_000)

    @Option(name: .customLong("commit-batch"), help: "The most rows one transaction holds; a full batch is committed without waiting for the window.")
    var commitBatch = Self.commit.maxBatch

    @Option(name: .customLong("write-queue"),
            help: "The most rows waiting for or in a commit; beyond, requests are answered 503 (Retry-After) instead of queueing.")
    var writeQueue = Self.commit.maxQueued

    @Option(name: .customLong("commit-timeout"),
            help: "Seconds a request waits for its commit before it is answered 503 (Retry-After): a database that went away.")
    var commitTimeout = Int(Self.commit.commitTimeout.components.seconds)

    @Option(name: .customLong("sqlite-sync"),
            help: "full: every SQLite commit is synced to disk and survives a power cut; normal: survives a killed process only.")
    var sqliteSync: SQLiteStore.Durability = .full

    func validate() throws {
        guard (0...1000).contains(commitWindow) else {
            throw ValidationError("--commit-window is milliseconds from 0 to 1000 (a visitor waits that long at most); \(Self.commit.window.components.attoseconds / 1_000_000_000_000_000) is the default")
        }
        guard commitBatch >= 1, writeQueue >= commitBatch else {
            throw ValidationError("--commit-batch must be at least 1 and --write-queue at least --commit-batch (\(commitBatch))")
        }
        guard commitTimeout >= 1 else {
            throw ValidationError("--commit-timeout is whole seconds, at least 1")
        }
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
                                               maxConnections: maxConnections),
            commitPolicy: CommitPolicy(window: .milliseconds(commitWindow), maxBatch: commitBatch, maxQueued: writeQueue,
                                       commitTimeout: .seconds(commitTimeout)),
            durability: sqliteSync))
    }
}

extension SQLiteStore.Durability: ExpressibleByArgument {}
