import Foundation
import Hummingbird
import ShowroomStorage

/// `GET /healthz`: `200 ok` while the store answers and its write queue has room; otherwise `503` saying why, in a
/// line operations can act on (the database does not answer, the queue is full), with `Retry-After`.
struct HealthRoute: Sendable {
    let store: any Store

    func check(_ request: Request, context: CollectorRequestContext) async throws -> Response {
        let problem: String?
        do {
            try await store.checkHealth()
            let queue = await store.writeQueueStatus()
            problem = queue.isFull ? "the write queue is full (\(queue.queued) rows of at most \(queue.limit)): the database cannot keep up" : nil
        } catch {
            problem = "the store does not answer: \(error)"
        }
        guard let problem else {
            var response = Response(status: .ok, body: ResponseBody(byteBuffer: ByteBuffer(string: "ok\n")))
            response.headers[.contentType] = "text/plain; charset=utf-8"
            return response
        }
        var response = Response(status: .serviceUnavailable, body: ResponseBody(byteBuffer: ByteBuffer(string: "unavailable: \(problem)\n")))
        response.headers[.retryAfter] = StoreRefusal.retryAfter
        response.headers[.contentType] = "text/plain; charset=utf-8"
        return response
    }
}
