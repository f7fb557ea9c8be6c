extension UserAgentClass {
    /// Lower-cased fragments of the user agents of crawlers, link previewers, monitors and scripted clients.
    static let botMarkers = [
        "bot", "crawl", "spider", "slurp", "curl/", "wget", "python-", "httpclient", "okhttp", "go-http-client",
        "java/", "libwww", "headless", "lighthouse", "facebookexternalhit", "preview", "monitor", "pingdom",
        "uptime", "scrapy", "axios", "node-fetch", "phantomjs", "archiver", "feedfetcher", "mediapartners",
    ]

    /// Classifies a `User-Agent` header coarsely; a missing one counts as a bot (browsers always send one).
    public init(userAgent: String?) {
        guard let agent = userAgent?.lowercased(), !agent.isEmpty else {
            self = .bot
            return
        }
        if Self.botMarkers.contains(where: agent.contains) {
            self = .bot
        } else if agent.contains("ipad") || agent.contains("tablet") || (agent.contains("android") && !agent.contains("mobile")) {
            self = .tablet
        } else if agent.contains("mobi") || agent.contains("iphone") || agent.contains("android") {
            self = .mobile
        } else if agent.contains("mozilla/") {
            self = .desktop
        } else {
            self = .other
        }
    }
}
