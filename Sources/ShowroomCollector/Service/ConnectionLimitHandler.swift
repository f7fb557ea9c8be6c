import ShowroomCore
import HTTPTypes
import Logging
import NIOCore
import NIOHTTPTypes

/// The count of the service's open connections, shared by every connection's `ConnectionLimitHandler`.
final class OpenConnections: Sendable {
    let limit: Int
    private let state = Locked(State())
    /// At most one warning about refused connections in this time, so a flood cannot flood the log too.
    private static let warningInterval = Duration.seconds(10)

    private struct State {
        var open = 0
        var lastWarning: ContinuousClock.Instant?
    }

    /// The answer to a new connection.
    enum Admission: Equatable {
        case admitted
        /// Refused; `warn` when no warning was logged for `warningInterval`.
        case refused(warn: Bool)
    }

    init(limit: Int) {
        self.limit = limit
    }

    /// Counts a new connection, unless `limit` connections are open already.
    func admit() -> Admission {
        state.withLock { state in
            guard state.open >= limit else {
                state.open += 1
                return .admitted
            }
            let now = ContinuousClock.now
            guard state.lastWarning.map({ $0.duration(to: now) >= Self.warningInterval }) ?? true else { return .refused(warn: false) }
            state.lastWarning = now
            return .refused(warn: true)
        }
    }

    /// Forgets a connection that `admit` counted and that has now closed.
    func closed() {
        state.withLock { $0.open -= 1 }
    }
}

/// Answers a connection beyond the limit with `503` and closes it at once, before it is read, so that a flood of
/// connections cannot take more of the service than `--max-connections` of them.
final class ConnectionLimitHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundOut = HTTPResponsePart

    private let connections: OpenConnections
    private let metrics: CollectorMetrics
    private let logger: Logger
    private var admission: OpenConnections.Admission?

    init(connections: OpenConnections, metrics: CollectorMetrics, logger: Logger) {
        self.connections = connections
        self.metrics = metrics
        self.logger = logger
    }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { admit(context) }
    }

    func channelActive(context: ChannelHandlerContext) {
        admit(context)
        if admission == .admitted { context.fireChannelActive() }
    }

    func channelInactive(context: ChannelHandlerContext) {
        if admission == .admitted { connections.closed() }
        admission = nil
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard admission == .admitted else { return }
        context.fireChannelRead(data)
    }

    private func admit(_ context: ChannelHandlerContext) {
        guard admission == nil else { return }
        let admission = connections.admit()
        self.admission = admission
        guard case .refused(let warn) = admission else { return }
        metrics.connectionsRefused.increment()
        if warn {
            logger.warning("""
                refusing new connections: \(connections.limit) are open, the limit (--max-connections). Raise it if these \
                are visitors, or look for a client holding connections open; showroom_collector_connections_refused_total \
                counts the refused ones
                """)
        }
        let body = ByteBuffer(string: "the collection service has too many connections open; try again in a moment\n")
        let head = HTTPResponse(status: .serviceUnavailable, headerFields: [
            .connection: "close", .retryAfter: "1", .contentType: "text/plain; charset=utf-8",
            .contentLength: String(body.readableBytes),
        ])
        context.write(wrapOutboundOut(.head(head)), promise: nil)
        context.write(wrapOutboundOut(.body(body)), promise: nil)
        context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
        context.close(promise: nil)
    }
}
