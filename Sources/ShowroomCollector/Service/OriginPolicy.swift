import Hummingbird

/// CORS for the events and bookings endpoints: only pages of the fleet's own sites (and loopback previews) may send.
///
/// A request without an allowed `Origin` is refused with 403 before its body is read; browsers send
/// `Origin` on every POST, so only scripts that pretend to be a page are turned away. Every other answer to an
/// allowed page carries the CORS headers, refusals (400, 413, 429, …) included, so its script can read why.
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
        do {
            response = try await next(request, context)
        } catch let error as any HTTPResponseError {
            response = try error.response(from: request, context: context)
        }
        if request.method == .options {
            response.headers[.accessControlAllowMethods] = "POST, OPTIONS"
            response.headers[.accessControlAllowHeaders] = "Content-Type"
            response.headers[.accessControlMaxAge] = "86400"
        }
        response.headers[.accessControlAllowOrigin] = origin
        response.headers[.accessControlAllowCredentials] = "true"
        response.headers[.vary] = "Origin"
        return response
    }
}
