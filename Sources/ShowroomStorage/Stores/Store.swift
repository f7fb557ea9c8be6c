import Foundation

/// Where the collector keeps events, downloads and test-drive leads: one protocol, a SQLite and a PostgreSQL implementation,
/// held to the same behaviour by one contract test suite.
///
/// Every write returns only after it committed, so the service never acknowledges what it could lose. Events and
/// downloads of concurrent callers are group-committed (`CommitPolicy`): one transaction holds many callers' rows.
/// A write the store could not take throws; `StoreUnavailable` says the database is gone, slow or overloaded.
/// Times are stored as milliseconds since 1970 (UTC); reports take a UTC offset to bucket by local hour or day.
public protocol Store: Sendable {
    /// Creates or upgrades the tables. Safe to call on every start.
    func migrate() async throws

    /// Stores events in one transaction (shared with other callers' events): all or none.
    func record(_ events: [TrackedEvent]) async throws

    /// Stores one download unless it repeats one already counted: the same visitor and asset within `window` either
    /// side of its time (for `link` rows; one stamped later may commit first), or the same dedupe key (for `log` rows).
    func record(_ download: Download, dedupeWindow window: TimeInterval) async throws -> DownloadOutcome

    /// Stores a lead, committed before it returns, unless the same phone booked the same model within `window`:
    /// then the earlier lead is returned and nothing is stored. Spam is stored as a count only.
    func record(_ lead: Lead, dedupeWindow window: TimeInterval) async throws -> LeadOutcome

    /// Leads (not spam) created at or after `since`, oldest first.
    func leads(since: Date) async throws -> [Lead]

    /// How many leads and spam submissions are stored.
    func leadTotals() async throws -> LeadTotals

    /// Deletes every lead with this normalised number (every site, model and time), and the events, downloads and
    /// touches of the visitor ids those leads carry, in one transaction: a person's right to erasure. Their funnel
    /// entries move to a random id, so past funnels keep their counts. Returns what it removed.
    func forget(phone: String) async throws -> Erasure

    /// Deletes the raw events that happened before `date`, a few thousand per transaction so that writes go on
    /// meanwhile; the hourly rollups stay. Returns how many were deleted.
    func deleteEvents(before date: Date) async throws -> Int

    /// Throws when the store cannot answer a trivial query (PostgreSQL: within the commit timeout), saying why.
    func checkHealth() async throws

    /// The group commit's queues, events and downloads together.
    func writeQueueStatus() async -> WriteQueueStatus

    /// Row counts of everything stored.
    func totals() async throws -> StoreTotals

    /// Downloads per asset per site in the period, most downloaded first (then by asset, then site).
    func downloadCounts(in period: ReportPeriod) async throws -> [DownloadCount]

    /// A site's events per hour of the day (0–23 at `utcOffset` seconds from UTC); only hours with events.
    /// `type` nil counts every type.
    func eventCountsByHour(site: String, type: EventType?, in period: ReportPeriod, utcOffset: Int) async throws -> [HourOfDayCount]

    /// A site's events per calendar day at `utcOffset` seconds from UTC, oldest first; only days with events.
    func eventCountsByDay(site: String, type: EventType?, in period: ReportPeriod, utcOffset: Int) async throws -> [DayCount]

    /// A site's booking form funnel: every step of `EventType.bookingFunnel`, in order, zero where nobody got there.
    func bookingFunnel(site: String, in period: ReportPeriod) async throws -> [FunnelStepCount]

    /// Releases connections. The store is unusable afterwards.
    func close() async throws
}

extension Store {
    /// Puts the events and distinct visitors found per step (by type name) in funnel order, with zeros for the steps
    /// nobody reached.
    func completeFunnel(events: [(String, Int)], visitors: [(String, Int)]) -> [FunnelStepCount] {
        let events = Dictionary(events, uniquingKeysWith: +), visitors = Dictionary(visitors, uniquingKeysWith: +)
        return EventType.bookingFunnel.map { step in
            FunnelStepCount(step: step, events: events[step.rawValue] ?? 0, visitors: visitors[step.rawValue] ?? 0)
        }
    }
}
