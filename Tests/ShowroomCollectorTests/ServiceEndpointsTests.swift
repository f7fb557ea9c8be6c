import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import ShowroomCollector
@testable import ShowroomStorage

@Suite("Health, metrics and rate limiting")
struct ServiceEndpointsTests {
    @Test func healthzAnswersOKWhenTheStoreAnswers() async throws {
        try await TestCollector.with { _, client in
            let response = try await client.get("/healthz")
            #expect(response.status == .ok)
            #expect(String(buffer: response.body) == "ok\n")
        }
    }

    @Test func metricsCountStoredEventsAndRefusedRequestsInPrometheusFormat() async throws {
        try await TestCollector.with { _, client in
            try await client.postEvents(eventJSON())
            try await client.postEvents(eventJSON(["site": "\"nope\""]))
            let response = try await client.get("/metrics")
            let text = String(buffer: response.body)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType]?.hasPrefix("text/plain") == true)
            #expect(text.contains("showroom_collector_events_stored_total 1"))
            #expect(text.contains(#"showroom_collector_requests_rejected_total{reason="unknown_site"} 1"#))
            #expect(text.contains("# TYPE showroom_collector_request_duration_seconds histogram"))
        }
    }

    @Test func aClientOverItsRateLimitGets429WithRetryAfter() async throws {
        try await TestCollector.with(.live, rateLimitPerMinute: 3) { collector, client in
            for _ in 0..<3 {
                #expect(try await client.postEvents(eventJSON()).status == .noContent)
            }
            let refused = try await client.postEvents(eventJSON())
            #expect(refused.status == .tooManyRequests)
            #expect(refused.headers[.retryAfter] == "60")
            #expect(try await collector.store.totals().events == 3)
        }
    }

    @Test func healthAndMetricsAreNotRateLimited() async throws {
        try await TestCollector.with(.live, rateLimitPerMinute: 1) { _, client in
            for _ in 0..<3 {
                let health = try await client.get("/healthz")
                let metrics = try await client.get("/metrics")
                #expect(health.status == .ok)
                #expect(metrics.status == .ok)
            }
        }
    }

    @Test func eachClientAddressHasItsOwnBucket() {
        let limiter = RateLimiter(perMinute: 2)
        let now = Date()
        #expect(limiter.allow("192.0.2.1", now: now))
        #expect(limiter.allow("192.0.2.1", now: now))
        #expect(!limiter.allow("192.0.2.1", now: now))
        #expect(limiter.allow("192.0.2.2", now: now))
    }

    @Test func anEmptyBucketSaysHowManySecondsUntilItsNextToken() {
        let limiter = RateLimiter(perMinute: 5)
        let now = Date()
        #expect(limiter.secondsUntilAllowed("192.0.2.1", now: now) == 0)
        for _ in 0..<5 { _ = limiter.allow("192.0.2.1", now: now) }
        #expect(limiter.secondsUntilAllowed("192.0.2.1", now: now) == 12)
        #expect(limiter.secondsUntilAllowed("192.0.2.1", now: now.addingTimeInterval(11.5)) == 1)
        #expect(limiter.secondsUntilAllowed("192.0.2.1", now: now.addingTimeInterval(12)) == 0)
    }

    @Test func anEmptyBucketRefillsOverTheMinute() {
        let limiter = RateLimiter(perMinute: 60)
        let now = Date()
        for _ in 0..<60 { _ = limiter.allow("192.0.2.1", now: now) }
        #expect(!limiter.allow("192.0.2.1", now: now))
        #expect(limiter.allow("192.0.2.1", now: now.addingTimeInterval(1.5)))
    }
}
