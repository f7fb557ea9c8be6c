import Foundation
import GRDB

/// The default store: one SQLite file in WAL mode, through GRDB's `DatabasePool`
/// (one writer, concurrent readers; the health check and reports never wait for writes).
public final class SQLiteStore: Store {
    let pool: DatabasePool
    public let path: String

    /// Opens (creating if needed) the database file at `path`, creating its folder too.
    public init(path: String) throws {
        let url = URL(fileURLWithPath: path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        var configuration = Configuration()
        configuration.busyMode = .timeout(5)
        configuration.prepareDatabase { db in
            // WAL with synchronous=NORMAL survives a killed process without losing a committed transaction;
            // only a power cut can lose the last commits. FULL would fsync every commit.
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        self.pool = try DatabasePool(path: path, configuration: configuration)
        self.path = path
    }

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
        return migrator
    }

    public func record(_ events: [TrackedEvent]) async throws {
        guard !events.isEmpty else { return }
        try await pool.write { db in
            let statement = try db.cachedStatement(sql: """
                INSERT INTO events (site, page, type, visitor, occurred_at, received_at, asset, url, step, field)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            for event in events {
                try statement.execute(arguments: [
                    event.site, event.page, event.type.rawValue, event.visitor,
                    event.occurredAt.epochMilliseconds, event.receivedAt.epochMilliseconds,
                    event.asset, event.url, event.step, event.field,
                ])
            }
        }
    }

    public func record(_ download: Download, dedupeWindow window: TimeInterval) async throws -> DownloadOutcome {
        try await pool.write { db in
            if download.source == .link, let visitor = download.visitor {
                let earliest = download.at.addingTimeInterval(-window).epochMilliseconds
                let seen = try Bool.fetchOne(db, sql: """
                    SELECT EXISTS (SELECT 1 FROM downloads
                                   WHERE visitor = ? AND asset = ? AND source = 'link' AND at > ? AND at <= ?)
                    """, arguments: [visitor, download.asset, earliest, download.at.epochMilliseconds]) ?? false
                if seen { return .duplicate }
            }
            try db.execute(sql: """
                INSERT INTO downloads (asset, site, page, at, visitor, agent, source, dedupe_key)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (dedupe_key) DO NOTHING
                """, arguments: [
                    download.asset, download.site, download.page, download.at.epochMilliseconds, download.visitor,
                    download.agent.rawValue, download.source.rawValue, download.dedupeKey,
                ])
            return db.changesCount == 1 ? .counted : .duplicate
        }
    }

    public func checkHealth() async throws {
        _ = try await pool.read { db in try Int.fetchOne(db, sql: "SELECT 1") }
    }

    public func totals() async throws -> StoreTotals {
        try await pool.read { db in
            StoreTotals(
                events: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM events") ?? 0,
                downloads: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM downloads") ?? 0)
        }
    }

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

    public func eventCountsByHour(site: String, type: EventType?, in period: ReportPeriod, utcOffset: Int) async throws -> [HourOfDayCount] {
        try await pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT ((occurred_at / 1000 + ?) / 3600) % 24 AS hour, COUNT(*) AS events
                FROM events
                WHERE site = ? AND (? IS NULL OR type = ?) AND occurred_at >= ? AND occurred_at < ?
                GROUP BY hour ORDER BY hour
                """, arguments: [utcOffset, site, type?.rawValue, type?.rawValue,
                                 period.since.epochMilliseconds, period.until.epochMilliseconds]
            ).map { HourOfDayCount(hour: $0["hour"], events: $0["events"]) }
        }
    }

    public func eventCountsByDay(site: String, type: EventType?, in period: ReportPeriod, utcOffset: Int) async throws -> [DayCount] {
        try await pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT (occurred_at / 1000 + ?) / 86400 AS day, COUNT(*) AS events
                FROM events
                WHERE site = ? AND (? IS NULL OR type = ?) AND occurred_at >= ? AND occurred_at < ?
                GROUP BY day ORDER BY day
                """, arguments: [utcOffset, site, type?.rawValue, type?.rawValue,
                                 period.since.epochMilliseconds, period.until.epochMilliseconds]
            ).map { DayCount(day: dayString(daysSinceEpoch: $0["day"]), events: $0["events"]) }
        }
    }

    public func bookingFunnel(site: String, in period: ReportPeriod) async throws -> [FunnelStepCount] {
        let rows = try await pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT type, COUNT(*) AS events, COUNT(DISTINCT visitor) AS visitors
                FROM events
                WHERE site = ? AND type LIKE 'booking_%' AND occurred_at >= ? AND occurred_at < ?
                GROUP BY type
                """, arguments: [site, period.since.epochMilliseconds, period.until.epochMilliseconds]
            ).map { row -> (String, Int, Int) in (row["type"], row["events"], row["visitors"]) }
        }
        var found: [EventType: (events: Int, visitors: Int)] = [:]
        for (type, events, visitors) in rows {
            if let step = EventType(rawValue: type) { found[step] = (events, visitors) }
        }
        return completeFunnel(found)
    }

    public func close() async throws {
        try pool.close()
    }
}
