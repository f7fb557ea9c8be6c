import Foundation
import GRDB

/// The default store: one SQLite file in WAL mode, through GRDB's `DatabasePool`
/// (one writer, concurrent readers; the health check and reports never wait for writes).
///
/// Events, downloads and leads are group-committed (`CommitPolicy`, one batch at a time: SQLite has one writer), and every
/// commit is synced to disk (`synchronous=FULL`) unless `durability` says otherwise, so an acknowledged booking
/// survives a power cut and not only a killed process.
public final class SQLiteStore: Store {
    let pool: DatabasePool
    /// The database file; reports open a connection of their own to it.
    package let path: String
    private let events: GroupCommit<TrackedEvent, Void>
    private let downloads: GroupCommit<WindowedDownload, DownloadOutcome>
    let leads: GroupCommit<WindowedLead, LeadOutcome>

    /// How hard each commit is pushed to disk.
    public enum Durability: String, Sendable, CaseIterable {
        /// `synchronous=FULL`: each commit is fsynced; survives a power cut or an OS crash.
        case full
        /// `synchronous=NORMAL`: survives a killed process; an OS crash or power cut may lose the last commits.
        case normal
    }

    /// Opens (creating if needed) the database file at `path`, creating its folder too.
    package init(path: String, policy: CommitPolicy = .standard, durability: Durability = .full) throws {
        let url = URL(fileURLWithPath: path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        var configuration = Configuration()
        configuration.busyMode = .timeout(5)
        let synchronous = durability == .full ? "FULL" : "NORMAL"
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = \(synchronous)")
        }
        let pool = try DatabasePool(path: path, configuration: configuration)
        self.pool = pool
        self.path = path
        var policy = policy
        policy.concurrentCommits = 1
        self.events = GroupCommit(policy: policy) { batch in
            try await pool.write { db in
                try Self.insert(batch, db)
                try Self.rollUp(batch, db)
                try Self.recordTouches(batch, db)
            }
            return Array(repeating: (), count: batch.count)
        }
        self.downloads = GroupCommit(policy: policy) { batch in
            try await pool.write { db in
                let outcomes = try batch.map { try Self.insert($0.download, dedupeWindow: $0.window, db) }
                try Self.rollUp(batch.indices.filter { outcomes[$0] == .counted }.map { batch[$0].download }, db)
                return outcomes
            }
        }
        self.leads = GroupCommit(policy: policy) { batch in
            try await pool.write { db in try batch.map { try Self.insert($0.lead, dedupeWindow: $0.window, db) } }
        }
    }

    /// Applies the migrations not yet applied to the file, in order.
    public func migrate() async throws {
        try Self.migrator.migrate(pool)
    }

