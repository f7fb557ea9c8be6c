import Foundation
import GRDB

extension SQLiteStore {
    /// Migration `3-rollups`: hourly counts kept as rows arrive (see `HourSpan`), filled from the rows already stored.
    static func createRollups(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE event_rollups (
                site TEXT NOT NULL, type TEXT NOT NULL, hour INTEGER NOT NULL, events INTEGER NOT NULL,
                PRIMARY KEY (site, type, hour)
            ) WITHOUT ROWID;
            CREATE TABLE funnel_visitors (
                site TEXT NOT NULL, type TEXT NOT NULL, hour INTEGER NOT NULL, visitor TEXT NOT NULL,
                PRIMARY KEY (site, type, hour, visitor)
            ) WITHOUT ROWID;
            CREATE TABLE download_rollups (
                asset TEXT NOT NULL, site TEXT NOT NULL, source TEXT NOT NULL, hour INTEGER NOT NULL,
                downloads INTEGER NOT NULL, last_at INTEGER NOT NULL,
                PRIMARY KEY (asset, site, source, hour)
            ) WITHOUT ROWID;
            INSERT INTO event_rollups (site, type, hour, events)
                SELECT site, type, occurred_at / 3600000, COUNT(*) FROM events GROUP BY 1, 2, 3;
            INSERT INTO funnel_visitors (site, type, hour, visitor)
                SELECT DISTINCT site, type, occurred_at / 3600000, visitor FROM events
                WHERE type LIKE 'booking_%' AND visitor IS NOT NULL;
            INSERT INTO download_rollups (asset, site, source, hour, downloads, last_at)
                SELECT asset, site, source, at / 3600000, COUNT(*), MAX(at) FROM downloads GROUP BY 1, 2, 3, 4;
            CREATE INDEX events_time ON events (occurred_at);
            """)
    }

    /// Migration `4-page-views`: page views per site, page and hour, for the assets report's exposure.
    static func createPageViewRollups(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE page_view_rollups (
                site TEXT NOT NULL, page TEXT NOT NULL, hour INTEGER NOT NULL, views INTEGER NOT NULL,
                PRIMARY KEY (site, page, hour)
            ) WITHOUT ROWID;
            INSERT INTO page_view_rollups (site, page, hour, views)
                SELECT site, page, occurred_at / 3600000, COUNT(*) FROM events WHERE type = 'pageview' GROUP BY 1, 2, 3;
            """)
    }

    /// Adds a batch of events to the rollups, in the batch's transaction.
    static func rollUp(_ events: [TrackedEvent], _ db: Database) throws {
        let counts = try db.cachedStatement(sql: """
            INSERT INTO event_rollups (site, type, hour, events) VALUES (?, ?, ?, ?)
            ON CONFLICT (site, type, hour) DO UPDATE SET events = events + excluded.events
            """)
        for (row, events) in EventRollupRow.counts(of: events) {
            try counts.execute(arguments: [row.site, row.type, row.hour, events])
        }
        let visitors = try db.cachedStatement(sql: """
            INSERT INTO funnel_visitors (site, type, hour, visitor) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING
            """)
        for (row, visitor) in EventRollupRow.funnelVisitors(of: events) {
            try visitors.execute(arguments: [row.site, row.type, row.hour, visitor])
        }
        let views = try db.cachedStatement(sql: """
            INSERT INTO page_view_rollups (site, page, hour, views) VALUES (?, ?, ?, ?)
            ON CONFLICT (site, page, hour) DO UPDATE SET views = views + excluded.views
            """)
        for (row, count) in PageViewRollupRow.counts(of: events) {
            try views.execute(arguments: [row.site, row.page, row.hour, count])
        }
    }

    /// Adds counted downloads to the rollups, in their transaction.
    static func rollUp(_ downloads: [Download], _ db: Database) throws {
        let statement = try db.cachedStatement(sql: """
            INSERT INTO download_rollups (asset, site, source, hour, downloads, last_at) VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (asset, site, source, hour)
            DO UPDATE SET downloads = downloads + excluded.downloads, last_at = MAX(last_at, excluded.last_at)
            """)
        for (row, downloads, last) in DownloadRollupRow.counts(of: downloads) {
            try statement.execute(arguments: [row.asset, row.site, row.source, row.hour, downloads, last])
        }
    }

    /// Deletes `deletionChunk` rows per write transaction, so that the group commit's writes go on in between.
    public func deleteEvents(before date: Date) async throws -> Int {
        var deleted = 0
        while true {
            let chunk = try await pool.write { db in
                try db.execute(sql: """
                    DELETE FROM events WHERE id IN (SELECT id FROM events WHERE occurred_at < ? LIMIT \(Self.deletionChunk))
                    """, arguments: [date.epochMilliseconds])
                return db.changesCount
            }
            deleted += chunk
            if chunk < Self.deletionChunk { return deleted }
        }
    }

    /// Raw events deleted per transaction.
    static let deletionChunk = 5000
}
