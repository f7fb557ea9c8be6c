import Foundation
import Logging
import PostgresNIO

/// The shared store for several collector instances: PostgreSQL through postgres-nio's `PostgresClient`.
///
/// Every query is parameterized (`PostgresQuery` interpolation sends values as binds, never as SQL text).
/// The client's connection pool runs as a service: `run()` must be running (the collector adds it to its
/// service group; tests use `withRunningStore`) for queries to get a connection.
public final class PostgresStore: Store {
    public let client: PostgresClient
    let logger: Logger

    public init(configuration: PostgresClient.Configuration, logger: Logger = Logger(label: "showroom.collector.postgres")) {
        self.client = PostgresClient(configuration: configuration, backgroundLogger: logger)
        self.logger = logger
    }

    /// Reads `postgres://user:password@host:port/database` (TLS off unless `?sslmode=require`).
    public convenience init(url: String, logger: Logger = Logger(label: "showroom.collector.postgres")) throws {
        self.init(configuration: try Self.configuration(from: url), logger: logger)
    }

    static func configuration(from url: String) throws -> PostgresClient.Configuration {
        guard let components = URLComponents(string: url),
              components.scheme == "postgres" || components.scheme == "postgresql",
              let host = components.host, !host.isEmpty
        else {
            throw CollectorError("the --database address is not a PostgreSQL address; write postgres://user:password@host:5432/database")
        }
        let database = String(components.path.drop(while: { $0 == "/" }))
        let wantsTLS = components.queryItems?.contains { $0.name == "sslmode" && $0.value != "disable" && $0.value != "prefer" } ?? false
        var configuration = PostgresClient.Configuration(
            host: host, port: components.port ?? 5432, username: components.user ?? "postgres",
            password: components.password, database: database.isEmpty ? nil : database,
            tls: wantsTLS ? .require(.makeClientConfiguration()) : .disable)
        configuration.options.maximumConnections = 8
        return configuration
    }

    /// Runs the connection pool until the task is cancelled or the service group shuts down.
    public func run() async {
        await client.run()
    }

