import Foundation

/// One request of a web server or CDN access log in the combined log format, optionally prefixed with the virtual
/// host (Apache's `vhost_combined`, nginx `$host:$server_port $remote_addr …`):
///
/// ```
/// 203.0.113.9 - - [15/Mar/2026:22:04:11 +0800] "GET /assets/aurora-brochure.3f2a9c1b0d4e.pdf HTTP/1.1" 200 48213 "-" "Mozilla/5.0 …"
/// www.aurora.example:443 203.0.113.9 - - [15/Mar/2026:22:04:11 +0800] "GET /assets/… HTTP/2.0" 206 1024 "-" "Mozilla/5.0 …"
/// ```
package struct AccessLogLine: Sendable, Hashable {
    /// The virtual host without its port, when the line starts with one.
    package var host: String?
    /// The client's address: hashed into the dedupe key, never stored.
    package var client: String
    /// When the request was made, the log's zone applied.
    package var time: Date
    /// The HTTP method: only a `GET` is a download.
    package var method: String
    /// The request target's path, without the query.
    package var path: String
    /// The query without `?`, empty when there is none.
    package var query: String
    /// The response's status: 200, or 206 for a ranged part, is a download.
    package var status: Int
    /// The page the request came from, nil for `-`: what a fleet page loads itself is not a download.
    package var referer: String?
    /// The client's user agent, nil for `-`: bots are not counted.
    package var userAgent: String?

    /// Reads one line; nil when it is not in either format.
    package init?(parsing line: Substring) {
        var scanner = LineScanner(line)
        guard let head = scanner.upTo(" ["), let time = scanner.bracketed().flatMap(Self.parseTime) else { return nil }
        let fields = head.split(separator: " ", omittingEmptySubsequences: true)
        switch fields.count {
        case 3: host = nil
        case 4:
            let vhost = fields[0]
            host = String(vhost.split(separator: ":").first ?? vhost).lowercased()
        default: return nil
        }
        client = String(fields[fields.count - 3])
        self.time = time
        guard let request = scanner.quoted(), let status = scanner.word().flatMap({ Int($0) }), (100...599).contains(status),
              scanner.word() != nil, let referer = scanner.quoted(), let agent = scanner.quoted(), scanner.atEnd
        else { return nil }
        let parts = request.split(separator: " ", omittingEmptySubsequences: true)
        guard parts.count == 3 || parts.count == 2 else { return nil }
        method = String(parts[0])
        var target = parts[1]
        if target.hasPrefix("http://") || target.hasPrefix("https://") {
            let afterScheme = target[target.index(target.range(of: "://")!.upperBound, offsetBy: 0)...]
            target = afterScheme.firstIndex(of: "/").map { afterScheme[$0...] } ?? "/"
        }
        if let mark = target.firstIndex(of: "?") {
            path = String(target[..<mark])
            query = String(target[target.index(after: mark)...])
        } else {
            path = String(target)
            query = ""
        }
        self.status = status
        self.referer = referer == "-" || referer.isEmpty ? nil : referer
        self.userAgent = agent == "-" || agent.isEmpty ? nil : agent
    }

    /// `15/Mar/2026:22:04:11 +0800`.
    static func parseTime(_ text: Substring) -> Date? {
        let parts = text.split(whereSeparator: { "/: ".contains($0) })
        guard parts.count == 7, let day = Int(parts[0]), let month = months[String(parts[1])], let year = Int(parts[2]),
              let hour = Int(parts[3]), let minute = Int(parts[4]), let second = Int(parts[5]) else { return nil }
        let zone = parts[6]
        guard zone.count == 5, let sign = zone.first, sign == "+" || sign == "-", let digits = Int(zone.dropFirst()) else { return nil }
        let offset = (sign == "-" ? -1 : 1) * ((digits / 100) * 3600 + (digits % 100) * 60)
        guard let local = DateComponents(calendar: ReportCalendar.gregorianUTC, year: year, month: month, day: day,
                                         hour: hour, minute: minute, second: second).date
        else { return nil }
        return local.addingTimeInterval(-Double(offset))
    }

    static let months = ["Jan": 1, "Feb": 2, "Mar": 3, "Apr": 4, "May": 5, "Jun": 6, "Jul": 7, "Aug": 8, "Sep": 9, "Oct": 10, "Nov": 11, "Dec": 12]
}

/// Reads the fields of a log line left to right: bare words, `[bracketed]` and `"quoted"` (with `\"` escapes).
private struct LineScanner {
    var rest: Substring

    init(_ line: Substring) {
        rest = line.trimmingSuffix { $0 == "\r" || $0 == "\n" || $0 == " " }
    }

    var atEnd: Bool { rest.allSatisfy { $0 == " " } }

    mutating func skipSpaces() {
        rest = rest.drop(while: { $0 == " " })
    }

    /// The text before `marker`, consuming it but leaving the marker's last character.
    mutating func upTo(_ marker: String) -> Substring? {
        guard let range = rest.range(of: marker) else { return nil }
        let head = rest[..<range.lowerBound]
        rest = rest[rest.index(before: range.upperBound)...]
        return head
    }

    mutating func word() -> Substring? {
        skipSpaces()
        let word = rest.prefix(while: { $0 != " " })
        guard !word.isEmpty else { return nil }
        rest = rest.dropFirst(word.count)
        return word
    }

    mutating func bracketed() -> Substring? {
        skipSpaces()
        guard rest.first == "[", let close = rest.firstIndex(of: "]") else { return nil }
        let inside = rest[rest.index(after: rest.startIndex)..<close]
        rest = rest[rest.index(after: close)...]
        return inside
    }

    mutating func quoted() -> String? {
        skipSpaces()
        guard rest.first == "\"" else { return nil }
        var text = ""
        var index = rest.index(after: rest.startIndex)
        while index < rest.endIndex {
            let character = rest[index]
            if character == "\\" {
                let next = rest.index(after: index)
                guard next < rest.endIndex else { return nil }
                text.append(rest[next])
                index = rest.index(after: next)
            } else if character == "\"" {
                rest = rest[rest.index(after: index)...]
                return text
            } else {
                text.append(character)
                index = rest.index(after: index)
            }
        }
        return nil
    }
}

private extension Substring {
    func trimmingSuffix(while predicate: (Character) -> Bool) -> Substring {
        var end = endIndex
        while end > startIndex, predicate(self[index(before: end)]) { end = index(before: end) }
        return self[startIndex..<end]
    }
}
