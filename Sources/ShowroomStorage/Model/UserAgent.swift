extension UserAgentClass {
    /// Lower-cased fragments of the user agents of crawlers, link previewers, monitors and scripted clients.
    static let botMarkers = [
        "bot", "crawl", "spider", "slurp", "curl/", "wget", "python-", "httpclient", "okhttp", "go-http-client",
        "java/", "libwww", "headless", "lighthouse", "facebookexternalhit", "preview", "monitor", "pingdom",
        "uptime", "scrapy", "axios", "node-fetch", "phantomjs", "archiver", "feedfetcher", "mediapartners",
    ].map { Array($0.utf8) }

    /// Classifies a `User-Agent` header coarsely; a missing one counts as a bot (browsers always send one).
    ///
    /// Every download asks this, so it compares bytes: the markers are ASCII, and Foundation's `contains` on a
    /// `String` (through `CFString` on Linux) was a fifth of the service's CPU under a load of downloads.
    public init(userAgent: String?) {
        guard let userAgent, !userAgent.isEmpty else {
            self = .bot
            return
        }
        let agent = userAgent.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        func has(_ marker: String) -> Bool { Self.find(Array(marker.utf8), in: agent) }
        if Self.botMarkers.contains(where: { Self.find($0, in: agent) }) {
            self = .bot
        } else if has("ipad") || has("tablet") || (has("android") && !has("mobile")) {
            self = .tablet
        } else if has("mobi") || has("iphone") || has("android") {
            self = .mobile
        } else if has("mozilla/") {
            self = .desktop
        } else {
            self = .other
        }
    }

    /// Whether `needle`'s bytes occur in `haystack`.
    private static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Bool {
        guard needle.count <= haystack.count, let first = needle.first else { return needle.isEmpty }
        var start = 0
        let last = haystack.count - needle.count
        while start <= last {
            if haystack[start] == first {
                var matched = 1
                while matched < needle.count, haystack[start + matched] == needle[matched] { matched += 1 }
                if matched == needle.count { return true }
            }
            start += 1
        }
        return false
    }
}
