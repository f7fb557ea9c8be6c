import Foundation

/// Helpers for tests that talk to a real HTTP server on 127.0.0.1.
enum Loopback {
    /// A TCP port nobody listens on right now (the kernel's choice for port 0).
    static func freePort() throws -> Int {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw CocoaError(.fileReadUnknown) }
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer -> Int32 in
                guard bind(socket, pointer, length) == 0 else { return -1 }
                return getsockname(socket, pointer, &length)
            }
        }
        guard bound == 0 else { throw CocoaError(.fileReadUnknown) }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// Whether something accepts connections on `port` now.
    static func accepts(port: Int) -> Bool {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { return false }
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        } == 0
    }

    /// Fetches `http://127.0.0.1:<port>/<path>` with a plain HTTP/1.0 request; nil when nothing answers within
    /// `timeout`. (A raw socket on its own thread: no caches, no redirects, never blocks the test's executor.)
    static func get(_ url: String, timeout: Int = 30) async -> (status: Int, body: String)? {
        guard let components = URLComponents(string: url), let port = components.port else { return nil }
        let path = components.percentEncodedPath.isEmpty ? "/" : components.percentEncodedPath
            + (components.percentEncodedQuery.map { "?" + $0 } ?? "")
        return await withCheckedContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(returning: fetch(port: port, path: path, timeout: timeout))
            }
        }
    }

    private static func fetch(port: Int, path: String, timeout: Int) -> (status: Int, body: String)? {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { return nil }
        defer { close(socket) }
        var limit = timeval(tv_sec: timeout, tv_usec: 0)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { return nil }
        let request = Array("GET \(path) HTTP/1.0\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n\r\n".utf8)
        guard send(socket, request, request.count, 0) == request.count else { return nil }
        var response: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = recv(socket, &buffer, buffer.count, 0)
            if count < 0 { return nil }
            if count == 0 { break }
            response += buffer[0..<count]
        }
        let text = String(decoding: response, as: UTF8.self)
        guard let headerEnd = text.range(of: "\r\n\r\n"),
              let status = text.split(separator: " ", maxSplits: 2).dropFirst().first.flatMap({ Int($0) }) else { return nil }
        return (status, String(text[headerEnd.upperBound...]))
    }

    /// Polls `url` until `condition` holds or `timeout` passes; returns the last answer.
    static func poll(_ url: String, timeout: Duration = .seconds(10),
                     until condition: ((status: Int, body: String)) -> Bool) async -> (status: Int, body: String)? {
        let deadline = ContinuousClock.now + timeout
        var last: (status: Int, body: String)?
        while ContinuousClock.now < deadline {
            last = await get(url, timeout: 5)
            if let answer = last, condition(answer) { return answer }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return last
    }
}
