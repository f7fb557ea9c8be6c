import Foundation
import Hummingbird
import HummingbirdCore
import Logging
import ShowroomStorage

/// Everything the service needs to answer requests, decided before it starts.
package struct CollectorSettings: Sendable {
    /// The address to listen on: loopback unless the service must be reachable from other machines.
    package var host: String
    /// The port to listen on.
    package var port: Int
    /// The build output holding `.showroom/assets.json`.
    package var publicFolder: URL
    /// Requests per minute per client address; 0 turns rate limiting off (load tests).
    package var rateLimitPerMinute: Int
    /// The same visitor fetching the same asset again within this many seconds counts once.
    package var downloadDedupeWindow: TimeInterval
    /// Bookings per minute per client address (a person sends one or two); 0 turns the limit off.
    package var bookingRateLimitPerMinute: Int
    /// The same number booking the same model again within this many seconds is the same lead.
    package var leadDedupeWindow: TimeInterval
    /// The bearer token that unlocks `GET /leads/export`; nil leaves the endpoint out (404).
    package var leadsToken: String?
    /// Missing or wrong leads tokens a client address may send per minute; beyond that every attempt is a 429.
    package var leadsTokenFailuresPerMinute: Int
    /// Whether pages served from this machine (`http://127.0.0.1:<port>`, `localhost`, `[::1]`) may send events and
    /// bookings, with the browser's credentials: on for `showroom serve`'s preview and with `--allow-loopback-origins`,
    /// off otherwise, as any program on a visitor's computer can serve such a page.
    package var allowsLoopbackOrigins: Bool
    /// Whether pages served from the local network (10/8, 172.16/12, 192.168/16) may send too: only for
    /// `showroom serve --bind`, so a phone on the office Wi-Fi can try the booking form of a preview.
    package var allowsLocalNetworkOrigins: Bool = false
    /// How long clients may take to send a request, and how many may be connected at once.
    package var connectionLimits: ConnectionLimits

    /// The service's defaults: port 8090 on loopback, 600 requests and 10 bookings a minute per address, a 10 s window
    /// for downloads and a day for leads; an empty leads token counts as none.
    package init(host: String = "127.0.0.1", port: Int = 8090, publicFolder: URL, rateLimitPerMinute: Int = 600,
                 downloadDedupeWindow: TimeInterval = 10, bookingRateLimitPerMinute: Int = 10,
                 leadDedupeWindow: TimeInterval = 24 * 3600, leadsToken: String? = nil, leadsTokenFailuresPerMinute: Int = 5,
                 allowsLoopbackOrigins: Bool = false, connectionLimits: ConnectionLimits = ConnectionLimits()) {
        self.host = host
        self.port = port
        self.publicFolder = publicFolder
        self.rateLimitPerMinute = rateLimitPerMinute
        self.downloadDedupeWindow = downloadDedupeWindow
        self.bookingRateLimitPerMinute = bookingRateLimitPerMinute
        self.leadDedupeWindow = leadDedupeWindow
        self.leadsToken = leadsToken.flatMap { $0.isEmpty ? nil : $0 }
        self.leadsTokenFailuresPerMinute = max(1, leadsTokenFailuresPerMinute)
        self.allowsLoopbackOrigins = allowsLoopbackOrigins
        self.connectionLimits = connectionLimits
    }
}

