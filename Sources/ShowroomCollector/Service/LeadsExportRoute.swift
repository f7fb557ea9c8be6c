import Foundation
import Hummingbird
import ShowroomStorage

/// `GET /leads/export?since=…&format=csv|json` (`since` as `showroom leads export --since` takes it) with `Authorization: Bearer <token>`: the leads for the dealers'
/// call lists. Mounted only when the collector was given a token (`--leads-token`, `SHOWROOM_LEADS_TOKEN`).
///
/// A client address that sent `failures.perMinute` missing or wrong tokens within a minute is refused with 429
/// until its bucket refills, whatever token it sends then, so guessing costs time and a guess during the wait
/// teaches nothing. Refusals are logged without the token and without the client's address.
struct LeadsExportRoute: Sendable {
    let store: any Store
    let fleet: Fleet
    let token: String
    let metrics: CollectorMetrics
    /// One token per failed attempt, per client address.
    let failures: RateLimiter

    func export(_ request: Request, context: CollectorRequestContext) async throws -> Response {
        let client = context.clientAddress ?? "unknown"
        let wait = failures.secondsUntilAllowed(client)
        guard wait == 0 else {
            metrics.rateLimited.increment()
            throw HTTPError(.tooManyRequests, headers: [.retryAfter: String(wait)],
                            message: "too many wrong leads tokens from this address; try again in \(wait) s")
        }
        if let problem = problem(with: request.headers[.authorization]) {
            metrics.rejected(reason: "leads_token")
            _ = failures.allow(client)
            context.logger.warning("leads export refused: \(problem)")
            let locked = failures.secondsUntilAllowed(client)
            if locked > 0 {
                context.logger.warning("""
                    leads export locked for a client after \(failures.perMinute) wrong tokens within a minute; \
                    its next attempt is allowed in \(locked) s. If that is a dealer's script, check the token it was given
                    """)
            }
            throw HTTPError(.unauthorized, headers: [.wwwAuthenticate: "Bearer realm=\"showroom-leads\""],
                            message: "the leads export needs the collector's leads token as `Authorization: Bearer <token>`")
        }
        let query = request.uri.queryParameters
        guard let since = LeadsExport.Since(parsing: query["since"].map(String.init) ?? "") else {
            throw HTTPError(.badRequest, message: "give `since` as \(LeadsExport.Since.accepted)")
        }
        guard let format = LeadsExport.Format(rawValue: query["format"].map(String.init) ?? "csv") else {
            throw HTTPError(.badRequest, message: "`format` must be csv or json")
        }
        let leads = try await store.leads(since: since.start(now: Date(), timeZone: fleet.timeZone))
        let text = LeadsExport.render(leads, as: format, presentation: .init(directory: fleet.booking, timeZone: fleet.timeZone))
        var response = Response(status: .ok, body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
        response.headers[.contentType] = format.contentType
        response.headers[.cacheControl] = "no-store"
        return response
    }

    /// What is wrong with the `Authorization` header, in words for the log (never quoting it); nil when it holds the token.
    private func problem(with header: String?) -> String? {
        guard let header else { return "the request has no Authorization header" }
        guard header.hasPrefix("Bearer ") else { return "the Authorization header is not `Bearer <token>`" }
        let given = Array(header.utf8.dropFirst("Bearer ".utf8.count))
        return Self.constantTimeEquals(given, Array(token.utf8)) ? nil : "the token is wrong"
    }

    /// Compares without stopping at the first difference, so the answer time does not reveal how much of a
    /// guessed token was right.
    static func constantTimeEquals(_ given: [UInt8], _ expected: [UInt8]) -> Bool {
        var difference = UInt8(given.count == expected.count ? 0 : 1)
        for index in expected.indices {
            difference |= expected[index] ^ (index < given.count ? given[index] : 0)
        }
        return difference == 0
    }
}
