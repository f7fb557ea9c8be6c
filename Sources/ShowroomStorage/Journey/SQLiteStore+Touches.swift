import Foundation
import GRDB

extension SQLiteStore {
    /// Migration `5-journey`: where an event came from (`source`), events by visitor (the journey), each visitor's
    /// first and latest touch, and the touches a lead was made after.
    static func createJourneyTables(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE events ADD COLUMN source TEXT NOT NULL DEFAULT 'web';
            CREATE INDEX events_visitor_time ON events (visitor, occurred_at);
            CREATE TABLE visitor_touches (
                visitor TEXT PRIMARY KEY,
                first_at INTEGER NOT NULL,
                first_touch TEXT NOT NULL,
                latest_at INTEGER NOT NULL,
                latest_touch TEXT NOT NULL
            );
            ALTER TABLE leads ADD COLUMN first_touch TEXT;
            ALTER TABLE leads ADD COLUMN latest_touch TEXT;
            """)
    }

    /// Keeps each visitor's first touch (the earliest landing) and latest (see `Touches`),
    /// inside the events' transaction.
    static func recordTouches(_ events: [TrackedEvent], _ db: Database) throws {
        for (visitor, touch) in touchUpdates(events) {
            try db.execute(sql: """
                INSERT INTO visitor_touches (visitor, first_at, first_touch, latest_at, latest_touch) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (visitor) DO UPDATE SET
                    first_touch = CASE WHEN excluded.first_at < first_at THEN excluded.first_touch ELSE first_touch END,
                    first_at = MIN(first_at, excluded.first_at),
                    latest_touch = CASE WHEN ? AND excluded.latest_at >= latest_at THEN excluded.latest_touch ELSE latest_touch END,
                    latest_at = CASE WHEN ? AND excluded.latest_at >= latest_at THEN excluded.latest_at ELSE latest_at END
                """, arguments: [visitor, touch.at.epochMilliseconds, touch.stored, touch.at.epochMilliseconds, touch.stored,
                                 touch.countsAsLatest, touch.countsAsLatest])
        }
    }

    /// Copies the visitor's touches onto the lead just stored, so the lead keeps them whatever the visitor does next.
    static func copyTouches(toLead id: Int64, _ db: Database) throws {
        try db.execute(sql: """
            UPDATE leads SET first_touch = t.first_touch, latest_touch = t.latest_touch
            FROM visitor_touches AS t WHERE leads.id = ? AND t.visitor = leads.visitor
            """, arguments: [id])
    }
}

extension Store {
    /// The landings of a batch with a visitor id, in time order: the touches to keep.
    static func touchUpdates(_ events: [TrackedEvent]) -> [(visitor: String, touch: Touch)] {
        events.compactMap { event in event.visitor.flatMap { visitor in event.touch.map { (visitor, $0) } } }
            .sorted { ($0.visitor, $0.touch.at) < ($1.visitor, $1.touch.at) }
    }
}