extension Collector {
    /// The router with every endpoint and middleware, over an open, migrated store.
    package static func makeRouter(settings: CollectorSettings, fleet: Fleet, store: any Store, metrics: CollectorMetrics) -> Router<CollectorRequestContext> {
        let router = Router(context: CollectorRequestContext.self)
        router.middlewares.add(RequestLogMiddleware(metrics: metrics))

        router.get("healthz", use: HealthRoute(store: store).check)
        router.get("openapi.json") { _, _ in OpenAPIDocument.response() }
        router.get("metrics") { _, _ -> Response in
            var response = Response(status: .ok, body: ResponseBody(byteBuffer: ByteBuffer(string: metrics.exposition())))
            response.headers[.contentType] = "text/plain; version=0.0.4; charset=utf-8"
            return response
        }

        // The origin check comes first on /events and /bookings so that its CORS headers reach every answer to a
        // fleet page, a 429 included; /events and /dl share one bucket per client.
        let requestLimit = settings.rateLimitPerMinute > 0
            ? RateLimitMiddleware(limiter: RateLimiter(perMinute: settings.rateLimitPerMinute), metrics: metrics) : nil
        let eventGroup = router.group("events").add(middleware: OriginPolicy(fleet: fleet, allowsLoopbackOrigins: settings.allowsLoopbackOrigins, allowsLocalNetworkOrigins: settings.allowsLocalNetworkOrigins, metrics: metrics, allowsApps: true))
        if let requestLimit { eventGroup.add(middleware: requestLimit) }
        let events = EventsRoute(store: store, fleet: fleet, metrics: metrics)
        eventGroup
            .post(use: events.receive)
            .on("", method: .options) { _, _ in Response(status: .noContent) }
        let downloadGroup = router.group("dl")
        if let requestLimit { downloadGroup.add(middleware: requestLimit) }
        let downloads = DownloadsRoute(
            store: store, manifest: AssetManifestFile(publicFolder: settings.publicFolder), metrics: metrics,
            dedupeWindow: settings.downloadDedupeWindow)
        downloadGroup.get(":asset", use: downloads.download)

        let bookings = BookingsRoute(store: store, fleet: fleet, metrics: metrics, dedupeWindow: settings.leadDedupeWindow,
                                     publicFolder: settings.publicFolder, allowsLoopbackOrigins: settings.allowsLoopbackOrigins)
        router.get("bookings/thanks", use: bookings.thanks)
        let bookingGroup = router.group("bookings").add(middleware: OriginPolicy(fleet: fleet, allowsLoopbackOrigins: settings.allowsLoopbackOrigins, allowsLocalNetworkOrigins: settings.allowsLocalNetworkOrigins, metrics: metrics))
        if settings.bookingRateLimitPerMinute > 0 {
            bookingGroup.add(middleware: RateLimitMiddleware(
                limiter: RateLimiter(perMinute: settings.bookingRateLimitPerMinute), metrics: metrics))
        }
        bookingGroup
            .post(use: bookings.receive)
            .on("", method: .options) { _, _ in Response(status: .noContent) }

        if let token = settings.leadsToken {
            let failures = RateLimiter(perMinute: settings.leadsTokenFailuresPerMinute)
            router.get("leads/export", use: LeadsExportRoute(store: store, fleet: fleet, token: token, metrics: metrics, failures: failures).export)
        }
        return router
    }

    /// The HTTP application: the router behind the connection limit and the header and body deadlines. It migrates
    /// the store before it listens; the store must be open (and, for PostgreSQL, its pool running: `StoreLocation.withStore`)
    /// until the application has returned, so a graceful shutdown (SIGTERM, SIGINT) lets the requests in flight
    /// finish their writes before the store closes.
    package static func makeApplication(
        settings: CollectorSettings, fleet: Fleet, store: any Store, metrics: CollectorMetrics = CollectorMetrics(),
        logger: Logger = Logger(label: "showroom.collector")
    ) -> some ApplicationProtocol {
        let router = makeRouter(settings: settings, fleet: fleet, store: store, metrics: metrics)
        let limits = settings.connectionLimits
        let connections = OpenConnections(limit: limits.maxConnections)
        // Evaluated once per connection: each gets handlers of its own around the one shared count.
        let channel = HTTP1Channel.Configuration(additionalChannelHandlers: [
            ConnectionLimitHandler(connections: connections, metrics: metrics, logger: logger),
            RequestDeadlineHandler(limits: limits, metrics: metrics, logger: logger),
        ])
        var app = Application(
            router: router,
            server: .http1(configuration: channel),
            configuration: .init(address: .hostname(settings.host, port: settings.port), serverName: "showroom-collector"),
            logger: logger)
        app.beforeServerStarts {
            try await store.migrate()
        }
        return app
    }
}
