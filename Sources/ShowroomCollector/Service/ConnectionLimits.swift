/// How long a client may take to send a request and how many may be connected at once: what keeps slow or
/// idle clients from tying up the service's connections (`--header-timeout`, `--body-timeout`, `--max-connections`).
public struct ConnectionLimits: Sendable, Equatable {
    /// How long a client has to send a request's line and headers, counted from when its connection opened or
    /// its previous answer went out. An idle keep-alive connection is closed after this too.
    public var headerTimeout: Duration
    /// How long a client has to send a request's body, counted from the end of its headers.
    public var bodyTimeout: Duration
    /// Connections open at once; one more is answered `503` and closed at once.
    public var maxConnections: Int

    /// Headers in 5 s, a body in 10 s (events and bookings are at most 16 KB), 512 connections: under the
    /// 1,024 open files a process gets by default, with room for the store's files.
    public init(headerTimeout: Duration = .seconds(5), bodyTimeout: Duration = .seconds(10), maxConnections: Int = 512) {
        self.headerTimeout = headerTimeout
        self.bodyTimeout = bodyTimeout
        self.maxConnections = maxConnections
    }
}
