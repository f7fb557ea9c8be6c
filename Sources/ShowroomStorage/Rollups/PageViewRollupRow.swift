/// Page views per site, page and hour, summed per batch: what the assets report's exposure reads, so it survives
/// the deletion of raw events (`eventRetentionDays`) as the other rollups do.
struct PageViewRollupRow: Hashable, Comparable {
    var site: String
    var page: String
    var hour: Int64

    static func < (lhs: PageViewRollupRow, rhs: PageViewRollupRow) -> Bool {
        (lhs.site, lhs.page, lhs.hour) < (rhs.site, rhs.page, rhs.hour)
    }

    /// The batch's page views counted per site, page and hour, in key order (so concurrent batches lock rows in one order).
    static func counts(of events: [TrackedEvent]) -> [(row: PageViewRollupRow, views: Int)] {
        var counts: [PageViewRollupRow: Int] = [:]
        for event in events where event.type == .pageview {
            counts[PageViewRollupRow(site: event.site, page: event.page, hour: event.occurredAt.epochMilliseconds / HourSpan.hour), default: 0] += 1
        }
        return counts.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }
}
