import Foundation
import PostgresNIO

extension PostgresStore: JourneyStore {
    public func journey(visitor: String, in period: ReportPeriod) async throws -> [JourneyStep] {
        let rows = try await client.query("""
            SELECT site, page, type, occurred_at FROM events
            WHERE visitor = \(visitor) AND occurred_at >= \(period.since.epochMilliseconds) AND occurred_at < \(period.until.epochMilliseconds)
            ORDER BY occurred_at, id
            """, logger: logger)
        var steps: [JourneyStep] = []
        for try await (site, page, type, at) in rows.decode((String, String, String, Int64).self) {
            if let type = EventType(rawValue: type) {
                steps.append(JourneyStep(site: site, page: page, type: type, at: Date(epochMilliseconds: at)))
            }
        }
        return steps
    }
}