    /// The schema, one migration per change; later issues append (leads, report indexes), never edit.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("1-events-and-downloads") { db in
            try db.execute(sql: """
                CREATE TABLE events (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    site TEXT NOT NULL,
                    page TEXT NOT NULL,
                    type TEXT NOT NULL,
                    visitor TEXT,
                    occurred_at INTEGER NOT NULL,
                    received_at INTEGER NOT NULL,
                    asset TEXT,
                    url TEXT,
                    step TEXT,
                    field TEXT
                );
                CREATE INDEX events_site_time ON events (site, occurred_at);
                CREATE INDEX events_site_type_time ON events (site, type, occurred_at);
                CREATE TABLE downloads (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    asset TEXT NOT NULL,
                    site TEXT NOT NULL,
                    page TEXT NOT NULL,
                    at INTEGER NOT NULL,
                    visitor TEXT,
                    agent TEXT NOT NULL,
                    source TEXT NOT NULL CHECK (source IN ('link', 'log')),
                    dedupe_key TEXT UNIQUE
                );
                CREATE INDEX downloads_time ON downloads (at, asset, site);
                CREATE INDEX downloads_visitor_asset ON downloads (visitor, asset, at);
                """)
        }
        migrator.registerMigration("2-leads", migrate: createLeadsTable)
        migrator.registerMigration("3-rollups", migrate: createRollups)
        migrator.registerMigration("4-page-views", migrate: createPageViewRollups)
        migrator.registerMigration("5-journey", migrate: createJourneyTables)
        return migrator
    }

    /// Queues the events for the next group commit and returns once it has committed.
    public func record(_ events: [TrackedEvent]) async throws {
        _ = try await self.events.submit(events)
    }

    /// Checks and stores the download in the next group commit, where its batch's earlier rows count for the repeat
    /// check.
    public func record(_ download: Download, dedupeWindow window: TimeInterval) async throws -> DownloadOutcome {
        try await downloads.submit([WindowedDownload(download: download, window: window)])[0]
    }

    /// The events', the downloads' and the leads' queues together.
    public func writeQueueStatus() async -> WriteQueueStatus {
        await events.currentStatus() + downloads.currentStatus() + leads.currentStatus()
    }

    static func insert(_ events: [TrackedEvent], _ db: Database) throws {
        let statement = try db.cachedStatement(sql: """
            INSERT INTO events (site, page, type, visitor, occurred_at, received_at, asset, url, step, field, source)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for event in events {
            try statement.execute(arguments: [
                event.site, event.page, event.type.rawValue, event.visitor,
                event.occurredAt.epochMilliseconds, event.receivedAt.epochMilliseconds,
                event.asset, event.url, event.step, event.field, event.source.rawValue,
            ])
        }
    }

    /// Checks and inserts one download inside the batch's transaction: the batch's earlier rows are visible to it.
    static func insert(_ download: Download, dedupeWindow window: TimeInterval, _ db: Database) throws -> DownloadOutcome {
        if download.source == .link, let visitor = download.visitor {
            // Either side of this download's time: one stamped a moment later may have been committed first.
            let earliest = download.at.addingTimeInterval(-window).epochMilliseconds
            let latest = download.at.addingTimeInterval(window).epochMilliseconds
            let seen = try Bool.fetchOne(db.cachedStatement(sql: """
                SELECT EXISTS (SELECT 1 FROM downloads
                               WHERE visitor = ? AND asset = ? AND source = 'link' AND at > ? AND at < ?)
                """), arguments: [visitor, download.asset, earliest, latest]) ?? false
            if seen { return .duplicate }
        }
        // Cached statements: a batch checks and inserts each of its rows, and compiling the SQL each time cost more.
        try db.cachedStatement(sql: """
            INSERT INTO downloads (asset, site, page, at, visitor, agent, source, dedupe_key)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (dedupe_key) DO NOTHING
            """).execute(arguments: [
                download.asset, download.site, download.page, download.at.epochMilliseconds, download.visitor,
                download.agent.rawValue, download.source.rawValue, download.dedupeKey,
            ])
        return db.changesCount == 1 ? .counted : .duplicate
    }

    /// A read of the local file: it has no server to lose, so no deadline (a busy machine must not make it fail).
    public func checkHealth() async throws {
        _ = try await pool.read { db in try Int.fetchOne(db, sql: "SELECT 1") }
    }

    /// Counts the `events` and `downloads` rows.
    public func totals() async throws -> StoreTotals {
        try await pool.read { db in
            StoreTotals(
                events: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM events") ?? 0,
                downloads: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM downloads") ?? 0)
        }
    }

    /// Reads the period's raw `downloads` rows: distinct visitors cannot be summed from the hourly rollups.
    public func downloadCounts(in period: ReportPeriod) async throws -> [DownloadCount] {
        try await pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT asset, site, COUNT(*) AS downloads, COUNT(DISTINCT visitor) AS visitors
                FROM downloads WHERE at >= ? AND at < ?
                GROUP BY asset, site
                ORDER BY downloads DESC, asset, site
                """, arguments: [period.since.epochMilliseconds, period.until.epochMilliseconds]
            ).map { DownloadCount(asset: $0["asset"], site: $0["site"], downloads: $0["downloads"], visitors: $0["visitors"]) }
        }
    }

    /// Sums the hourly rollups and the raw rows of the period's partial hours; at an offset that is not whole hours,
    /// the raw rows only.
    public func eventCountsByHour(site: String, type: EventType?, in period: ReportPeriod, utcOffset: Int) async throws -> [HourOfDayCount] {
        try await eventCounts(site: site, type: type, in: period, utcOffset: utcOffset,
                              rollupBucket: "((hour * 3600 + ?) / 3600) % 24", rawBucket: "((occurred_at / 1000 + ?) / 3600) % 24")
            .map { HourOfDayCount(hour: $0.bucket, events: $0.events) }
    }

    /// Like `eventCountsByHour`, per calendar day at the offset.
    public func eventCountsByDay(site: String, type: EventType?, in period: ReportPeriod, utcOffset: Int) async throws -> [DayCount] {
        try await eventCounts(site: site, type: type, in: period, utcOffset: utcOffset,
                              rollupBucket: "(hour * 3600 + ?) / 86400", rawBucket: "(occurred_at / 1000 + ?) / 86400")
            .map { DayCount(day: dayString(daysSinceEpoch: $0.bucket), events: $0.events) }
    }

    /// A site's events per bucket (hour of day, day): the whole hours from `event_rollups`, the edges from `events`.
    private func eventCounts(site: String, type: EventType?, in period: ReportPeriod, utcOffset: Int,
                             rollupBucket: String, rawBucket: String) async throws -> [(bucket: Int, events: Int)] {
        let span = HourSpan.forBuckets(period, utcOffset: utcOffset), edges = span.edgeBounds
        return try await pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT bucket, SUM(events) AS events FROM (
                    SELECT \(rollupBucket) AS bucket, SUM(events) AS events FROM event_rollups
                    WHERE site = ? AND (? IS NULL OR type = ?) AND hour >= ? AND hour < ? GROUP BY bucket
                    UNION ALL
                    SELECT \(rawBucket) AS bucket, COUNT(*) AS events FROM events
                    WHERE site = ? AND (? IS NULL OR type = ?)
                      AND ((occurred_at >= ? AND occurred_at < ?) OR (occurred_at >= ? AND occurred_at < ?)) GROUP BY bucket)
                GROUP BY bucket ORDER BY bucket
                """, arguments: [utcOffset, site, type?.rawValue, type?.rawValue, span.first, span.end,
                                 utcOffset, site, type?.rawValue, type?.rawValue, edges[0], edges[1], edges[2], edges[3]]
            ).map { (bucket: $0["bucket"], events: $0["events"]) }
        }
    }

    /// Reads each step's events from the rollups and its visitors from `funnel_visitors`, with the raw rows of the
    /// partial hours at either end.
    public func bookingFunnel(site: String, in period: ReportPeriod) async throws -> [FunnelStepCount] {
        let span = HourSpan(period), edges = span.edgeBounds
        let (events, visitors) = try await pool.read { db in
            let events = try Row.fetchAll(db, sql: """
                SELECT type, SUM(events) AS events FROM (
                    SELECT type, SUM(events) AS events FROM event_rollups
                    WHERE site = ? AND type LIKE 'booking_%' AND hour >= ? AND hour < ? GROUP BY type
                    UNION ALL
                    SELECT type, COUNT(*) AS events FROM events
                    WHERE site = ? AND type LIKE 'booking_%'
                      AND ((occurred_at >= ? AND occurred_at < ?) OR (occurred_at >= ? AND occurred_at < ?)) GROUP BY type)
                GROUP BY type
                """, arguments: [site, span.first, span.end, site, edges[0], edges[1], edges[2], edges[3]]
            ).map { row -> (String, Int) in (row["type"], row["events"]) }
            let visitors = try Row.fetchAll(db, sql: """
                SELECT type, COUNT(DISTINCT visitor) AS visitors FROM (
                    SELECT type, visitor FROM funnel_visitors WHERE site = ? AND hour >= ? AND hour < ?
                    UNION ALL
                    SELECT type, visitor FROM events
                    WHERE site = ? AND type LIKE 'booking_%' AND visitor IS NOT NULL
                      AND ((occurred_at >= ? AND occurred_at < ?) OR (occurred_at >= ? AND occurred_at < ?)))
                GROUP BY type
                """, arguments: [site, span.first, span.end, site, edges[0], edges[1], edges[2], edges[3]]
            ).map { row -> (String, Int) in (row["type"], row["visitors"]) }
            return (events, visitors)
        }
        return completeFunnel(events: events, visitors: visitors)
    }

    /// Closes the pool's connections to the file.
    public func close() async throws {
        try pool.close()
    }
}
