import Hummingbird

/// What each request carries through the middleware: the client's address, for rate limiting only
/// (it is never stored or logged), and the body limit for events.
package struct CollectorRequestContext: RequestContext {
    /// Hummingbird's own state of the request: its logger, endpoint path and parameters.
    package var coreContext: CoreRequestContextStorage
    /// The peer's IP address; nil when unknown (in-process tests).
    package let clientAddress: String?

    /// The context of a request on `source`'s connection, with the peer's address read once.
    package init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        clientAddress = source.channel.remoteAddress?.ipAddress
    }

    /// Tracking events are small; anything bigger than this is refused with 413 before it is read.
    package var maxUploadSize: Int { 16 * 1024 }
}
