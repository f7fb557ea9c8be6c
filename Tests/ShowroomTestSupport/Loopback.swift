import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// HTTP/1.1 to real servers on 127.0.0.1 (the preview server, nginx, chromedriver, the collector): free ports, and
/// one request per connection over a `LoopbackConnection`. Foundation's URLSession on Linux fails on some of these
/// servers' answers ("Failed writing header") and keeps caches and connections; this client keeps nothing.
public enum Loopback {
    /// An answer: its status, its header lines and its body (dechunked).
    public struct Response: Sendable {
        /// The status code (`200`).
        public let status: Int
        /// The header lines as sent, names in lower case, in order.
        public let headers: [(name: String, value: String)]
        /// The body's bytes.
        public let data: Data

        /// The body as UTF-8 text.
        public var body: String { String(decoding: data, as: UTF8.self) }

        /// The value of the first header called `name` (any case); nil when there is none.
        public func header(_ name: String) -> String? {
            headers.first { $0.name == name.lowercased() }?.value
        }
    }

    /// A TCP port on 127.0.0.1 nobody listens on right now (the kernel's choice for port 0). Another process may
    /// take it before the test's server binds it: a server that fails to start is best started again.
    public static func freePort() throws -> Int {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw LoopbackConnection.Failure(description: "no socket for a free port") }
        defer { close(descriptor) }
        var address = loopbackAddress(port: 0)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer -> Int32 in
                guard bind(descriptor, pointer, length) == 0 else { return -1 }
                return getsockname(descriptor, pointer, &length)
            }
        }
        guard bound == 0 else { throw LoopbackConnection.Failure(description: "cannot bind a free port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// Whether something accepts connections on 127.0.0.1:`port` now.
    public static func accepts(port: Int) -> Bool {
        (try? LoopbackConnection(port: port)) != nil
    }

    /// Sends one request to 127.0.0.1:`port` and returns the whole answer: complete by its `Content-Length`, its last
    /// chunk or the server closing the connection. Throws when nothing connects, or no complete answer came
    /// within `timeout`. The exchange runs on a thread of its own, so a loaded test run cannot starve it.
    public static func send(_ method: String, port: Int, path: String, headers: [(String, String)] = [],
                            body: Data? = nil, timeout: Duration = .seconds(30)) async throws -> Response {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(with: Result {
                    try exchange(method, port: port, path: path, headers: headers, body: body, timeout: timeout)
                })
            }
        }
    }

    private static func exchange(_ method: String, port: Int, path: String, headers: [(String, String)], body: Data?,
                                 timeout: Duration) throws -> Response {
        let connection = try LoopbackConnection(port: port)
        let host = headers.first { $0.0.lowercased() == "host" }?.1 ?? "127.0.0.1:\(port)"
        var request = "\(method) \(path) HTTP/1.1\r\nHost: \(host)\r\nConnection: close\r\n"
        for (name, value) in headers where name.lowercased() != "host" { request += "\(name): \(value)\r\n" }
        request += "Content-Length: \(body?.count ?? 0)\r\n\r\n"
        guard connection.write(Array(request.utf8) + (body.map { [UInt8]($0) } ?? [])) else {
            throw LoopbackConnection.Failure(description: "cannot send to 127.0.0.1:\(port)")
        }
        let complete = connection.block(before: timeout) { isComplete($0, to: method) }
        guard complete || connection.isClosedByServer, let response = parse(connection.received) else {
            throw LoopbackConnection.Failure(description: "no complete answer from 127.0.0.1:\(port)\(path)")
        }
        return response
    }

    /// Fetches `url` with a GET from 127.0.0.1 on the URL's port, with the URL's host name in the `Host` header
    /// (`http://aurora.localhost:8080/` reaches the preview as a browser would); nil when nothing answers within
    /// `timeout`.
    public static func get(_ url: String, headers: [(String, String)] = [], timeout: Duration = .seconds(30)) async -> Response? {
        guard let components = URLComponents(string: url), let port = components.port, let host = components.host else { return nil }
        let path = (components.percentEncodedPath.isEmpty ? "/" : components.percentEncodedPath)
            + (components.percentEncodedQuery.map { "?" + $0 } ?? "")
        return try? await send("GET", port: port, path: path, headers: [("Host", "\(host):\(port)")] + headers, timeout: timeout)
    }

    /// Fetches `url` again and again until `condition` holds for the answer or `timeout` passes; returns the last
    /// answer (nil when the last try got none).
    public static func poll(_ url: String, timeout: Duration = .seconds(10),
                            until condition: (Response) -> Bool) async -> Response? {
        let deadline = ContinuousClock.now + timeout
        var last: Response?
        while ContinuousClock.now < deadline {
            last = await get(url, timeout: .seconds(5))
            if let answer = last, condition(answer) { return answer }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return last
    }

    private static func loopbackAddress(port: Int) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return address
    }

    private static let headEnd: [UInt8] = Array("\r\n\r\n".utf8)

    /// Splits a raw answer into status, headers and (dechunked) body; nil before the head is complete.
    private static func parse(_ bytes: [UInt8]) -> Response? {
        guard let split = bytes.firstRange(of: headEnd) else { return nil }
        let lines = String(decoding: bytes[..<split.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
        guard let status = lines.first?.split(separator: " ").dropFirst().first.flatMap({ Int($0) }) else { return nil }
        let headers = lines.dropFirst().compactMap { line -> (name: String, value: String)? in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (line[..<colon].lowercased(), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
        var body = Data(bytes[split.upperBound...])
        if headers.contains(where: { $0.name == "transfer-encoding" && $0.value.lowercased().contains("chunked") }) {
            body = dechunk(body)
        }
        return Response(status: status, headers: headers, data: body)
    }

    /// Whether `bytes` hold a whole answer: a head, and a body as long as its `Content-Length` or ending in the
    /// last chunk. (A server may keep the connection open whatever the request asked.)
    private static func isComplete(_ bytes: [UInt8], to method: String) -> Bool {
        guard let response = parse(bytes), let split = bytes.firstRange(of: headEnd) else { return false }
        if method == "HEAD" || response.status == 204 || response.status == 304 { return true }
        if let length = response.header("content-length").flatMap({ Int($0) }) {
            return bytes.count - split.upperBound >= length
        }
        if response.header("transfer-encoding")?.lowercased().contains("chunked") == true {
            return bytes.suffix(5).elementsEqual("0\r\n\r\n".utf8)
        }
        return false
    }

    private static func dechunk(_ data: Data) -> Data {
        var result = Data()
        var rest = data[...]
        while let line = rest.range(of: Data("\r\n".utf8)),
              let size = Int(String(decoding: rest[..<line.lowerBound], as: UTF8.self).split(separator: ";").first ?? "", radix: 16),
              size > 0 {
            let start = line.upperBound
            result += rest[min(start, rest.endIndex)..<min(start + size, rest.endIndex)]
            rest = rest[min(start + size + 2, rest.endIndex)...]
        }
        return result
    }
}

/// A socket listening on a free loopback port and never answering: a port some other program holds.
public final class LoopbackListener: Sendable {
    /// The port it holds.
    public let port: Int
    private let descriptor: Int32

    /// Listens on a port the system picks; the port is released when the value goes away.
    public init() throws {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw LoopbackConnection.Failure(description: "no socket to listen on") }
        self.descriptor = descriptor
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = UInt32(0x7f00_0001).bigEndian
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer -> Int32 in
                guard bind(descriptor, pointer, length) == 0, listen(descriptor, 4) == 0 else { return -1 }
                return getsockname(descriptor, pointer, &length)
            }
        }
        guard bound == 0 else {
            close(descriptor)
            throw LoopbackConnection.Failure(description: "cannot listen on a free port")
        }
        port = Int(UInt16(bigEndian: address.sin_port))
    }

    deinit { close(descriptor) }
}
