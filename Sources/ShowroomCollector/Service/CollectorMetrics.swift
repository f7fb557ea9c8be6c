import Foundation
import Metrics
import Prometheus
import ShowroomCore

/// The service's counters and timers, kept in the application's own Prometheus registry (so tests and
/// several applications in one process never share counts) and exposed at `/metrics`.
package struct CollectorMetrics: Sendable {
    /// The registry the counters are kept in, which `/metrics` writes out.
    package let registry: PrometheusCollectorRegistry
    private let factory: PrometheusMetricsFactory
    let eventsStored: Metrics.Counter
    let downloadsCounted: Metrics.Counter
    let downloadsNotCounted: Metrics.Counter
    let rateLimited: Metrics.Counter
    let leadsStored: Metrics.Counter
    let leadsRepeated: Metrics.Counter
    let leadsSpam: Metrics.Counter
    let connectionsRefused: Metrics.Counter
    /// Every request's counter and timer, made once per route and status: making one validates its name and labels
    /// and looks it up under the registry's lock, which cost more than the rest of an event's handling.
    private let requestSeries = Locked<[RequestSeries: (count: Metrics.Counter, duration: Metrics.Timer)]>([:])

    private struct RequestSeries: Hashable {
        var route: String
        var status: Int
    }

    /// The service's counters in `registry`: a registry of their own by default, so that two applications never mix
    /// counts.
    package init(registry: PrometheusCollectorRegistry = PrometheusCollectorRegistry()) {
        self.registry = registry
        factory = PrometheusMetricsFactory(registry: registry)
        eventsStored = Metrics.Counter(label: "showroom_collector_events_stored_total", factory: factory)
        downloadsCounted = Metrics.Counter(label: "showroom_collector_downloads_counted_total", factory: factory)
        downloadsNotCounted = Metrics.Counter(label: "showroom_collector_downloads_not_counted_total", factory: factory)
        rateLimited = Metrics.Counter(label: "showroom_collector_rate_limited_total", factory: factory)
        leadsStored = Metrics.Counter(label: "showroom_collector_leads_stored_total", factory: factory)
        leadsRepeated = Metrics.Counter(label: "showroom_collector_leads_repeated_total", factory: factory)
        leadsSpam = Metrics.Counter(label: "showroom_collector_leads_spam_total", factory: factory)
        connectionsRefused = Metrics.Counter(label: "showroom_collector_connections_refused_total", factory: factory)
    }

    /// Counts a refused request by its reason (`unknown_site`, `origin`, `too_large`, …).
    func rejected(reason: String) {
        Metrics.Counter(label: "showroom_collector_requests_rejected_total", dimensions: [("reason", reason)], factory: factory).increment()
    }

    /// Counts a connection closed because its client was too slow, by what it was sending (`headers`, `body`).
    func timedOut(phase: String) {
        Metrics.Counter(label: "showroom_collector_connections_timed_out_total", dimensions: [("phase", phase)], factory: factory).increment()
    }

    /// Counts a finished request and records how long it took, by route and status.
    func finished(route: String, status: Int, seconds: Double) {
        let series = requestSeries.withLock { made in
            let key = RequestSeries(route: route, status: status)
            if let series = made[key] { return series }
            let series = (
                count: Metrics.Counter(label: "showroom_collector_requests_total",
                                       dimensions: [("route", route), ("status", String(status))], factory: factory),
                duration: Metrics.Timer(label: "showroom_collector_request_duration_seconds", dimensions: [("route", route)],
                                        factory: factory))
            made[key] = series
            return series
        }
        series.count.increment()
        series.duration.recordNanoseconds(Int64(seconds * 1_000_000_000))
    }

    /// The Prometheus text exposition of every metric.
    package func exposition() -> String {
        registry.emitToString()
    }
}
