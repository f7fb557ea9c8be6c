import Foundation
import Hummingbird

/// CORS for the events and bookings endpoints: only pages of the fleet's own sites may send, and pages served
/// from this machine only when the service runs for a preview (`showroom serve`, `--allow-loopback-origins`).
///
/// A request without an allowed `Origin` is refused with 403 before its body is read; browsers send
/// `Origin` on every POST, so only scripts that pretend to be a page are turned away. Every other answer to an
/// allowed page carries the CORS headers, refusals (400, 413, 429, …) included, so its script can read why.
struct OriginPolicy: RouterMiddleware {
    typealias Context = CollectorRequestContext
    let fleet: Fleet
    /// Whether `http(s)://127.0.0.1`, `localhost` and `[::1]` on any port are allowed too.
    let allowsLoopbackOrigins: Bool
    /// Whether `http(s)://` addresses of the local network (10/8, 172.16/12, 192.168/16) are allowed too.
    let allowsLocalNetworkOrigins: Bool
    let metrics: CollectorMetrics
    /// Whether a request without any `Origin` goes on (to `/events`, which then takes only the app's and
    /// mini-programs' events from it): apps are no web page and send none.
    var allowsApps = false

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if allowsApps, request.headers[.origin] == nil, request.method == .post { return try await next(request, context) }
        guard let origin = request.headers[.origin], allows(origin) else {
            metrics.rejected(reason: "origin")
            let onThisMachine = request.headers[.origin].map(Self.isLoopback) ?? false
            throw HTTPError(.forbidden, message: onThisMachine
                ? "pages served from this machine may send events and bookings only to the collector of `showroom serve` or one started with --allow-loopback-origins"
                : "events and bookings are accepted only from the pages of the fleet's own sites")
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

    private func allows(_ origin: String) -> Bool {
        fleet.allows(origin: origin) || (allowsLoopbackOrigins && Self.isLoopback(origin))
            || (allowsLocalNetworkOrigins && Self.isLocalNetwork(origin))
    }

    /// Whether `origin` is a page on this machine: `http(s)://127.0.0.1`, `localhost`, a `*.localhost` name (the
    /// preview's one per site; browsers resolve them to loopback) or `[::1]`, on any port.
    static func isLoopback(_ origin: String) -> Bool {
        guard let host = webHost(origin) else { return false }
        return ["127.0.0.1", "localhost", "[::1]", "::1"].contains(host) || host.hasSuffix(".localhost")
    }

    /// Whether `origin` is a page at a private IPv4 address of the local network.
    static func isLocalNetwork(_ origin: String) -> Bool {
        guard let host = webHost(origin) else { return false }
        let parts = host.split(separator: ".").compactMap { UInt8($0) }
        guard parts.count == 4 else { return false }
        return parts[0] == 10 || (parts[0] == 172 && (16...31).contains(parts[1])) || (parts[0] == 192 && parts[1] == 168)
    }

    /// The lower-case host of an `http(s)` origin.
    private static func webHost(_ origin: String) -> String? {
        guard let components = URLComponents(string: origin), components.scheme == "http" || components.scheme == "https" else {
            return nil
        }
        return components.host?.lowercased()
    }
}
