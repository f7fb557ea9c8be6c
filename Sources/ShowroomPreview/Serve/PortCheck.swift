import Foundation

/// Finds out, before `serve` starts anything, whether the ports it needs can be listened on, and if one is
/// taken, which program holds it: a preview whose collection service silently failed to start left every
/// booking form posting into the void, so a taken port now stops `serve` with a sentence that says what to do.
public enum PortCheck {
    /// A port that cannot be listened on.
    public struct Taken: Error, CustomStringConvertible {
        /// What the port was wanted for ("the preview", "the collection service").
        public var purpose: String
        /// The address the port was wanted on.
        public var host: String
        /// The port that is taken.
        public var port: Int
        /// The program listening there (`hugo (process 4242)`), when this machine says.
        public var holder: String?
        /// What else the user can do, specific to the purpose.
        public var fix: String

        /// The error and its fix, as `serve` prints them.
        public var description: String {
            "error: port \(port) on \(host) is taken\(holder.map { " by \($0)" } ?? " by another program"), "
                + "so \(purpose) cannot start\nfix: \(fix)"
        }
    }

    /// Throws `Taken` unless `port` on `host` can be bound now (the socket is closed again at once).
    package static func require(host: String, port: Int, purpose: String, fix: String) throws {
        guard !canListen(host: host, port: port) else { return }
        throw Taken(purpose: purpose, host: host, port: port, holder: holder(of: port), fix: fix)
    }

    /// Whether a TCP socket can be bound to `host`:`port` (IPv4 addresses and `localhost`; other names count as
    /// free and are left to the server to report).
    static func canListen(host: String, port: Int) -> Bool {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        guard inet_pton(AF_INET, host == "localhost" ? "127.0.0.1" : host, &address.sin_addr) == 1 else { return true }
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { return true }
        defer { close(descriptor) }
        var reuse: Int32 = 1
        setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &reuse, socklen_t(MemoryLayout<Int32>.size))
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
    }

    /// The program listening on `port`, from /proc (Linux): the socket's inode in /proc/net/tcp{,6}, then the
    /// process with a descriptor on that socket. Nil when it cannot be told (another user's process, no /proc).
    static func holder(of port: Int) -> String? {
        let inodes = listeningInodes(port: port)
        guard !inodes.isEmpty, let processes = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else { return nil }
        for pid in processes where pid.allSatisfy(\.isNumber) {
            guard let descriptors = try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/fd") else { continue }
            for descriptor in descriptors {
                guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(pid)/fd/\(descriptor)"),
                      target.hasPrefix("socket:["), inodes.contains(String(target.dropFirst(8).dropLast())) else { continue }
                let name = (try? String(contentsOfFile: "/proc/\(pid)/comm", encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
                return "\(name ?? "a program") (process \(pid))"
            }
        }
        return nil
    }

    /// The inodes of the sockets listening (state 0A) on `port`, from the kernel's socket tables.
    private static func listeningInodes(port: Int) -> Set<String> {
        let hexPort = String(format: ":%04X", port)
        var inodes: Set<String> = []
        for table in ["/proc/net/tcp", "/proc/net/tcp6"] {
            guard let text = try? String(contentsOfFile: table, encoding: .utf8) else { continue }
            for line in text.split(separator: "\n").dropFirst() {
                let fields = line.split(separator: " ")
                guard fields.count > 9, fields[1].hasSuffix(hexPort), fields[3] == "0A" else { continue }
                inodes.insert(String(fields[9]))
            }
        }
        return inodes
    }
}
