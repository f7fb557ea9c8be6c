import Foundation
import Logging
import PostgresNIO

extension PostgresStore {
    /// Migration `5-journey`, as the SQLite store's.
    static let journeyStatements = [
        "ALTER TABLE events ADD COLUMN source TEXT NOT NULL DEFAULT 'web'",
        "CREATE INDEX events_visitor_time ON events (visitor, occurred_at)",
        """
        CREATE TABLE visitor_touches (
            visitor TEXT PRIMARY KEY,
            first_at BIGINT NOT NULL,
            first_touch TEXT NOT NULL,
            latest_at BIGINT NOT NULL,
            latest_touch TEXT NOT NULL
        )
        """,
        "ALTER TABLE leads ADD COLUMN first_touch TEXT",
        "ALTER TABLE leads ADD COLUMN latest_touch TEXT",
    ]

    /// Keeps each visitor's first and latest touch (`touchUpdates`) inside the events' transaction; visitors in one
    /// order, so two batches touching the same visitors cannot deadlock.
    static func recordTouches(_ updates: [(visitor: String, touch: Touch)], on connection: PostgresConnection,
                              logger: Logger) async throws {
        for (visitor, touch) in updates {
            let at = touch.at.epochMilliseconds, stored = touch.stored, outside = touch.countsAsLatest
            try await connection.query("""
                INSERT INTO visitor_touches AS t (visitor, first_at, first_touch, latest_at, latest_touch)
                VALUES (\(visitor), \(at), \(stored), \(at), \(stored))
                ON CONFLICT (visitor) DO UPDATE SET
                    first_touch = CASE WHEN excluded.first_at < t.first_at THEN excluded.first_touch ELSE t.first_touch END,
                    first_at = LEAST(t.first_at, excluded.first_at),
                    latest_touch = CASE WHEN \(outside) AND excluded.latest_at >= t.latest_at THEN excluded.latest_touch ELSE t.latest_touch END,
                    latest_at = CASE WHEN \(outside) AND excluded.latest_at >= t.latest_at THEN excluded.latest_at ELSE t.latest_at END
                """, logger: logger)
        }
    }
}
