import Hummingbird
import Logging
import ShowroomStorage

/// A write the store did not take (the database went away, is too slow, or the write queue is full): the request is
/// answered `503` with `Retry-After` and is not acknowledged. The log line says why, never what was written.
enum StoreRefusal {
    /// Seconds a client should wait before sending again.
    static let retryAfter = "2"

    /// Runs `write`; if the store throws, logs the reason and answers 503 instead.
    static func storing<Result>(
        _ what: String, metrics: CollectorMetrics, logger: Logger, _ write: () async throws -> Result
    ) async throws -> Result {
        do {
            return try await write()
        } catch {
            metrics.rejected(reason: "store_unavailable")
            logger.warning("\(what) not stored: the store did not take the write", metadata: ["reason": "\(error)"])
            throw HTTPError(.serviceUnavailable, headers: [.retryAfter: retryAfter],
                            message: "the \(what) could not be stored just now; send it again in \(retryAfter) seconds")
        }
    }
}
