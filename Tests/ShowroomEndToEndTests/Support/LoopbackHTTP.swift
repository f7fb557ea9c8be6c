import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// HTTP/1.1 over a plain loopback socket, for talking to chromedriver: Foundation's URLSession on Linux fails
/// on chromedriver's answers ("Failed writing header"), and one request per connection is all WebDriver needs.
enum LoopbackHTTP {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Sends one request to `127.0.0.1:port` and returns the status and body of the answer.
    static func send(_ method: String, port: Int, path: String, body: Data? = nil) async throws -> (status: Int, body: Data) {
        try await Task.detached { try exchange(method, port: port, path: path, body: body) }.value
    }

    private static func exchange(_ method: String, port: Int, path: String, body: Data?) throws -> (status: Int, body: Data) {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw Failure(description: "no socket") }
        defer { close(descriptor) }
        var timeout = timeval(tv_sec: 120, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw Failure(description: "cannot connect to 127.0.0.1:\(port)") }

        var request = Data("\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n".utf8)
        if let body {
            request += Data("Content-Type: application/json\r\nContent-Length: \(body.count)\r\n\r\n".utf8) + body
        } else {
            request += Data("Content-Length: 0\r\n\r\n".utf8)
        }
        try request.withUnsafeBytes { buffer in
            var sent = 0
            while sent < buffer.count {
                let written = Glibc.send(descriptor, buffer.baseAddress! + sent, buffer.count - sent, Int32(MSG_NOSIGNAL))
                guard written > 0 else { throw Failure(description: "cannot send to 127.0.0.1:\(port)") }
                sent += written
            }
        }

        // Read until the answer is complete by its Content-Length (or its last chunk): chromedriver keeps the
        // connection open whatever the request says.
        var answer = Data()
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while !isComplete(answer) {
            let count = recv(descriptor, &chunk, chunk.count, 0)
            if count < 0 { throw Failure(description: "no answer from 127.0.0.1:\(port)") }
            if count == 0 { break }
            answer.append(contentsOf: chunk[0..<count])
        }
        guard let split = answer.range(of: Data("\r\n\r\n".utf8)) else { throw Failure(description: "a malformed answer") }
        let head = String(decoding: answer[..<split.lowerBound], as: UTF8.self)
        let status = Int(head.split(separator: " ").dropFirst().first ?? "") ?? 0
        var content = Data(answer[split.upperBound...])
        if head.lowercased().contains("transfer-encoding: chunked") { content = dechunk(content) }
        return (status, content)
    }

    private static func isComplete(_ answer: Data) -> Bool {
        guard let split = answer.range(of: Data("\r\n\r\n".utf8)) else { return false }
        let head = String(decoding: answer[..<split.lowerBound], as: UTF8.self).lowercased()
        let received = answer.distance(from: split.upperBound, to: answer.endIndex)
        if let line = head.split(separator: "\r\n").first(where: { $0.hasPrefix("content-length:") }),
           let length = Int(line.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) {
            return received >= length
        }
        if head.contains("transfer-encoding: chunked") {
            return answer.suffix(5) == Data("0\r\n\r\n".utf8)
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
            result += rest[start..<min(start + size, rest.endIndex)]
            rest = rest[min(start + size + 2, rest.endIndex)...]
        }
        return result
    }
}
