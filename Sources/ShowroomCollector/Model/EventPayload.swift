import Foundation
import ShowroomStorage

/// An event as the tracking snippet sends it, before validation.
///
/// ```json
/// {"site": "aurora-ev", "type": "download_click", "page": "/specs/", "visitor": "k3J9…", "ts": 1767225600000,
///  "asset": "aurora-brochure"}
/// ```
/// A request body is one such object or an array of up to `EventRules.maxBatch` of them. `EventPayloadReader` reads
/// them; `Decodable` is what its tests hold it to.
struct EventPayload: Decodable, Equatable, Sendable {
    var site: String
    var type: String
    var page: String
    var visitor: String?
    /// Milliseconds since 1970 by the visitor's clock (a JSON number; read as a double so that any number
    /// reaches the range check instead of failing to decode).
    var ts: Double?
    var asset: String?
    var url: String?
    var step: String?
    var field: String?
    /// `web` (the default), `app` or `miniprogram`: apps and mini-programs send their own visitor id, in the same format.
    var source: String?
    /// On a landing page view: the referrer's host name, empty for none (see `Landing`).
    var ref: String?
    var utmSource: String?
    var utmMedium: String?
    var utmCampaign: String?
    var utmContent: String?
    var utmTerm: String?
    /// A click-id parameter and its value, `gclid=…`.
    var click: String?

    enum CodingKeys: String, CodingKey {
        case site, type, page, visitor, ts, asset, url, step, field, source, ref, click
        case utmSource = "utm_source", utmMedium = "utm_medium", utmCampaign = "utm_campaign", utmContent = "utm_content", utmTerm = "utm_term"
    }
}

/// Why an event was refused, in a sentence the snippet's author can act on.
package struct EventRejection: Error, Sendable, Hashable, CustomStringConvertible {
    /// A short stable label for metrics (`unknown_site`, `bad_timestamp`, …).
    package var reason: String
    /// What is wrong with the event, sent back in the 400 answer so that the snippet's author can fix it.
    package var description: String

    init(_ reason: String, _ description: String) {
        self.reason = reason
        self.description = description
    }
}

