import Hummingbird

/// What each request carries through the middleware: the client's address, for rate limiting only
/// (it is never stored or logged), and the body limit for events.
public struct CollectorRequestContext: RequestContext {
    /// Hummingbird's own state of the request: its logger, endpoint path and parameters.
    public var coreContext: CoreRequestContextStorage
    /// The peer's IP address; nil when unknown (in-process tests).
    public let clientAddress: String?

    /// The context of a request on `source`'s connection, with the peer's address read once.
    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        clientAddress = source.channel.remoteAddress?.ipAddress
    }

    /// Tracking events are small; anything bigger than this is refused with 413 before it is read.
    public var maxUploadSize: Int { 16 * 1024 }
}
