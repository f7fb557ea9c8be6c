import Hummingbird

/// CORS for the events endpoint: only pages of the fleet's own sites (and loopback previews) may send events.
///
/// A request without an allowed `Origin` is refused with 403 before its body is read; browsers send
/// `Origin` on every POST, so only scripts that pretend to be a page are turned away.
struct OriginPolicy: RouterMiddleware {
    typealias Context = CollectorRequestContext
    let fleet: Fleet
    let metrics: CollectorMetrics

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let origin = request.headers[.origin], fleet.allows(origin: origin) else {
            metrics.rejected(reason: "origin")
            throw HTTPError(.forbidden, message: "events and bookings are accepted only from the pages of the fleet's own sites")
        }
        var response: Response
        if request.method == .options {
            response = Response(status: .noContent)
            response.headers[.accessControlAllowMethods] = "POST, OPTIONS"
            response.headers[.accessControlAllowHeaders] = "Content-Type"
            response.headers[.accessControlMaxAge] = "86400"
        } else {
            response = try await next(request, context)
        }
        response.headers[.accessControlAllowOrigin] = origin
        response.headers[.accessControlAllowCredentials] = "true"
        response.headers[.vary] = "Origin"
        return response
    }
}
