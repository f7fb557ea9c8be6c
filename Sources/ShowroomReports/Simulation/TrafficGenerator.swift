import Foundation
import ShowroomStorage

/// Invents one site's day of visits from a seed: events, counted downloads and access-log lines.
struct TrafficGenerator {
    /// One day of one site.
    struct Day {
        var events: [TrackedEvent] = []
        var downloads: [Download] = []
        var logLines: [String] = []
    }

    private var random: SplitMix64
    let calendar: ReportCalendar

    init(seed: UInt64, calendar: ReportCalendar) {
        random = SplitMix64(seed: seed)
        self.calendar = calendar
    }

    static let browsers = [
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1",
        "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Mobile Safari/537.36",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36",
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_4) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15",
        "Mozilla/5.0 (iPad; CPU OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1",
    ]
    static let bots = ["Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)", "curl/8.5.0",
                       "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)"]
    static let chatReferers = ["-", "-", "https://t.co/x", "https://mail.example.net/", "https://forum.example.org/thread/42"]

    /// How much an asset is wanted, the same on every site: a stable hash of its id picks one of a few levels,
    /// and about one in six is never downloaded at all (so "used but never downloaded" has something to show).
    static func popularity(of asset: String) -> Double {
        let hash = asset.utf8.reduce(UInt32(5381)) { ($0 &* 33) ^ UInt32($1) }
        return [0, 0.15, 0.4, 0.7, 1, 1.6][Int(hash % 6)]
    }

    /// Visits a site of this kind gets on an ordinary day.
    static func baseVisits(_ site: SimulatedSite) -> Double {
        if TrafficSimulation.nightSites.contains(site.id) { return 260 }
        switch site.kind {
        case "store": return 150
        case "brand": return 110
        default: return 70
        }
    }

    mutating func day(of site: SimulatedSite, at midnight: Date, dayIndex: Int, totalDays: Int) -> Day {
        var day = Day()
        let weekday = (Int(midnight.timeIntervalSince1970 + Double(calendar.utcOffset)) / 86_400 + 4) % 7   // 0 = Sunday
        let weekend = weekday == 0 || weekday == 6
        let trend = 0.85 + 0.3 * Double(dayIndex) / Double(max(totalDays - 1, 1))
        let visits = Int(Self.baseVisits(site) * trend * (weekend ? 1.25 : 1) * random.uniform(0.85, 1.15))
        let profile = TrafficSimulation.nightSites.contains(site.id) ? TrafficSimulation.nightProfile : TrafficSimulation.dayProfile
        let weights = site.downloads.map { Self.popularity(of: $0.id) }

        for _ in 0..<visits {
            let visitor = random.hex(24)
            let agent = Self.browsers[random.below(Self.browsers.count)]
            let client = "198.51.\(random.below(200) + 20).\(random.below(250) + 1)"
            var at = midnight.addingTimeInterval(Double(random.pick(weights: profile)) * 3600 + random.uniform(0, 3600))
            let views = 1 + random.geometric(0.45, limit: 6)
            for _ in 0..<views {
                let page = site.pages[random.below(site.pages.count)]
                day.events.append(TrackedEvent(site: site.id, page: page, type: .pageview, visitor: visitor, occurredAt: at, receivedAt: at))
                at.addTimeInterval(random.uniform(20, 140))
            }
            let page = site.pages[random.below(site.pages.count)]
            if !site.downloads.isEmpty, weights.contains(where: { $0 > 0 }), random.chance(0.09) {
                let asset = site.downloads[random.pick(weights: weights)]
                day.events.append(TrackedEvent(site: site.id, page: page, type: .downloadClick, visitor: visitor, occurredAt: at,
                                               receivedAt: at, asset: asset.id))
                day.downloads.append(Download(asset: asset.id, site: site.id, page: page, at: at, visitor: visitor,
                                              agent: UserAgentClass(userAgent: agent)))
                day.logLines.append(logLine(site, client, at, "/assets/\(asset.file)?via=dl", 200, "https://\(site.host)\(page)", agent))
            }
            if site.booking, random.chance(0.3) {
                book(site, visitor: visitor, page: page, at: &at, into: &day)
            }
            if let image = site.downloads.first, random.chance(0.05) {
                day.logLines.append(logLine(site, client, at, "/assets/\(image.file)", 200, "https://\(site.host)\(page)", agent))
            }
        }

        // Direct downloads: a link shared in a chat or an email, some fetched in ranged parts; and crawlers.
        let direct = !weights.contains(where: { $0 > 0 }) ? 0 : Int(Double(visits) * 0.02 * random.uniform(0.5, 1.5))
        for _ in 0..<direct {
            let asset = site.downloads[random.pick(weights: weights)]
            let agent = Self.browsers[random.below(Self.browsers.count)]
            let client = "203.0.113.\(random.below(250) + 1)"
            let referer = Self.chatReferers[random.below(Self.chatReferers.count)]
            let at = midnight.addingTimeInterval(Double(random.pick(weights: profile)) * 3600 + random.uniform(0, 3600))
            if random.chance(0.3) {
                for part in 0..<(2 + random.below(3)) {
                    day.logLines.append(logLine(site, client, at.addingTimeInterval(Double(part)), "/assets/\(asset.file)", 206, referer, agent))
                }
            } else {
                day.logLines.append(logLine(site, client, at, "/assets/\(asset.file)", 200, referer, agent))
            }
        }
        if let asset = site.downloads.first, random.chance(0.5) {
            let at = midnight.addingTimeInterval(random.uniform(0, 86_400))
            day.logLines.append(logLine(site, "66.249.66.\(random.below(250) + 1)", at, "/assets/\(asset.file)", 200, "-",
                                        Self.bots[random.below(Self.bots.count)]))
        }
        return day
    }

    /// The booking form's steps for one visitor, with the drop-off of a real form.
    private mutating func book(_ site: SimulatedSite, visitor: String, page: String, at: inout Date, into day: inout Day) {
        func step(_ type: EventType, field: String? = nil) {
            at.addTimeInterval(random.uniform(5, 60))
            day.events.append(TrackedEvent(site: site.id, page: page, type: type, visitor: visitor, occurredAt: at, receivedAt: at,
                                           step: "test-drive", field: field))
        }
        step(.bookingShown)
        guard random.chance(0.42) else { return }
        step(.bookingStarted)
        let stumbled = random.chance(0.28)
        if stumbled { step(.bookingFieldError, field: random.chance(0.7) ? "phone" : "name") }
        if random.chance(stumbled ? 0.45 : 0.68) { step(.bookingSubmitted) }
    }

    /// A vhost combined log line at the visitors' local time.
    private func logLine(_ site: SimulatedSite, _ client: String, _ at: Date, _ target: String, _ status: Int, _ referer: String,
                         _ agent: String) -> String {
        let local = at.addingTimeInterval(Double(calendar.utcOffset))
        let parts = ReportCalendar.gregorianUTC.dateComponents([.year, .month, .day, .hour, .minute, .second], from: local)
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let zone = calendar.offsetText.replacingOccurrences(of: ":", with: "")
        let time = String(format: "%02d/%@/%04d:%02d:%02d:%02d %@", parts.day!, months[parts.month! - 1], parts.year!,
                          parts.hour!, parts.minute!, parts.second!, zone)
        let bytes = status == 206 ? 65_536 : 48_213
        return "\(site.host):443 \(client) - - [\(time)] \"GET \(target) HTTP/2.0\" \(status) \(bytes) \"\(referer)\" \"\(agent)\""
    }
}

/// A small, fast, seedable generator (SplitMix64): the same seed gives the same month of traffic.
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
    mutating func uniform(_ low: Double, _ high: Double) -> Double { low + (high - low) * unit() }
    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
    mutating func chance(_ probability: Double) -> Bool { unit() < probability }

    /// How many successes before the first failure, each with `probability`, at most `limit`.
    mutating func geometric(_ probability: Double, limit: Int) -> Int {
        var count = 0
        while count < limit, chance(probability) { count += 1 }
        return count
    }

    /// An index drawn in proportion to `weights`.
    mutating func pick(weights: [Double]) -> Int {
        let total = weights.reduce(0, +)
        var target = unit() * total
        for (index, weight) in weights.enumerated() {
            target -= weight
            if target < 0 { return index }
        }
        return weights.lastIndex { $0 > 0 } ?? weights.count - 1
    }

    mutating func hex(_ length: Int) -> String {
        var out = ""
        while out.count < length { out += String(next(), radix: 16) }
        return String(out.prefix(length))
    }
}
