import Foundation
import GRDB

extension SQLiteStore: JourneyStore {
    /// The visitor's events on every site in the period, oldest first: the journey behind a lead.
    public func journey(visitor: String, in period: ReportPeriod) async throws -> [JourneyStep] {
        try await pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT site, page, type, occurred_at, source FROM events
                WHERE visitor = ? AND occurred_at >= ? AND occurred_at < ?
                ORDER BY occurred_at, id
                """, arguments: [visitor, period.since.epochMilliseconds, period.until.epochMilliseconds]
            ).compactMap { row in
                EventType(rawValue: row["type"]).map {
                    JourneyStep(site: row["site"], page: row["page"], type: $0, at: Date(epochMilliseconds: row["occurred_at"]),
                                source: EventSource(rawValue: row["source"]) ?? .web)
                }
            }
        }
    }

    /// The visitor's first and latest touch (campaign, search, social, …), nil before the first landing.
    public func touches(visitor: String) async throws -> Touches? {
        try await pool.read { db in
            try Row.fetchOne(db, sql: "SELECT first_touch, latest_touch FROM visitor_touches WHERE visitor = ?", arguments: [visitor])
                .flatMap { row in Touch(stored: row["first_touch"]).flatMap { first in Touch(stored: row["latest_touch"]).map { Touches(first: first, latest: $0) } } }
        }
    }

    /// The touches stored with each lead since `since`, by lead id.
    public func leadTouches(since: Date) async throws -> [Int64: Touches] {
        try await pool.read { db in
            var touches: [Int64: Touches] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT id, first_touch, latest_touch FROM leads
                WHERE spam = 0 AND created_at >= ? AND first_touch IS NOT NULL
                """, arguments: [since.epochMilliseconds]) {
                if let first = Touch(stored: row["first_touch"]), let latest = Touch(stored: row["latest_touch"]) {
                    touches[row["id"]] = Touches(first: first, latest: latest)
                }
            }
            return touches
        }
    }

    /// The touches of every visitor seen in the period, by visitor id: the campaigns' visitors for the conversion figures.
    public func visitorTouches(in period: ReportPeriod) async throws -> [String: Touches] {
        let since = period.since.epochMilliseconds, until = period.until.epochMilliseconds
        return try await pool.read { db in
            var touches: [String: Touches] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT visitor, first_touch, latest_touch FROM visitor_touches
                WHERE (first_at >= ? AND first_at < ?) OR (latest_at >= ? AND latest_at < ?)
                """, arguments: [since, until, since, until]) {
                if let first = Touch(stored: row["first_touch"]), let latest = Touch(stored: row["latest_touch"]) {
                    touches[row["visitor"]] = Touches(first: first, latest: latest)
                }
            }
            return touches
        }
    }
}
