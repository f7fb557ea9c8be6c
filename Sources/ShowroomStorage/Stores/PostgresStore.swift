import Foundation
import Logging
import PostgresNIO

/// The shared store for several collector instances: PostgreSQL through postgres-nio's `PostgresClient`.
///
/// Every query is parameterized (`PostgresQuery` interpolation sends values as binds, never as SQL text).
/// The client's connection pool runs as a service: `run()` must be running (`StoreLocation.withStore` runs it;
/// tests use `withRunningStore`) for queries to get a connection.
///
/// Events, downloads and leads are group-committed (`CommitPolicy`), a few batches at once; a batch of events or
/// downloads is one multi-row `INSERT`. The rules that must hold across instances sharing the database are kept by the database: advisory
/// locks per visitor and asset (downloads) and per number and model (leads), held until the transaction commits.
package final class PostgresStore: Store {
    /// postgres-nio's client; its pool must be running (`run()`) for a query to get a connection.
    package let client: PostgresClient
    let logger: Logger
    /// Where the server is, for messages (no password).
    let address: String
    private let events: GroupCommit<TrackedEvent, Void>
    private let downloads: GroupCommit<WindowedDownload, DownloadOutcome>
    let leads: GroupCommit<WindowedLead, LeadOutcome>
    let timeout: Duration

    /// A store on the server `configuration` names; nothing connects until `run()` runs the pool.
    package init(configuration: PostgresClient.Configuration, policy: CommitPolicy = .standard,
                 logger: Logger = Logger(label: "showroom.collector.postgres")) {
        let client = PostgresClient(configuration: configuration, backgroundLogger: logger)
        self.client = client
        self.logger = logger
        self.address = "\(configuration.host ?? "localhost"):\(configuration.port ?? 5432)"
        self.timeout = policy.commitTimeout
        var policy = policy
        policy.concurrentCommits = Self.concurrentBatches
        self.events = GroupCommit(policy: policy) { batch in
            let touches = Self.touchUpdates(batch)
            if touches.isEmpty {
                // One statement is a transaction of its own: no BEGIN and COMMIT to wait for.
                for try await _ in try await client.execute(EventBatch(batch), logger: logger) {}
            } else {
                try await client.withTransaction(logger: logger) { connection in
                    for try await _ in try await connection.execute(EventBatch(batch), logger: logger) {}
                    try await Self.recordTouches(touches, on: connection, logger: logger)
                }
            }
            return Array(repeating: (), count: batch.count)
        }
        self.downloads = GroupCommit(policy: policy) { batch in
            // One statement is a transaction of its own, and holds the advisory locks until it commits.
            try await Self.insert(batch, on: client, logger: logger)
        }
        self.leads = GroupCommit(policy: policy) { batch in
            // One statement is a transaction of its own, and holds the advisory locks until it commits.
            try await Self.insert(batch, on: client, logger: logger)
        }
    }

    /// Reads `postgres://user:password@host:port/database` (TLS off unless `?sslmode=require`).
    package convenience init(url: String, policy: CommitPolicy = .standard,
                             logger: Logger = Logger(label: "showroom.collector.postgres")) throws {
        self.init(configuration: try Self.configuration(from: url), policy: policy, logger: logger)
    }

    /// Batches of events, of downloads and of leads committing at once (each kind): each holds a connection; the rest
    /// of the pool serves health checks, erasures and reports. Two, not three: with 32 requests in flight, three made
    /// batches of about ten rows, and the per-batch cost (the service's encoding and hops, the database's statement and
    /// WAL flush) answered fewer events a second (docs/collector.md, "Load").
    static let concurrentBatches = 2

    static func configuration(from url: String) throws -> PostgresClient.Configuration {
        guard let components = URLComponents(string: url),
              components.scheme == "postgres" || components.scheme == "postgresql",
              let host = components.host, !host.isEmpty
        else {
            throw StoreError("the --database address is not a PostgreSQL address; write postgres://user:password@host:5432/database")
        }
        let database = String(components.path.drop(while: { $0 == "/" }))
        let wantsTLS = components.queryItems?.contains { $0.name == "sslmode" && $0.value != "disable" && $0.value != "prefer" } ?? false
        var configuration = PostgresClient.Configuration(
            host: host, port: components.port ?? 5432, username: components.user ?? "postgres",
            password: components.password, database: database.isEmpty ? nil : database,
            tls: wantsTLS ? .require(.makeClientConfiguration()) : .disable)
        configuration.options.maximumConnections = 3 * concurrentBatches + 3
        configuration.options.connectTimeout = .seconds(2)
        return configuration
    }

    /// Runs the connection pool until the task is cancelled or the service group shuts down.
    package func run() async {
        await client.run()
    }

    /// Runs the pool for as long as `body` runs: for tests and one-off commands.
    package func withRunningStore<Result: Sendable>(_ body: (PostgresStore) async throws -> Result) async throws -> Result {
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await self.client.run() }
            defer { group.cancelAll() }
            return try await body(self)
        }
    }

    /// Applies the migrations not yet in `showroom_migrations`, under an advisory lock so that instances starting
    /// together do not both run one.
    package func migrate() async throws {
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
        ("3-rollups", rollupStatements),
        ("4-page-views", pageViewRollupStatements),
        ("5-journey", journeyStatements),
        ("6-rollup-slots", rollupSlotStatements),
        ("7-download-batches", downloadBatchStatements),
        ("8-lead-batches", leadBatchStatements),
    ]

    /// Queues the events for the next group commit (one multi-row `INSERT`) and returns once it has committed.
    package func record(_ events: [TrackedEvent]) async throws {
        _ = try await self.events.submit(events)
    }

    /// Decides and stores the download in the next group commit, under advisory locks per visitor and asset, so that
    /// two instances never both count one visitor's repeat.
    package func record(_ download: Download, dedupeWindow window: TimeInterval) async throws -> DownloadOutcome {
        try await downloads.submit([WindowedDownload(download: download, window: window)])[0]
    }

    /// The events', the downloads' and the leads' queues together.
    package func writeQueueStatus() async -> WriteQueueStatus {
        await events.currentStatus() + downloads.currentStatus() + leads.currentStatus()
    }

    /// A query within the commit timeout: a server that went away is said so, with its address.
    package func checkHealth() async throws {
        let client = self.client, logger = self.logger, address = self.address
        do {
            try await withDeadline(timeout) { _ = try await client.query("SELECT 1", logger: logger) }
        } catch let error as StoreUnavailable {
            throw StoreUnavailable("PostgreSQL at \(address) does not answer: \(error)")
        } catch {
            throw StoreUnavailable("PostgreSQL at \(address) refuses the connection or the query (\(Self.explain(error)))")
        }
    }

    /// A PostgreSQL error in a few words (postgres-nio's own description hides the details on purpose).
    static func explain(_ error: any Error) -> String {
        if let error = error as? PSQLError {
            if let message = error.serverInfo?[.message] { return message }
            return "\(error.code)"
        }
        return "\(error)"
    }

    /// One statement for a batch of events: inserts the rows from one array per column, and adds them to the rollups
    /// (`event_rollups`, `page_view_rollups`, `funnel_visitors`) in the slot the batch drew, keys in order so that
    /// concurrent batches that drew the same slot lock the rows they share in the same order.
    ///
    /// Its text is the same for every batch, so it is a prepared statement: postgres-nio prepares it once per
    /// connection, and the server no longer parses and plans it for every batch (`EXPLAIN ANALYZE` of a batch of 12:
    /// 0.22 ms planning beside 0.35 ms executing).
    struct EventBatch: PostgresPreparedStatement {
        static let name = "showroom_event_batch"
        static let sql = PostgresStore.insertEventsSQL
        typealias Row = Void
        let bindings: PostgresBindings

        init(_ events: [TrackedEvent]) {
            var bindings = PostgresBindings(capacity: 13)
            bindings.append(events.map(\.site))
            bindings.append(events.map(\.page))
            bindings.append(events.map(\.type.rawValue))
            bindings.append(PostgresTextColumn(values: events.map(\.visitor)))
            bindings.append(events.map(\.occurredAt.epochMilliseconds))
            bindings.append(events.map(\.receivedAt.epochMilliseconds))
            bindings.append(PostgresTextColumn(values: events.map(\.asset)))
            bindings.append(PostgresTextColumn(values: events.map(\.url)))
            bindings.append(PostgresTextColumn(values: events.map(\.step)))
            bindings.append(PostgresTextColumn(values: events.map(\.field)))
            bindings.append(events.map(\.source.rawValue))
            bindings.append(PostgresStore.drawSlot())
            bindings.append(EventType.bookingFunnel.map(\.rawValue))
            self.bindings = bindings
        }

        func makeBindings() -> PostgresBindings { bindings }
        func decodeRow(_ row: PostgresRow) throws {}
    }

    fileprivate static let insertEventsSQL = """
        WITH stored AS (
            INSERT INTO events (site, page, type, visitor, occurred_at, received_at, asset, url, step, field, source)
            SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::bigint[], $6::bigint[], $7::text[],
                                 $8::text[], $9::text[], $10::text[], $11::text[])
            RETURNING site, page, type, visitor, occurred_at / \(HourSpan.hour) AS hour
        ), counted AS (
            INSERT INTO event_rollups (site, type, hour, events, slot)
            SELECT site, type, hour, COUNT(*), $12::smallint FROM stored GROUP BY site, type, hour ORDER BY site, type, hour
            ON CONFLICT (site, type, hour, slot) DO UPDATE SET events = event_rollups.events + excluded.events
        ), viewed AS (
            INSERT INTO page_view_rollups (site, page, hour, views, slot)
            SELECT site, page, hour, COUNT(*), $12::smallint FROM stored WHERE type = 'pageview'
            GROUP BY site, page, hour ORDER BY site, page, hour
            ON CONFLICT (site, page, hour, slot) DO UPDATE SET views = page_view_rollups.views + excluded.views
        )
        INSERT INTO funnel_visitors (site, type, hour, visitor)
        SELECT DISTINCT site, type, hour, visitor FROM stored WHERE type = ANY($13::text[]) AND visitor IS NOT NULL
        ORDER BY site, type, hour, visitor
        ON CONFLICT DO NOTHING
        """

    /// A batch of downloads in one statement, and so one round trip and one transaction: `showroom_record_downloads`
    /// (migration `7-download-batches`) locks every visitor and asset in it, decides each row in time order and
    /// inserts the counted ones, and adds them to the rollups; it returns, per row, whether it was counted.
    static func insert(_ batch: [WindowedDownload], on client: PostgresClient, logger: Logger) async throws -> [DownloadOutcome] {
        for try await counted in try await client.execute(DownloadBatch(batch), logger: logger) where counted.count == batch.count {
            return counted.map { $0 ? .counted : .duplicate }
        }
        throw StoreError("PostgreSQL did not say which of \(batch.count) downloads it counted")
    }

    /// The call of `showroom_record_downloads` for one batch, prepared once per connection like `EventBatch`.
    struct DownloadBatch: PostgresPreparedStatement {
        static let name = "showroom_download_batch"
        static let sql = """
            SELECT showroom_record_downloads($1::text[], $2::text[], $3::text[], $4::bigint[], $5::text[], $6::text[],
                                             $7::text[], $8::text[], $9::bigint[], $10::smallint)
            """
        typealias Row = [Bool]
        let bindings: PostgresBindings

        init(_ batch: [WindowedDownload]) {
            var bindings = PostgresBindings(capacity: 10)
            bindings.append(batch.map(\.download.asset))
            bindings.append(batch.map(\.download.site))
            bindings.append(batch.map(\.download.page))
            bindings.append(batch.map(\.download.at.epochMilliseconds))
            bindings.append(PostgresTextColumn(values: batch.map(\.download.visitor)))
            bindings.append(batch.map(\.download.agent.rawValue))
            bindings.append(batch.map(\.download.source.rawValue))
            bindings.append(PostgresTextColumn(values: batch.map(\.download.dedupeKey)))
            bindings.append(batch.map { Int64(($0.window * 1000).rounded()) })
            bindings.append(PostgresStore.drawSlot())
            self.bindings = bindings
        }

        func makeBindings() -> PostgresBindings { bindings }
        func decodeRow(_ row: PostgresRow) throws -> [Bool] { try row.decode([Bool].self) }
    }

    /// Counts the `events` and `downloads` rows in one query.
    package func totals() async throws -> StoreTotals {
        let rows = try await client.query(
            "SELECT (SELECT COUNT(*) FROM events), (SELECT COUNT(*) FROM downloads)", logger: logger)
        for try await (events, downloads) in rows.decode((Int, Int).self) {
            return StoreTotals(events: events, downloads: downloads)
        }
        throw StoreError("PostgreSQL returned no row for the totals")
    }

    /// Reads the period's raw `downloads` rows: distinct visitors cannot be summed from the hourly rollups.
    package func downloadCounts(in period: ReportPeriod) async throws -> [DownloadCount] {
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

    /// Sums the hourly rollups and the raw rows of the period's partial hours; at an offset that is not whole hours,
    /// the raw rows only.
    package func eventCountsByHour(site: String, type: EventType?, in period: ReportPeriod, utcOffset: Int) async throws -> [HourOfDayCount] {
        try await eventCounts(site: site, type: type, in: period, utcOffset: utcOffset,
                              rollupBucket: "((hour * 3600 + $1) / 3600) % 24", rawBucket: "((occurred_at / 1000 + $1) / 3600) % 24")
            .map { HourOfDayCount(hour: $0.bucket, events: $0.events) }
    }

    /// Like `eventCountsByHour`, per calendar day at the offset.
    package func eventCountsByDay(site: String, type: EventType?, in period: ReportPeriod, utcOffset: Int) async throws -> [DayCount] {
        try await eventCounts(site: site, type: type, in: period, utcOffset: utcOffset,
                              rollupBucket: "(hour * 3600 + $1) / 86400", rawBucket: "(occurred_at / 1000 + $1) / 86400")
            .map { DayCount(day: dayString(daysSinceEpoch: $0.bucket), events: $0.events) }
    }

    /// A site's events per bucket (hour of day, day; `$1` is the UTC offset): the whole hours from `event_rollups`,
    /// the edges from `events`.
    private func eventCounts(site: String, type: EventType?, in period: ReportPeriod, utcOffset: Int,
                             rollupBucket: String, rawBucket: String) async throws -> [(bucket: Int, events: Int)] {
        let span = HourSpan.forBuckets(period, utcOffset: utcOffset), edges = span.edgeBounds
        var bindings = PostgresBindings()
        bindings.append(Int64(utcOffset))
        bindings.append(site)
        bindings.append(type?.rawValue)
        for value in [span.first, span.end] + edges { bindings.append(value) }
        let rows = try await client.query(PostgresQuery(unsafeSQL: """
            SELECT bucket::bigint, SUM(events)::bigint FROM (
                SELECT \(rollupBucket) AS bucket, SUM(events) AS events FROM event_rollups
                WHERE site = $2 AND ($3::text IS NULL OR type = $3) AND hour >= $4 AND hour < $5 GROUP BY bucket
                UNION ALL
                SELECT \(rawBucket) AS bucket, COUNT(*) AS events FROM events
                WHERE site = $2 AND ($3::text IS NULL OR type = $3)
                  AND ((occurred_at >= $6 AND occurred_at < $7) OR (occurred_at >= $8 AND occurred_at < $9)) GROUP BY bucket) AS parts
            GROUP BY bucket ORDER BY bucket
            """, binds: bindings), logger: logger)
        var counts: [(bucket: Int, events: Int)] = []
        for try await (bucket, events) in rows.decode((Int, Int).self) { counts.append((bucket, events)) }
        return counts
    }

    /// Reads each step's events and distinct visitors in one query: rollups for the whole hours, raw rows for the
    /// partial ones.
    package func bookingFunnel(site: String, in period: ReportPeriod) async throws -> [FunnelStepCount] {
        let span = HourSpan(period), edges = span.edgeBounds
        var bindings = PostgresBindings()
        bindings.append(site)
        for value in [span.first, span.end] + edges { bindings.append(value) }
        let rows = try await client.query(PostgresQuery(unsafeSQL: """
            SELECT type, SUM(events)::bigint, 0::bigint FROM (
                SELECT type, SUM(events) AS events FROM event_rollups
                WHERE site = $1 AND type LIKE 'booking_%' AND hour >= $2 AND hour < $3 GROUP BY type
                UNION ALL
                SELECT type, COUNT(*) AS events FROM events
                WHERE site = $1 AND type LIKE 'booking_%'
                  AND ((occurred_at >= $4 AND occurred_at < $5) OR (occurred_at >= $6 AND occurred_at < $7)) GROUP BY type) AS parts
            GROUP BY type
            UNION ALL
            SELECT type, 0::bigint, COUNT(DISTINCT visitor)::bigint FROM (
                SELECT type, visitor FROM funnel_visitors WHERE site = $1 AND hour >= $2 AND hour < $3
                UNION ALL
                SELECT type, visitor FROM events
                WHERE site = $1 AND type LIKE 'booking_%' AND visitor IS NOT NULL
                  AND ((occurred_at >= $4 AND occurred_at < $5) OR (occurred_at >= $6 AND occurred_at < $7))) AS seen
            GROUP BY type
            """, binds: bindings), logger: logger)
        var events: [(String, Int)] = [], visitors: [(String, Int)] = []
        for try await (type, eventCount, visitorCount) in rows.decode((String, Int, Int).self) {
            events.append((type, eventCount))
            visitors.append((type, visitorCount))
        }
        return completeFunnel(events: events, visitors: visitors)
    }

    /// Nothing to release: the pool stops when the task running `run()` ends.
    package func close() async throws {}
}
