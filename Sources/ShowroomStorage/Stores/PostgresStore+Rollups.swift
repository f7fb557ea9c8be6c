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

    /// Migration `6-rollup-slots`: each hourly count is kept in up to `rollupSlots` rows, which the reports add up.
    ///
    /// With one row per site, type and hour, every batch of the busiest hour updated the same row, and held its lock
    /// until its commit had been flushed to disk: concurrent batches, of one instance or several, waited for each
    /// other's flushes one after the other. A batch now adds to the slot it drew, so batches committing at once
    /// rarely touch the same row. (SQLite has one writer and keeps one row.)
    static let rollupSlotStatements = [
        "ALTER TABLE event_rollups ADD COLUMN slot SMALLINT NOT NULL DEFAULT 0",
        "ALTER TABLE event_rollups DROP CONSTRAINT event_rollups_pkey",
        "ALTER TABLE event_rollups ADD PRIMARY KEY (site, type, hour, slot)",
        "ALTER TABLE page_view_rollups ADD COLUMN slot SMALLINT NOT NULL DEFAULT 0",
        "ALTER TABLE page_view_rollups DROP CONSTRAINT page_view_rollups_pkey",
        "ALTER TABLE page_view_rollups ADD PRIMARY KEY (site, page, hour, slot)",
        "ALTER TABLE download_rollups ADD COLUMN slot SMALLINT NOT NULL DEFAULT 0",
        "ALTER TABLE download_rollups DROP CONSTRAINT download_rollups_pkey",
        "ALTER TABLE download_rollups ADD PRIMARY KEY (asset, site, source, hour, slot)",
    ]

    /// How many rows one hourly count may be spread over.
    static let rollupSlots = 16

    /// The slot a batch adds its counts to.
    static func drawSlot() -> Int16 {
        Int16.random(in: 0..<Int16(rollupSlots))
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
