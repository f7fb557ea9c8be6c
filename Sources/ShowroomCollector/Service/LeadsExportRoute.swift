import Foundation
import Hummingbird

/// `GET /leads/export?since=…&format=csv|json` with `Authorization: Bearer <token>`: the leads for the dealers'
/// call lists. Mounted only when the collector was given a token (`--leads-token`, `SHOWROOM_LEADS_TOKEN`).
struct LeadsExportRoute: Sendable {
    let store: any Store
    let token: String
    let metrics: CollectorMetrics

    func export(_ request: Request, context: CollectorRequestContext) async throws -> Response {
        guard let header = request.headers[.authorization], header.hasPrefix("Bearer "),
              Self.constantTimeEquals(Array(header.utf8.dropFirst("Bearer ".utf8.count)), Array(token.utf8))
        else {
            metrics.rejected(reason: "leads_token")
            throw HTTPError(.unauthorized, headers: [.wwwAuthenticate: "Bearer realm=\"showroom-leads\""],
                            message: "the leads export needs the collector's leads token as `Authorization: Bearer <token>`")
        }
        let query = request.uri.queryParameters
        guard let sinceText = query["since"].map(String.init), let since = LeadsExport.parseSince(sinceText) else {
            throw HTTPError(.badRequest, message: "give `since` as a day (2026-03-15) or an ISO 8601 time (2026-03-15T08:00:00+08:00)")
        }
        guard let format = LeadsExport.Format(rawValue: query["format"].map(String.init) ?? "csv") else {
            throw HTTPError(.badRequest, message: "`format` must be csv or json")
        }
        let text = LeadsExport.render(try await store.leads(since: since), as: format)
        var response = Response(status: .ok, body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
        response.headers[.contentType] = format.contentType
        response.headers[.cacheControl] = "no-store"
        return response
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
