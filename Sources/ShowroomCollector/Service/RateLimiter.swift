import Foundation
import ShowroomCore
import Hummingbird

/// A token bucket per client address: each client may make `perMinute` requests a minute, in bursts of up to
/// `perMinute`. Shared by every request; buckets that have refilled are forgotten so memory stays bounded.
package final class RateLimiter: Sendable {
    /// The requests each client may make per minute, and its largest burst.
    package let perMinute: Int
    private let buckets = Locked<[String: Bucket]>([:])
    private static let maxTrackedClients = 50_000

    private struct Bucket {
        var tokens: Double
        var updated: Date
    }

    /// A limiter whose buckets hold `perMinute` tokens and refill in a minute.
    package init(perMinute: Int) {
        self.perMinute = perMinute
    }

    /// Takes one token for `client`; false when its bucket is empty.
    package func allow(_ client: String, now: Date = Date()) -> Bool {
        let capacity = Double(perMinute)
        let refillPerSecond = capacity / 60
        return buckets.withLock { buckets in
            if buckets.count >= Self.maxTrackedClients {
                buckets = buckets.filter { min(capacity, $0.value.tokens + now.timeIntervalSince($0.value.updated) * refillPerSecond) < capacity }
            }
            var bucket = buckets[client] ?? Bucket(tokens: capacity, updated: now)
            bucket.tokens = min(capacity, bucket.tokens + max(0, now.timeIntervalSince(bucket.updated)) * refillPerSecond)
            bucket.updated = now
            guard bucket.tokens >= 1 else {
                buckets[client] = bucket
                return false
            }
            bucket.tokens -= 1
            buckets[client] = bucket
            return true
        }
    }

    /// Whole seconds until `client` has a token again, without taking one; 0 when it has one now.
    package func secondsUntilAllowed(_ client: String, now: Date = Date()) -> Int {
        let capacity = Double(perMinute)
        let refillPerSecond = capacity / 60
        return buckets.withLock { buckets in
            guard let bucket = buckets[client] else { return 0 }
            let tokens = min(capacity, bucket.tokens + max(0, now.timeIntervalSince(bucket.updated)) * refillPerSecond)
            return tokens >= 1 ? 0 : Int(((1 - tokens) / refillPerSecond).rounded(.up))
        }
    }
}

/// Answers 429 to a client that has used up its requests, before anything else is done for it.
struct RateLimitMiddleware: RouterMiddleware {
    typealias Context = CollectorRequestContext
    let limiter: RateLimiter
    let metrics: CollectorMetrics

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard limiter.allow(context.clientAddress ?? "unknown") else {
            metrics.rateLimited.increment()
            throw HTTPError(.tooManyRequests, headers: [.retryAfter: "60"], message: "too many requests from this address; try again in a minute")
        }
        return try await next(request, context)
    }
}
