import Foundation

/// One validated tracking event, ready to store.
public struct TrackedEvent: Sendable, Hashable {
    /// The site id (`sites/<id>`) the event happened on.
    public var site: String
    /// The page's path on that site, e.g. `/specs/`.
    public var page: String
    /// What the visitor did: a page view, a click, or a step of the booking form.
    public var type: EventType
    /// The snippet's first-party visitor id; nil when the visitor has not consented or asked not to be tracked.
    public var visitor: String?
    /// When it happened, by the visitor's clock (checked to be plausible).
    public var occurredAt: Date
    /// When the service received it.
    public var receivedAt: Date
    /// The asset id of a download click.
    public var asset: String?
    /// The target of an outbound click.
    public var url: String?
    /// The booking form's step detail (e.g. the form's id) for booking events.
    public var step: String?
    /// The field that failed validation, for `booking_field_error`.
    public var field: String?
    /// Which touchpoint sent it: a site, the app, a mini-program.
    public var source: EventSource = .web
    /// Where the visit came from, on a landing page view (nil on every other event).
    public var touch: Touch? = nil

    /// An event ready to store, as the events route makes it from a checked payload (or the traffic simulation invents
    /// it).
    public init(
        site: String, page: String, type: EventType, visitor: String? = nil, occurredAt: Date, receivedAt: Date,
        asset: String? = nil, url: String? = nil, step: String? = nil, field: String? = nil
    ) {
        self.site = site
        self.page = page
        self.type = type
        self.visitor = visitor
        self.occurredAt = occurredAt
        self.receivedAt = receivedAt
        self.asset = asset
        self.url = url
        self.step = step
        self.field = field
    }
}
