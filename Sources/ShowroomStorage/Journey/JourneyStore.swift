import Foundation

/// One step of a visitor's journey across the fleet: an event on a page of a site, at a time.
public struct JourneyStep: Sendable, Hashable {
    /// The site id the event happened on.
    public var site: String
    /// The page's path on that site.
    public var page: String
    /// What happened there.
    public var type: EventType
    /// When, by the visitor's clock.
    public var at: Date
    /// The touchpoint: a site, the app, a mini-program.
    public var source: EventSource

    /// A step as stored.
    public init(site: String, page: String, type: EventType, at: Date, source: EventSource = .web) {
        self.site = site
        self.page = page
        self.type = type
        self.at = at
        self.source = source
    }
}

/// The queries that follow one visitor id across sites: the journey behind a lead. Both stores implement it and
/// pass one contract suite (`JourneyStoreContractTests`). The journey is joined to a lead only here and in the
/// export; events themselves carry no personal data.
public protocol JourneyStore: Store {
    /// Every event of `visitor` in the period, on every site, oldest first (ties in the order they were stored).
    func journey(visitor: String, in period: ReportPeriod) async throws -> [JourneyStep]

    /// The visitor's first and latest touch; nil when no landing of theirs carried an id.
    func touches(visitor: String) async throws -> Touches?

    /// The touches stored with each lead (not spam) created at or after `since`, by lead id; leads made without a
    /// visitor id, or by a visitor without a landing, are not in it.
    func leadTouches(since: Date) async throws -> [Int64: Touches]

    /// Every visitor whose first or latest touch happened in the period, with both touches: who arrived how.
    func visitorTouches(in period: ReportPeriod) async throws -> [String: Touches]
}
