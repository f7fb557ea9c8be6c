import Foundation
import Metrics
import Prometheus

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
        let dimensions = [("route", route), ("status", String(status))]
        Metrics.Counter(label: "showroom_collector_requests_total", dimensions: dimensions, factory: factory).increment()
        Metrics.Timer(label: "showroom_collector_request_duration_seconds", dimensions: [("route", route)], factory: factory)
            .recordNanoseconds(Int64(seconds * 1_000_000_000))
    }

    /// The Prometheus text exposition of every metric.
    package func exposition() -> String {
        registry.emitToString()
    }
}
