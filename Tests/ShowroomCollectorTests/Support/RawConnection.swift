import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A plain TCP connection to the collector on loopback, written as slowly as a test likes: the client that trickles
/// its request a byte at a time, or opens a connection and says nothing.
///
/// Its socket is non-blocking and every wait is a `Task.sleep`, so a test that waits seconds for the server does not
/// hold one of the few threads the other tests run on.
final class RawConnection: @unchecked Sendable {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    private let descriptor: Int32
    private let opened = ContinuousClock.now
    /// Everything the server has sent so far.
    private(set) var received: [UInt8] = []
    /// Whether the server has closed its end (end of stream or a reset).
    private(set) var isClosedByServer = false

    /// Connects to `localhost:port`, trying each address `localhost` resolves to (the test server binds one of them).
    init(port: Int) throws {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var list: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo("localhost", String(port), &hints, &list) == 0, let first = list else {
            throw Failure(description: "cannot resolve localhost")
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
        throw Failure(description: "cannot connect to localhost:\(port)")
    }

    deinit {
        close(descriptor)
    }

    /// How long ago the connection was opened.
    var age: Duration { opened.duration(to: .now) }

    /// What the server sent, as text.
    var receivedText: String { String(decoding: received, as: UTF8.self) }

    /// Sends `text` at once; false when the server has already closed the connection.
    @discardableResult
    func write(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes { send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard count > 0 else { return false }
            sent += count
        }
        return true
    }

    /// Sends `text` one byte every `interval` until it is all sent or the server closes the connection; returns
    /// whether the server closed it.
    func trickle(_ text: String, every interval: Duration) async throws -> Bool {
        for byte in text.utf8 {
            readAvailable()
            if isClosedByServer || !write(String(decoding: [byte], as: UTF8.self)) { return true }
            try await Task.sleep(for: interval)
        }
        readAvailable()
        return isClosedByServer
    }

    /// Reads until the server closes the connection or `limit` has passed since it was opened; returns whether
    /// the server closed it.
    func waitForClose(before limit: Duration) async throws -> Bool {
        while age < limit {
            readAvailable()
            if isClosedByServer { return true }
            try await Task.sleep(for: .milliseconds(20))
        }
        // A last look: in a loaded parallel run this task may wake only after the limit, with the close long there.
        readAvailable()
        return isClosedByServer
    }

    /// Reads until the server has sent `marker` (or closed, or `limit` has passed); returns whether it arrived.
    func waitFor(_ marker: String, before limit: Duration) async throws -> Bool {
        while age < limit {
            readAvailable()
            if receivedText.contains(marker) { return true }
            if isClosedByServer { return false }
            try await Task.sleep(for: .milliseconds(20))
        }
        readAvailable()
        return receivedText.contains(marker)
    }

    /// Takes whatever the server has sent without waiting, and notes an end of stream or a reset.
    private func readAvailable() {
        var buffer = [UInt8](repeating: 0, count: 4096)
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
