import Foundation
import Hummingbird
import Logging

/// Logs one structured line per request and feeds the request metrics.
///
/// It logs the route pattern (`/dl/{asset}`), never the query string: that is where visitor ids travel,
/// and the collector's logs hold no personal data.
struct RequestLogMiddleware: RouterMiddleware {
    typealias Context = CollectorRequestContext
    let metrics: CollectorMetrics

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let started = ContinuousClock.now
        do {
            let response = try await next(request, context)
            finish(request, context, status: response.status.code, started: started)
            return response
        } catch let error as HTTPResponseError {
            finish(request, context, status: error.status.code, started: started)
            throw error
        } catch {
            finish(request, context, status: 500, started: started)
            throw error
        }
    }

    private func finish(_ request: Request, _ context: Context, status: Int, started: ContinuousClock.Instant) {
        let elapsed = started.duration(to: .now)
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let route = context.endpointPath ?? "unmatched"
        metrics.finished(route: route, status: status, seconds: seconds)
        let level: Logger.Level = status >= 500 ? .error : status >= 400 ? .info : .debug
        context.logger.log(level: level, "request", metadata: [
            "method": .string(request.method.rawValue),
            "route": .string(route),
            "status": .stringConvertible(status),
            "ms": .string(String(format: "%.2f", seconds * 1000)),
        ])
    }
}
