import Foundation
import ShowroomStorage

/// Reads where a visit came from off a landing page view: its campaign parameters (`utm_*`, a click id), else the
/// referrer's host the snippet sent (`ref`), classified as search, social, another fleet site, any other site, or
/// direct (none). Page views that are not landings carry neither and have no touch.
enum Landing {
    /// Search engines, by the host's registrable words (`www.google.com.hk` is `google`).
    static let searchNames: Set<String> = ["google", "bing", "baidu", "yahoo", "duckduckgo", "yandex", "sogou", "so", "sm", "naver", "ecosia"]
    /// Social networks and messengers.
    static let socialNames: Set<String> = [
        "facebook", "instagram", "twitter", "x", "t", "linkedin", "youtube", "tiktok", "douyin", "weibo", "weixin", "wechat",
        "qq", "xiaohongshu", "xhslink", "bilibili", "zhihu", "reddit", "pinterest", "whatsapp", "telegram", "line", "lnkd",
    ]
    /// The longest a campaign word is kept.
    static let maxWord = 200

    /// The touch `payload` makes, or nil when it is not a landing.
    static func touch(of payload: EventPayload, event: TrackedEvent, fleetHosts: Set<String>) -> Touch? {
        guard event.type == .pageview else { return nil }
        let words = [payload.utmSource, payload.utmMedium, payload.utmCampaign, payload.utmContent, payload.utmTerm].map(clean)
        let click = clean(payload.click)
        let host = clean(payload.ref)?.lowercased()
        if words.contains(where: { $0 != nil }) || click != nil {
            return Touch(channel: .campaign, source: words[0] ?? host, medium: words[1], campaign: words[2], content: words[3], term: words[4],
                         click: click, site: event.site, page: event.page, at: event.occurredAt)
        }
        guard payload.ref != nil else { return nil }
        guard let host else { return Touch(channel: .direct, site: event.site, page: event.page, at: event.occurredAt) }
        return Touch(channel: channel(ofReferrer: host, fleetHosts: fleetHosts), source: host, site: event.site, page: event.page,
                     at: event.occurredAt)
    }

    /// Search, social, fleet or referral, by the referrer's host name.
    static func channel(ofReferrer host: String, fleetHosts: Set<String>) -> Touch.Channel {
        if fleetHosts.contains(host) { return .fleet }
        let labels = host.split(separator: ".").map(String.init)
        // The label before the public suffix: `google` of `www.google.co.uk`, `so` of `www.so.com`, `t` of `t.co`.
        let suffixes: Set<String> = ["com", "co", "net", "org", "cn", "hk", "uk", "jp", "de", "fr", "tw", "sg", "io", "me", "ru", "kr"]
        let name = labels.reversed().drop { suffixes.contains($0) }.first ?? host
        if searchNames.contains(name) { return .search }
        if socialNames.contains(name) { return .social }
        return .referral
    }

    /// `text` without control characters, at most `maxWord` characters; nil when nothing is left.
    static func clean(_ text: String?) -> String? {
        guard let text else { return nil }
        let kept = String(String.UnicodeScalarView(text.unicodeScalars.filter { $0.properties.generalCategory != .control }))
            .trimmingCharacters(in: .whitespaces).prefix(maxWord)
        return kept.isEmpty ? nil : String(kept)
    }
}
