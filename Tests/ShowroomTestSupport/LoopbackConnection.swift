import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A plain TCP connection to a server on loopback, written and read as a test likes: a whole request at once, a
/// request trickled a byte at a time, or a connection opened that says nothing.
///
/// Its socket is non-blocking and every wait is a `Task.sleep`, so a test that waits seconds for the server does not
/// hold one of the few threads the other tests run on. One task uses a connection at a time.
public final class LoopbackConnection: @unchecked Sendable {
    /// Why a connection could not be made or used.
    public struct Failure: Error, CustomStringConvertible {
        /// What went wrong, with the address.
        public let description: String
    }

    private let descriptor: Int32
    private let opened = ContinuousClock.now
    /// Everything the server has sent so far.
    public private(set) var received: [UInt8] = []
    /// Whether the server has closed its end (end of stream or a reset).
    public private(set) var isClosedByServer = false

    /// Connects to `host:port`, trying each address `host` resolves to (a server bound to `localhost` listens on
    /// one of them); throws when none accepts.
    public init(host: String = "127.0.0.1", port: Int) throws {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var list: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, String(port), &hints, &list) == 0, let first = list else {
            throw Failure(description: "cannot resolve \(host)")
        }
        defer { freeaddrinfo(list) }
        var candidate: UnsafeMutablePointer<addrinfo>? = first
        while let address = candidate {
            let fd = socket(address.pointee.ai_family, address.pointee.ai_socktype, address.pointee.ai_protocol)
            if fd >= 0, connect(fd, address.pointee.ai_addr, address.pointee.ai_addrlen) == 0 {
                _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
                descriptor = fd
                return
            }
            if fd >= 0 { close(fd) }
            candidate = address.pointee.ai_next
        }
        throw Failure(description: "cannot connect to \(host):\(port)")
    }

    deinit {
        close(descriptor)
    }

    /// How long ago the connection was opened.
    public var age: Duration { opened.duration(to: .now) }

    /// What the server sent, as text.
    public var receivedText: String { String(decoding: received, as: UTF8.self) }

    /// Sends `bytes` at once; false when the server has closed the connection, or has read none of them for five
    /// seconds while the kernel's send buffer was full.
    @discardableResult
    public func write(_ bytes: [UInt8]) -> Bool {
        var sent = 0
        var stalledSince: ContinuousClock.Instant?
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes { send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if count < 0, errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR {
                let since = stalledSince ?? .now
                guard since.duration(to: .now) < .seconds(5) else { return false }
                stalledSince = since
                usleep(1_000)
                continue
            }
            guard count > 0 else { return false }
            sent += count
            stalledSince = nil
        }
        return true
    }

    /// Sends `text` at once; false when the server has already closed the connection.
    @discardableResult
    public func write(_ text: String) -> Bool {
        write(Array(text.utf8))
    }

    /// Sends `text` one byte every `interval` until it is all sent or the server closes the connection; returns
    /// whether the server closed it.
    public func trickle(_ text: String, every interval: Duration) async throws -> Bool {
        for byte in text.utf8 {
            readAvailable()
            if isClosedByServer || !write([byte]) { return true }
            try await Task.sleep(for: interval)
        }
        readAvailable()
        return isClosedByServer
    }

    /// Reads until the server closes the connection or `limit` has passed since it was opened; returns whether
    /// the server closed it.
    public func waitForClose(before limit: Duration) async throws -> Bool {
        _ = try await wait(before: limit) { _ in false }
        return isClosedByServer
    }

    /// Reads until the server has sent `marker` (or closed, or `limit` has passed); returns whether it arrived.
    public func waitFor(_ marker: String, before limit: Duration) async throws -> Bool {
        try await wait(before: limit) { _ in receivedText.contains(marker) }
    }

    /// Reads until `condition` holds for what the server has sent, the server closes the connection or `limit` has
    /// passed since it was opened; returns whether `condition` held.
    public func wait(before limit: Duration, until condition: ([UInt8]) -> Bool) async throws -> Bool {
        while age < limit {
            readAvailable()
            if condition(received) { return true }
            if isClosedByServer { return false }
            try await Task.sleep(for: .milliseconds(5))
        }
        // A last look: in a loaded parallel run this task may wake only after the limit, with the answer long there.
        readAvailable()
        return condition(received)
    }

    /// Like `wait(before:until:)`, but blocks the calling thread in poll(2) between reads. For a thread of its own
    /// only (`Loopback.send` runs on one): a wait that needs no task cannot be starved by tests that keep the
    /// cooperative threads busy.
    func block(before limit: Duration, until condition: ([UInt8]) -> Bool) -> Bool {
        while age < limit {
            readAvailable()
            if condition(received) { return true }
            if isClosedByServer { return false }
            var readable = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            let milliseconds = (limit - age) / .milliseconds(1)
            _ = poll(&readable, 1, Int32(max(1, min(milliseconds, 1_000))))
        }
        return false
    }

    /// Takes whatever the server has sent without waiting, and notes an end of stream or a reset.
    private func readAvailable() {
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if count > 0 {
                received += buffer[..<count]
            } else if count == 0 || (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) {
                isClosedByServer = true
                return
            } else {
                return
            }
        }
    }
}
