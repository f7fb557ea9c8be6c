import Foundation

/// Where a visit came from: one landing on a fleet site, read from its campaign parameters or its referrer's host.
/// No personal data: campaign words, a host name, an ad network's click id, the page landed on.
public struct Touch: Sendable, Hashable, Codable {
    /// What kind of way in it was.
    public enum Channel: String, Sendable, Hashable, Codable, CaseIterable {
        /// The address carried `utm_*` parameters or a click id.
        case campaign
        /// From a search engine.
        case search
        /// From a social network or messenger.
        case social
        /// From another site of the fleet.
        case fleet
        /// From any other site.
        case referral
        /// No referrer: typed, bookmarked, or from an app.
        case direct
    }

    /// The kind of way in.
    public var channel: Channel
    /// `utm_source`, else the referrer's host (`www.baidu.com`); nil for direct visits.
    public var source: String?
    /// `utm_medium`.
    public var medium: String?
    /// `utm_campaign`.
    public var campaign: String?
    /// `utm_content`.
    public var content: String?
    /// `utm_term`.
    public var term: String?
    /// The click-id parameter and its value (`gclid=…`), one of those listed in `showroom.yaml`.
    public var click: String?
    /// The site and page landed on.
    public var site: String
    /// The page's path.
    public var page: String
    /// When, by the visitor's clock.
    public var at: Date

    /// A touch as read from a landing.
    public init(channel: Channel, source: String? = nil, medium: String? = nil, campaign: String? = nil, content: String? = nil,
                term: String? = nil, click: String? = nil, site: String, page: String, at: Date) {
        self.channel = channel
        self.source = source
        self.medium = medium
        self.campaign = campaign
        self.content = content
        self.term = term
        self.click = click
        self.site = site
        self.page = page
        self.at = at
    }

    /// Whether a later landing like this one replaces a visitor's latest touch: not when direct or from the fleet.
    var countsAsLatest: Bool { channel != .fleet && channel != .direct }

    /// The touch as stored: JSON with sorted keys, times in milliseconds since 1970.
    var stored: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .millisecondsSince1970
        return (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    /// A stored touch read back; nil for none or for text that is not one.
    init?(stored text: String?) {
        guard let text else { return nil }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .millisecondsSince1970
        guard let touch = try? decoder.decode(Touch.self, from: Data(text.utf8)) else { return nil }
        self = touch
    }
}

/// A visitor's first touch and latest one. The latest is the latest landing that was neither direct nor from another
/// fleet site ("last non-direct touch"): walking from the brand's site to a model's is the same visit, and coming
/// back by a bookmark after an ad does not hide the ad. Until there is such a landing it is the first.
public struct Touches: Sendable, Hashable {
    /// The first landing the store saw for the visitor.
    public var first: Touch
    /// The latest landing from outside the fleet (the first, until there is another).
    public var latest: Touch

    /// Both touches.
    public init(first: Touch, latest: Touch) {
        self.first = first
        self.latest = latest
    }
}

/// Which kind of touchpoint an event came from.
public enum EventSource: String, Sendable, Hashable, Codable, CaseIterable {
    /// A fleet site, through the tracking snippet.
    case web
    /// The group's mobile app.
    case app
    /// A mini-program (WeChat, Alipay, …).
    case miniprogram
}
