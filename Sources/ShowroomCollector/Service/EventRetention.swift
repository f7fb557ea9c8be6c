import Foundation
import Logging
import ShowroomStorage

/// `eventRetentionDays` in showroom.yaml: the service deletes raw events older than that when it starts and every hour
/// after, while the hourly rollups the reports read stay.
struct EventRetention: Sendable {
    let days: Int
    let store: any Store
    let logger: Logger

    /// Deletes what is due, then again every `interval`, until the task is cancelled.
    func run(every interval: Duration = .seconds(3600)) async {
        while !Task.isCancelled {
            do {
                let deleted = try await store.deleteEvents(before: Date().addingTimeInterval(-Double(days) * 86_400))
                if deleted > 0 { logger.info("deleted raw events past the retention", metadata: ["events": "\(deleted)", "days": "\(days)"]) }
            } catch {
                logger.warning("could not delete raw events past the retention; trying again within the hour", metadata: ["reason": "\(error)"])
            }
            try? await Task.sleep(for: interval)
        }
    }
}
