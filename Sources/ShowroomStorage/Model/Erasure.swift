import Foundation

/// What forgetting one person's number removed from a store: their leads, and everything stored under the visitor ids
/// those leads carry (the journey that led to them). Rollups hold counts, not ids, and stay.
public struct Erasure: Sendable, Hashable {
    /// Lead rows with the number, deleted.
    public var leads = 0
    /// The distinct visitor ids those leads carried, whose rows below were removed.
    public var visitors = 0
    /// Raw events of those visitor ids, deleted.
    public var events = 0
    /// Counted downloads of those visitor ids, deleted.
    public var downloads = 0
    /// Their first and latest touches (campaign, referrer, landing page), deleted.
    public var touches = 0
    /// Their entries in the booking funnel's distinct visitors, moved to a fresh random id that nothing else carries:
    /// past funnels keep their counts, and the entries lead to nobody.
    public var funnelEntries = 0

    /// An erasure as a store counts it.
    package init(leads: Int = 0, visitors: Int = 0, events: Int = 0, downloads: Int = 0, touches: Int = 0, funnelEntries: Int = 0) {
        self.leads = leads
        self.visitors = visitors
        self.events = events
        self.downloads = downloads
        self.touches = touches
        self.funnelEntries = funnelEntries
    }

    /// What `showroom leads forget` prints, with the number `masked` (`138****5678`): every count, so the person
    /// asking can be told what went.
    public func summary(of masked: String) -> String {
        let deleted = "Deleted \(Self.count(leads, "lead")) of \(masked)"
        guard visitors > 0 else { return deleted + " (they carried no visitor id, so nothing else was stored under one)." }
        return deleted + "; under their \(Self.count(visitors, "visitor id")): \(Self.count(events, "event")), "
            + "\(Self.count(downloads, "download")) and \(Self.count(touches, "touch record")) deleted, "
            + "\(Self.count(funnelEntries, "booking funnel entry", "booking funnel entries")) made anonymous."
    }

    private static func count(_ number: Int, _ singular: String, _ plural: String? = nil) -> String {
        number == 1 ? "1 \(singular)" : "\(number) \(plural ?? singular + "s")"
    }

    /// A visitor id for a forgotten visitor's funnel entries: random (122 bits), so no visitor's events ever carry it.
    static func anonymousVisitor() -> String {
        "forgotten-" + UUID().uuidString.lowercased()
    }
}
