import Foundation
import Logging
import PostgresNIO

extension PostgresStore {
    /// Migration `3-rollups`: hourly counts kept as rows arrive (see `HourSpan`), filled from the rows already stored.
    static let rollupStatements = [
        """
        CREATE TABLE event_rollups (
            site TEXT NOT NULL, type TEXT NOT NULL, hour BIGINT NOT NULL, events BIGINT NOT NULL,
            PRIMARY KEY (site, type, hour)
        )
        """,
        """
        CREATE TABLE funnel_visitors (
            site TEXT NOT NULL, type TEXT NOT NULL, hour BIGINT NOT NULL, visitor TEXT NOT NULL,
            PRIMARY KEY (site, type, hour, visitor)
        )
        """,
        """
        CREATE TABLE download_rollups (
            asset TEXT NOT NULL, site TEXT NOT NULL, source TEXT NOT NULL, hour BIGINT NOT NULL,
            downloads BIGINT NOT NULL, last_at BIGINT NOT NULL,
            PRIMARY KEY (asset, site, source, hour)
        )
        """,
        """
        INSERT INTO event_rollups (site, type, hour, events)
            SELECT site, type, occurred_at / 3600000, COUNT(*) FROM events GROUP BY 1, 2, 3
        """,
        """
        INSERT INTO funnel_visitors (site, type, hour, visitor)
            SELECT DISTINCT site, type, occurred_at / 3600000, visitor FROM events
            WHERE type LIKE 'booking_%' AND visitor IS NOT NULL
        """,
        """
        INSERT INTO download_rollups (asset, site, source, hour, downloads, last_at)
            SELECT asset, site, source, at / 3600000, COUNT(*), MAX(at) FROM downloads GROUP BY 1, 2, 3, 4
        """,
        "CREATE INDEX events_time ON events (occurred_at)",
    ]

    /// Migration `4-page-views`: page views per site, page and hour, for the assets report's exposure.
    static let pageViewRollupStatements = [
        """
        CREATE TABLE page_view_rollups (
            site TEXT NOT NULL, page TEXT NOT NULL, hour BIGINT NOT NULL, views BIGINT NOT NULL,
            PRIMARY KEY (site, page, hour)
        )
        """,
        """
        INSERT INTO page_view_rollups (site, page, hour, views)
            SELECT site, page, occurred_at / 3600000, COUNT(*) FROM events WHERE type = 'pageview' GROUP BY 1, 2, 3
        """,
    ]

    /// Adds a batch of events to the rollups, in the batch's transaction: one statement per table, rows in key order so
    /// that concurrent batches (of this instance or another) lock the rollup rows they share in the same order.
    static func rollUp(_ events: [TrackedEvent], on connection: PostgresConnection, logger: Logger) async throws {
        var bindings = PostgresBindings()
        var rows: [String] = []
        for (row, count) in EventRollupRow.counts(of: events) {
            rows.append(placeholders(4, after: bindings.count))
            bindings.append(row.site)
            bindings.append(row.type)
            bindings.append(row.hour)
            bindings.append(Int64(count))
        }
        try await connection.query(PostgresQuery(unsafeSQL: """
            INSERT INTO event_rollups (site, type, hour, events) VALUES \(rows.joined(separator: ", "))
            ON CONFLICT (site, type, hour) DO UPDATE SET events = event_rollups.events + excluded.events
            """, binds: bindings), logger: logger)
        try await rollUpPageViews(events, on: connection, logger: logger)
        let visitors = EventRollupRow.funnelVisitors(of: events)
        guard !visitors.isEmpty else { return }
        bindings = PostgresBindings()
        rows = []
        for (row, visitor) in visitors {
            rows.append(placeholders(4, after: bindings.count))
            bindings.append(row.site)
            bindings.append(row.type)
            bindings.append(row.hour)
            bindings.append(visitor)
        }
        try await connection.query(PostgresQuery(unsafeSQL: """
            INSERT INTO funnel_visitors (site, type, hour, visitor) VALUES \(rows.joined(separator: ", ")) ON CONFLICT DO NOTHING
            """, binds: bindings), logger: logger)
    }

    /// Adds a batch's page views to `page_view_rollups`, in the batch's transaction, rows in key order.
    private static func rollUpPageViews(_ events: [TrackedEvent], on connection: PostgresConnection, logger: Logger) async throws {
        let counts = PageViewRollupRow.counts(of: events)
        guard !counts.isEmpty else { return }
        var bindings = PostgresBindings()
        var rows: [String] = []
        for (row, count) in counts {
            rows.append(placeholders(4, after: bindings.count))
            bindings.append(row.site)
            bindings.append(row.page)
            bindings.append(row.hour)
            bindings.append(Int64(count))
        }
        try await connection.query(PostgresQuery(unsafeSQL: """
            INSERT INTO page_view_rollups (site, page, hour, views) VALUES \(rows.joined(separator: ", "))
            ON CONFLICT (site, page, hour) DO UPDATE SET views = page_view_rollups.views + excluded.views
            """, binds: bindings), logger: logger)
    }

    /// Adds counted downloads to the rollups, in their transaction.
    static func rollUp(_ downloads: [Download], on connection: PostgresConnection, logger: Logger) async throws {
        let counts = DownloadRollupRow.counts(of: downloads)
        guard !counts.isEmpty else { return }
        var bindings = PostgresBindings()
        var rows: [String] = []
        for (row, count, last) in counts {
            rows.append(placeholders(6, after: bindings.count))
            bindings.append(row.asset)
            bindings.append(row.site)
            bindings.append(row.source)
            bindings.append(row.hour)
            bindings.append(Int64(count))
            bindings.append(last)
        }
        try await connection.query(PostgresQuery(unsafeSQL: """
            INSERT INTO download_rollups (asset, site, source, hour, downloads, last_at) VALUES \(rows.joined(separator: ", "))
            ON CONFLICT (asset, site, source, hour) DO UPDATE SET downloads = download_rollups.downloads + excluded.downloads,
                last_at = GREATEST(download_rollups.last_at, excluded.last_at)
            """, binds: bindings), logger: logger)
    }

    /// Deletes `deletionChunk` rows per statement, so that the instances' writes go on in between.
    package func deleteEvents(before date: Date) async throws -> Int {
        var deleted = 0
        while true {
            let rows = try await client.query("""
                WITH gone AS (DELETE FROM events WHERE id IN (
                    SELECT id FROM events WHERE occurred_at < \(date.epochMilliseconds) LIMIT \(Self.deletionChunk)) RETURNING 1)
                SELECT COUNT(*) FROM gone
                """, logger: logger)
            var chunk = 0
            for try await count in rows.decode(Int.self) { chunk = count }
            deleted += chunk
            if chunk < Self.deletionChunk { return deleted }
        }
    }

    /// Raw events deleted per transaction.
    static let deletionChunk = 5000
}