    /// Runs the pool for as long as `body` runs: for tests and one-off commands.
    public func withRunningStore<Result: Sendable>(_ body: (PostgresStore) async throws -> Result) async throws -> Result {
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await self.client.run() }
            defer { group.cancelAll() }
            return try await body(self)
        }
    }

    public func migrate() async throws {
        try await client.withTransaction(logger: logger) { connection in
            // One migrator at a time when several instances start together.
            try await connection.query("SELECT pg_advisory_xact_lock(4242)", logger: logger)
            try await connection.query("CREATE TABLE IF NOT EXISTS showroom_migrations (name TEXT PRIMARY KEY)", logger: logger)
            var applied: Set<String> = []
            for try await name in try await connection.query("SELECT name FROM showroom_migrations", logger: logger).decode(String.self) {
                applied.insert(name)
            }
            for (name, statements) in Self.migrations where !applied.contains(name) {
                for statement in statements {
                    try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                }
                try await connection.query("INSERT INTO showroom_migrations (name) VALUES (\(name))", logger: logger)
            }
        }
    }

    /// The schema, one migration per change, named like the SQLite store's; later issues append, never edit.
    static let migrations: [(name: String, statements: [String])] = [
        ("1-events-and-downloads", [
            """
            CREATE TABLE events (
                id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                site TEXT NOT NULL,
                page TEXT NOT NULL,
                type TEXT NOT NULL,
                visitor TEXT,
                occurred_at BIGINT NOT NULL,
                received_at BIGINT NOT NULL,
                asset TEXT,
                url TEXT,
                step TEXT,
                field TEXT
            )
            """,
            "CREATE INDEX events_site_time ON events (site, occurred_at)",
            "CREATE INDEX events_site_type_time ON events (site, type, occurred_at)",
            """
            CREATE TABLE downloads (
                id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                asset TEXT NOT NULL,
                site TEXT NOT NULL,
                page TEXT NOT NULL,
                at BIGINT NOT NULL,
                visitor TEXT,
                agent TEXT NOT NULL,
                source TEXT NOT NULL CHECK (source IN ('link', 'log')),
                dedupe_key TEXT UNIQUE
            )
            """,
            "CREATE INDEX downloads_time ON downloads (at, asset, site)",
            "CREATE INDEX downloads_visitor_asset ON downloads (visitor, asset, at)",
        ]),
        ("2-leads", leadsTableStatements),
    ]

    public func record(_ events: [TrackedEvent]) async throws {
        guard !events.isEmpty else { return }
        try await client.withTransaction(logger: logger) { connection in
            for event in events {
                try await connection.query("""
                    INSERT INTO events (site, page, type, visitor, occurred_at, received_at, asset, url, step, field)
                    VALUES (\(event.site), \(event.page), \(event.type.rawValue), \(event.visitor),
                            \(event.occurredAt.epochMilliseconds), \(event.receivedAt.epochMilliseconds),
                            \(event.asset), \(event.url), \(event.step), \(event.field))
                    """, logger: logger)
            }
        }
    }

    public func record(_ download: Download, dedupeWindow window: TimeInterval) async throws -> DownloadOutcome {
        try await client.withTransaction(logger: logger) { connection in
            if download.source == .link, let visitor = download.visitor {
                // Serialize the check-then-insert per visitor and asset across every instance sharing the store.
                let key = "\(visitor)|\(download.asset)"
                try await connection.query("SELECT pg_advisory_xact_lock(hashtext(\(key)))", logger: logger)
                let earliest = download.at.addingTimeInterval(-window).epochMilliseconds
                let now = download.at.epochMilliseconds
                let rows = try await connection.query("""
                    SELECT 1 FROM downloads
                    WHERE visitor = \(visitor) AND asset = \(download.asset) AND source = 'link'
                      AND at > \(earliest) AND at <= \(now)
                    LIMIT 1
                    """, logger: logger)
                for try await _ in rows { return DownloadOutcome.duplicate }
            }
            let inserted = try await connection.query("""
                INSERT INTO downloads (asset, site, page, at, visitor, agent, source, dedupe_key)
                VALUES (\(download.asset), \(download.site), \(download.page), \(download.at.epochMilliseconds),
                        \(download.visitor), \(download.agent.rawValue), \(download.source.rawValue), \(download.dedupeKey))
                ON CONFLICT (dedupe_key) DO NOTHING
                RETURNING id
                """, logger: logger)
            for try await _ in inserted { return DownloadOutcome.counted }
            return DownloadOutcome.duplicate
        }
    }

    public func checkHealth() async throws {
        try await client.query("SELECT 1", logger: logger)
    }

    public func totals() async throws -> StoreTotals {
        let rows = try await client.query(
            "SELECT (SELECT COUNT(*) FROM events), (SELECT COUNT(*) FROM downloads)", logger: logger)
        for try await (events, downloads) in rows.decode((Int, Int).self) {
            return StoreTotals(events: events, downloads: downloads)
        }
        throw CollectorError("PostgreSQL returned no row for the totals")
    }

    public func downloadCounts(in period: ReportPeriod) async throws -> [DownloadCount] {
        let rows = try await client.query("""
            SELECT asset, site, COUNT(*) AS downloads, COUNT(DISTINCT visitor) AS visitors
            FROM downloads WHERE at >= \(period.since.epochMilliseconds) AND at < \(period.until.epochMilliseconds)
            GROUP BY asset, site
            ORDER BY downloads DESC, asset, site
            """, logger: logger)
        var counts: [DownloadCount] = []
        for try await (asset, site, downloads, visitors) in rows.decode((String, String, Int, Int).self) {
            counts.append(DownloadCount(asset: asset, site: site, downloads: downloads, visitors: visitors))
        }
        return counts
    }

    public func eventCountsByHour(site: String, type: EventType?, in period: ReportPeriod, utcOffset: Int) async throws -> [HourOfDayCount] {
        let rows = try await client.query("""
            SELECT ((occurred_at / 1000 + \(utcOffset)) / 3600) % 24 AS hour, COUNT(*) AS events
            FROM events
            WHERE site = \(site) AND (\(type?.rawValue)::text IS NULL OR type = \(type?.rawValue))
              AND occurred_at >= \(period.since.epochMilliseconds) AND occurred_at < \(period.until.epochMilliseconds)
            GROUP BY hour ORDER BY hour
            """, logger: logger)
        var counts: [HourOfDayCount] = []
        for try await (hour, events) in rows.decode((Int, Int).self) {
            counts.append(HourOfDayCount(hour: hour, events: events))
        }
        return counts
    }

    public func eventCountsByDay(site: String, type: EventType?, in period: ReportPeriod, utcOffset: Int) async throws -> [DayCount] {
        let rows = try await client.query("""
            SELECT (occurred_at / 1000 + \(utcOffset)) / 86400 AS day, COUNT(*) AS events
            FROM events
            WHERE site = \(site) AND (\(type?.rawValue)::text IS NULL OR type = \(type?.rawValue))
              AND occurred_at >= \(period.since.epochMilliseconds) AND occurred_at < \(period.until.epochMilliseconds)
            GROUP BY day ORDER BY day
            """, logger: logger)
        var counts: [DayCount] = []
        for try await (day, events) in rows.decode((Int, Int).self) {
            counts.append(DayCount(day: dayString(daysSinceEpoch: day), events: events))
        }
        return counts
    }

    public func bookingFunnel(site: String, in period: ReportPeriod) async throws -> [FunnelStepCount] {
        let rows = try await client.query("""
            SELECT type, COUNT(*) AS events, COUNT(DISTINCT visitor) AS visitors
            FROM events
            WHERE site = \(site) AND type LIKE 'booking_%'
              AND occurred_at >= \(period.since.epochMilliseconds) AND occurred_at < \(period.until.epochMilliseconds)
            GROUP BY type
            """, logger: logger)
        var found: [EventType: (events: Int, visitors: Int)] = [:]
        for try await (type, events, visitors) in rows.decode((String, Int, Int).self) {
            if let step = EventType(rawValue: type) { found[step] = (events, visitors) }
        }
        return completeFunnel(found)
    }

    public func close() async throws {}
}
