import HTTPTypes
import Logging
import NIOCore
import NIOHTTPTypes

/// Closes the connection of a client that takes too long to send its request, so that slow or idle clients
/// cannot hold the service's connections: the headers must arrive within `headerTimeout` of the connection
/// opening (or of the previous answer), and the body within `bodyTimeout` of the headers.
///
/// Both are deadlines, not idle timers: a client that sends a byte a second does not push them back. A client cut
/// off in the middle of its body is answered `408` first; one cut off before or between requests is simply closed,
/// as a browser may be sending its next request on a kept-alive connection at that very moment.
/// Nothing runs while a request is being answered: a slow store is not the client's fault.
///
/// One alarm per connection serves every deadline: moving a deadline only records it, and the alarm, when it goes
/// off early, sets itself again for the deadline then due. Scheduling and cancelling a timer for each request's
/// headers and body cost more than a small event's own handling.
final class RequestDeadlineHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    private enum Wait {
        case headers, body
    }

    private let limits: ConnectionLimits
    private let metrics: CollectorMetrics
    private let logger: Logger
    /// What the client is being waited for, and by when; nil while nothing is (a request being answered).
    private var waiting: (part: Wait, due: NIODeadline)?
    /// The connection's one alarm, and when it goes off.
    private var alarm: (task: Scheduled<Void>, at: NIODeadline)?
    /// Requests whose headers have arrived and whose answer has not been written to its end.
    private var unanswered = 0
    private var isReadingBody = false
    private var isAnswering = false

    init(limits: ConnectionLimits, metrics: CollectorMetrics, logger: Logger) {
        self.limits = limits
        self.metrics = metrics
        self.logger = logger
    }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { wait(for: .headers, context) }
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        silenceAlarm()
    }

    func channelActive(context: ChannelHandlerContext) {
        wait(for: .headers, context)
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        silenceAlarm()
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head:
            unanswered += 1
            isReadingBody = true
            wait(for: .body, context)
        case .body:
            break
        case .end:
            isReadingBody = false
            stopWaiting()
            // Answered before its body was read (a refused origin): the next request's headers are due.
            if unanswered == 0 { wait(for: .headers, context) }
        }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        switch unwrapOutboundIn(data) {
        case .head:
            isAnswering = true
        case .body:
            break
        case .end:
            unanswered -= 1
            isAnswering = false
            // The next request's headers are due once the answer has gone out, not when it was handed over: a
            // large answer (the leads export) to a slow reader must not be cut off while it is still being sent.
            let sent = context.eventLoop.makePromise(of: Void.self)
            if let promise { sent.futureResult.cascade(to: promise) }
            sent.futureResult.assumeIsolated().whenSuccess { [self] in
                if unanswered == 0, !isReadingBody, !isAnswering { wait(for: .headers, context) }
            }
            context.write(data, promise: sent)
            return
        }
        context.write(data, promise: promise)
    }

    private func wait(for part: Wait, _ context: ChannelHandlerContext) {
        let due = NIODeadline.now() + TimeAmount(part == .headers ? limits.headerTimeout : limits.bodyTimeout)
        waiting = (part, due)
        if let alarm, alarm.at <= due { return }
        setAlarm(at: due, context)
    }

    private func stopWaiting() {
        waiting = nil
    }

    private func setAlarm(at time: NIODeadline, _ context: ChannelHandlerContext) {
        alarm?.task.cancel()
        let task = context.eventLoop.assumeIsolated().scheduleTask(deadline: time) {
            self.alarm = nil
            self.alarmWentOff(context)
        }
        alarm = (task, time)
    }

    private func silenceAlarm() {
        waiting = nil
        alarm?.task.cancel()
        alarm = nil
    }

    /// Cuts the client off if what it was waited for is overdue; sets the alarm again if the deadline has moved on.
    private func alarmWentOff(_ context: ChannelHandlerContext) {
        guard let waiting else { return }
        if NIODeadline.now() < waiting.due { return setAlarm(at: waiting.due, context) }
        self.waiting = nil
        cutOff(waitingFor: waiting.part, context)
    }

    private func cutOff(waitingFor part: Wait, _ context: ChannelHandlerContext) {
        switch part {
        case .headers:
            metrics.timedOut(phase: "headers")
            logger.debug("closed a connection whose client sent no complete request headers within \(limits.headerTimeout) (--header-timeout)")
        case .body:
            metrics.timedOut(phase: "body")
            logger.debug("closed a connection whose client did not finish sending its request body within \(limits.bodyTimeout) (--body-timeout)")
            if unanswered == 1, !isAnswering { answerRequestTimeout(context) }
        }
        context.close(promise: nil)
    }

    private func answerRequestTimeout(_ context: ChannelHandlerContext) {
        let body = ByteBuffer(string: "the request body did not arrive within \(limits.bodyTimeout); send it again\n")
        let head = HTTPResponse(status: .requestTimeout, headerFields: [
            .connection: "close", .contentType: "text/plain; charset=utf-8", .contentLength: String(body.readableBytes),
        ])
        context.write(wrapOutboundOut(.head(head)), promise: nil)
        context.write(wrapOutboundOut(.body(body)), promise: nil)
        context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
    }
}
