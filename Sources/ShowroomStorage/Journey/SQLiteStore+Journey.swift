import Foundation
import GRDB

extension SQLiteStore: JourneyStore {
    public func journey(visitor: String, in period: ReportPeriod) async throws -> [JourneyStep] {
        try await pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT site, page, type, occurred_at FROM events
                WHERE visitor = ? AND occurred_at >= ? AND occurred_at < ?
                ORDER BY occurred_at, id
                """, arguments: [visitor, period.since.epochMilliseconds, period.until.epochMilliseconds]
            ).compactMap { row in
                EventType(rawValue: row["type"]).map {
                    JourneyStep(site: row["site"], page: row["page"], type: $0, at: Date(epochMilliseconds: row["occurred_at"]))
                }
            }
        }
    }
}
