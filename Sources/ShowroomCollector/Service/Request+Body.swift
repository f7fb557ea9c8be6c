import Hummingbird

extension Request {
    /// The whole body, up to the context's upload limit; a longer one is counted as a rejection and answered 413
    /// with `refusal(limit in KB)`, so the sender is told the limit in its own terms ("a booking may carry …").
    func collectBody(context: CollectorRequestContext, metrics: CollectorMetrics,
                     refusal: (Int) -> String) async throws -> ByteBuffer {
        do {
            return try await body.collect(upTo: context.maxUploadSize)
        } catch let error as HTTPError where error.status == .contentTooLarge {
            metrics.rejected(reason: "too_large")
            throw HTTPError(.contentTooLarge, message: refusal(context.maxUploadSize / 1024))
        }
    }
}
