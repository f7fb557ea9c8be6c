import Foundation
import PostgresNIO

extension PostgresStore: JourneyStore {
    /// The visitor's events on every site in the period, oldest first: the journey behind a lead.
    public func journey(visitor: String, in period: ReportPeriod) async throws -> [JourneyStep] {
        let rows = try await client.query("""
            SELECT site, page, type, occurred_at, source FROM events
            WHERE visitor = \(visitor) AND occurred_at >= \(period.since.epochMilliseconds) AND occurred_at < \(period.until.epochMilliseconds)
            ORDER BY occurred_at, id
            """, logger: logger)
        var steps: [JourneyStep] = []
        for try await (site, page, type, at, source) in rows.decode((String, String, String, Int64, String).self) {
            if let type = EventType(rawValue: type) {
                steps.append(JourneyStep(site: site, page: page, type: type, at: Date(epochMilliseconds: at),
                                         source: EventSource(rawValue: source) ?? .web))
            }
        }
        return steps
    }

    /// The visitor's first and latest touch (campaign, search, social, …), nil before the first landing.
    public func touches(visitor: String) async throws -> Touches? {
        let rows = try await client.query("SELECT first_touch, latest_touch FROM visitor_touches WHERE visitor = \(visitor)", logger: logger)
        for try await (first, latest) in rows.decode((String, String).self) {
            if let first = Touch(stored: first), let latest = Touch(stored: latest) { return Touches(first: first, latest: latest) }
        }
        return nil
    }

    /// The touches stored with each lead since `since`, by lead id.
    public func leadTouches(since: Date) async throws -> [Int64: Touches] {
        let rows = try await client.query("""
            SELECT id, first_touch, latest_touch FROM leads
            WHERE NOT spam AND created_at >= \(since.epochMilliseconds) AND first_touch IS NOT NULL
            """, logger: logger)
        var touches: [Int64: Touches] = [:]
        for try await (id, first, latest) in rows.decode((Int64, String, String).self) {
            if let first = Touch(stored: first), let latest = Touch(stored: latest) { touches[id] = Touches(first: first, latest: latest) }
        }
        return touches
    }

    /// The touches of every visitor seen in the period, by visitor id: the campaigns' visitors for the conversion figures.
    public func visitorTouches(in period: ReportPeriod) async throws -> [String: Touches] {
        let since = period.since.epochMilliseconds, until = period.until.epochMilliseconds
        let rows = try await client.query("""
            SELECT visitor, first_touch, latest_touch FROM visitor_touches
            WHERE (first_at >= \(since) AND first_at < \(until)) OR (latest_at >= \(since) AND latest_at < \(until))
            """, logger: logger)
        var touches: [String: Touches] = [:]
        for try await (visitor, first, latest) in rows.decode((String, String, String).self) {
            if let first = Touch(stored: first), let latest = Touch(stored: latest) { touches[visitor] = Touches(first: first, latest: latest) }
        }
        return touches
    }
}
