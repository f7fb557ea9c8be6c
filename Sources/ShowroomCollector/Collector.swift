import Foundation
import Logging
import ShowroomStorage
import ShowroomWorkspace

/// The collection service: receives tracking events and test-drive bookings, and counts asset downloads, for the whole fleet.
public enum Collector {
    /// What `showroom collector` was asked to do.
    public struct Options: Sendable {
        /// The workspace whose sites may send events, and whose data names the booking form's models and dealers.
        public var workspace: URL
        /// The build output holding `.showroom/assets.json`; nil for `<workspace>/public`.
        public var publicFolder: URL?
        /// The address to listen on (`--host`).
        public var host: String
        /// The port to listen on (`--port`).
        public var port: Int
        /// `sqlite:PATH`, a plain path, or `postgres://…`; relative paths are relative to the workspace.
        public var database: String
        /// Event and download requests per minute per client address (0: no limit).
        public var rateLimitPerMinute: Int
        /// Bookings per minute per client address (0: no limit).
        public var bookingRateLimitPerMinute: Int
        /// The bearer token of `GET /leads/export`; nil or empty leaves the endpoint out.
        public var leadsToken: String?
        /// Whether pages served from this machine may send events and bookings (`--allow-loopback-origins`).
        public var allowsLoopbackOrigins: Bool
        /// Header and body timeouts and the connection limit (`--header-timeout`, `--body-timeout`, `--max-connections`).
        public var connectionLimits: ConnectionLimits
        /// How writes are group-committed (`--commit-window`, `--commit-batch`, `--write-queue`, `--commit-timeout`).
        public var commitPolicy: CommitPolicy
        /// Whether SQLite syncs every commit to disk (`--sqlite-sync`).
        public var durability: SQLiteStore.Durability

        /// The options of `showroom collector`; the limits, the commit policy and the SQLite sync default to the
        /// documented ones.
        public init(workspace: URL, publicFolder: URL?, host: String, port: Int, database: String, rateLimitPerMinute: Int,
                    bookingRateLimitPerMinute: Int = 10, leadsToken: String? = nil, allowsLoopbackOrigins: Bool = false,
                    connectionLimits: ConnectionLimits = ConnectionLimits(), commitPolicy: CommitPolicy = .standard,
                    durability: SQLiteStore.Durability = .full) {
            self.workspace = workspace
            self.publicFolder = publicFolder
            self.host = host
            self.port = port
            self.database = database
            self.rateLimitPerMinute = rateLimitPerMinute
            self.bookingRateLimitPerMinute = bookingRateLimitPerMinute
            self.leadsToken = leadsToken
            self.allowsLoopbackOrigins = allowsLoopbackOrigins
            self.connectionLimits = connectionLimits
            self.commitPolicy = commitPolicy
            self.durability = durability
        }

        /// What the service is told: these options, with the build output defaulting to `<workspace>/public`.
        var settings: CollectorSettings {
            CollectorSettings(
                host: host, port: port, publicFolder: publicFolder ?? workspace.appendingPathComponent("public"),
                rateLimitPerMinute: rateLimitPerMinute, bookingRateLimitPerMinute: bookingRateLimitPerMinute,
                leadsToken: leadsToken, allowsLoopbackOrigins: allowsLoopbackOrigins, connectionLimits: connectionLimits)
        }
    }

    /// Runs the service until SIGTERM or SIGINT, then finishes the requests in flight and exits.
    public static func run(_ options: Options) async throws {
        var logger = Logger(label: "showroom.collector") { CollectorLogHandler(label: $0) }
        if let level = ProcessInfo.processInfo.environment["LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) {
            logger.logLevel = level
        }
        let fleet = try Fleet.load(workspace: options.workspace)
        let location = StoreLocation(parsing: options.database, relativeTo: options.workspace)
        let settings = options.settings
        let retentionDays = FleetConfig.load(root: options.workspace).0.eventRetentionDays
        logger.info("starting", metadata: [
            "address": "\(options.host):\(options.port)", "store": "\(location)", "sites": "\(fleet.siteIDs.count)",
            "assets": "\(BuildRecordPaths.assetManifest(in: settings.publicFolder).path)",
            "leadsExport": "\(settings.leadsToken == nil ? "off" : "on")",
            "loopbackOrigins": "\(settings.allowsLoopbackOrigins ? "accepted" : "refused")",
            "headerTimeout": "\(settings.connectionLimits.headerTimeout)", "bodyTimeout": "\(settings.connectionLimits.bodyTimeout)",
            "maxConnections": "\(settings.connectionLimits.maxConnections)",
            "commitWindow": "\(options.commitPolicy.window)", "commitBatch": "\(options.commitPolicy.maxBatch)",
            "writeQueue": "\(options.commitPolicy.maxQueued)", "commitTimeout": "\(options.commitPolicy.commitTimeout)",
            "sqliteSync": "\(options.durability.rawValue)",
            "eventRetentionDays": "\(retentionDays.map(String.init) ?? "forever")",
        ])
        if settings.allowsLoopbackOrigins {
            logger.warning("""
                pages served from this machine (127.0.0.1, localhost, [::1]) may send events and bookings \
                (--allow-loopback-origins): use this only to test sites locally, never where visitors reach the service
                """)
        }
        try await location.withStore(policy: options.commitPolicy, durability: options.durability, logger: logger) { store in
            let app = makeApplication(settings: settings, fleet: fleet, store: store, logger: logger)
            guard let retentionDays else { return try await app.runService() }
            let retention = EventRetention(days: retentionDays, store: store, logger: app.logger)
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { await retention.run() }
                try await app.runService()
                group.cancelAll()
            }
        }
        logger.info("stopped")
    }
}