/// The rules every field of an event must meet; shared by the events endpoint and the download counter.
package enum EventRules {
    /// The most events one request may carry.
    package static let maxBatch = 20
    /// The longest page path accepted, in bytes.
    package static let maxPageLength = 512
    /// The longest outbound link accepted, in bytes.
    package static let maxURLLength = 2048
    /// The longest booking detail (`step`, `field`, the consent version) accepted, in bytes.
    package static let maxDetailLength = 64
    /// Visitor clocks may be wrong, but not by more than this.
    package static let maxClockSkewIntoPast: TimeInterval = 24 * 3600
    /// How far ahead of the service's clock an event's time may be.
    package static let maxClockSkewIntoFuture: TimeInterval = 10 * 60

    /// The snippet's ids: 16–64 URL-safe characters.
    package static func isValidVisitor(_ id: String) -> Bool {
        (16...64).contains(id.utf8.count) && id.utf8.allSatisfy { isAlphanumeric($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") }
    }

    /// Asset ids as the catalog writes them: `^[a-z0-9][a-z0-9._-]*$`, at most 128 characters.
    /// This is what keeps `/dl/<id>` free of traversal and of anything a redirect could be steered with.
    package static func isValidAssetID(_ id: String) -> Bool {
        guard let first = id.utf8.first, id.utf8.count <= 128, isLowerAlphanumeric(first) else { return false }
        return id.utf8.allSatisfy { isLowerAlphanumeric($0) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-") }
    }

    /// A page path: starts with `/`, at most `maxPageLength` bytes, no control characters.
    package static func isValidPage(_ page: String) -> Bool {
        page.hasPrefix("/") && page.utf8.count <= maxPageLength && !page.unicodeScalars.contains { $0.properties.generalCategory == .control }
    }

    /// Short machine words for the booking details: letters, digits, `_`, `-`, `.`.
    static func isValidDetail(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.count <= maxDetailLength
            && text.utf8.allSatisfy { isAlphanumeric($0) || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ".") }
    }

    private static func isLowerAlphanumeric(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        isLowerAlphanumeric(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
    }
}

extension EventPayload {
    /// Checks every field against `EventRules` and the fleet; returns the event to store or says what is wrong.
    func validated(knownSites: Set<String>, receivedAt now: Date) throws(EventRejection) -> TrackedEvent {
        guard knownSites.contains(site) else {
            throw EventRejection("unknown_site", "`site` must be the id of one of the fleet's sites; `\(site.prefix(64))` is not")
        }
        guard let type = EventType(rawValue: type) else {
            throw EventRejection("unknown_type", "`type` must be one of \(EventType.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        guard EventRules.isValidPage(page) else {
            throw EventRejection("bad_page", "`page` must be a path starting with `/`, at most \(EventRules.maxPageLength) bytes")
        }
        if let visitor, !EventRules.isValidVisitor(visitor) {
            throw EventRejection("bad_visitor", "`visitor` must be 16 to 64 letters, digits, `-` or `_`")
        }
        var occurredAt = now
        if let ts {
            occurredAt = Date(timeIntervalSince1970: ts / 1000)
            guard ts.isFinite, occurredAt >= now.addingTimeInterval(-EventRules.maxClockSkewIntoPast),
                  occurredAt <= now.addingTimeInterval(EventRules.maxClockSkewIntoFuture)
            else {
                throw EventRejection("bad_timestamp", "`ts` must be milliseconds since 1970 within a day of now; \(ts.formatted(.number.grouping(.never))) is not")
            }
        }
        if let asset, !EventRules.isValidAssetID(asset) {
            throw EventRejection("bad_asset", "`asset` must be an asset id (lowercase letters, digits, `.`, `_`, `-`)")
        }
        if type == .downloadClick, asset == nil {
            throw EventRejection("bad_asset", "a `download_click` needs the `asset` id")
        }
        if let url {
            guard url.utf8.count <= EventRules.maxURLLength, let scheme = URLComponents(string: url)?.scheme?.lowercased(),
                  scheme == "http" || scheme == "https"
            else {
                throw EventRejection("bad_url", "`url` must be an http(s) address of at most \(EventRules.maxURLLength) bytes")
            }
        }
        if type == .outboundClick, url == nil {
            throw EventRejection("bad_url", "an `outbound_click` needs the `url` it leads to")
        }
        for (name, value) in [("step", step), ("field", field)] {
            if let value, !EventRules.isValidDetail(value) {
                throw EventRejection("bad_detail", "`\(name)` must be 1 to \(EventRules.maxDetailLength) letters, digits, `_`, `-` or `.`")
            }
        }
        var event = TrackedEvent(
            site: site, page: page, type: type, visitor: visitor, occurredAt: occurredAt, receivedAt: now,
            asset: asset, url: url, step: step, field: field)
        if let source {
            guard let known = EventSource(rawValue: source) else {
                throw EventRejection("bad_source", "`source` must be one of \(EventSource.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            event.source = known
        }
        return event
    }

    /// Decodes a request body: valid UTF-8 JSON holding one event object or an array of them (`EventPayloadReader`).
    static func decodeBatch(from bytes: [UInt8]) throws(EventRejection) -> [EventPayload] {
        guard String(validating: bytes, as: UTF8.self) != nil else {
            throw EventRejection("bad_encoding", "the body must be UTF-8 encoded JSON")
        }
        var reader = EventPayloadReader(bytes)
        let batch = try reader.read()
        guard !batch.isEmpty, batch.count <= EventRules.maxBatch else {
            throw EventRejection("bad_batch", "send 1 to \(EventRules.maxBatch) events per request, not \(batch.count)")
        }
        return batch
    }
}
