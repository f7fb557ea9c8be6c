import Foundation
import Hummingbird
import ShowroomStorage

/// `POST /events`: validates a small batch of tracking events and answers 204 once they are committed.
struct EventsRoute: Sendable {
    let store: any Store
    let fleet: Fleet
    let metrics: CollectorMetrics

    func receive(_ request: Request, context: CollectorRequestContext) async throws -> Response {
        let body = try await request.collectBody(context: context, metrics: metrics) { "a request may carry at most \($0) KB of events" }
        let now = Date()
        var events: [TrackedEvent] = []
        do throws(EventRejection) {
            for payload in try EventPayload.decodeBatch(from: Array(buffer: body)) {
                var event = try payload.validated(knownSites: fleet.siteIDs, receivedAt: now)
                event.touch = Landing.touch(of: payload, event: event, fleetHosts: fleet.hosts)
                events.append(event)
            }
        } catch {
            metrics.rejected(reason: error.reason)
            throw HTTPError(.badRequest, message: error.description)
        }
        if request.headers[.origin] == nil, events.contains(where: { $0.source == .web }) {
            metrics.rejected(reason: "origin")
            throw HTTPError(.forbidden, message: "events are accepted only from the pages of the fleet's own sites, "
                            + "or from the app or a mini-program with `source` app or miniprogram")
        }
        try await StoreRefusal.storing("events", metrics: metrics, logger: context.logger) { try await store.record(events) }
        metrics.eventsStored.increment(by: events.count)
        return Response(status: .noContent)
    }
}
