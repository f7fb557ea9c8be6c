/// A report period as the rollups see it: the whole UTC hours inside it, read from the hourly rollups, and the pieces
/// of hours at either end, read from the raw rows (a period that starts or ends mid-hour, e.g. at +05:30).
///
/// The rollups (`event_rollups`, `funnel_visitors`, `download_rollups`) are kept in the same transaction as the rows
/// they count, per site, type (or asset and source) and UTC hour, so a report over months reads thousands of rows
/// instead of millions, and its figures equal those from the raw rows.
struct HourSpan: Sendable {
    static let hour: Int64 = 3_600_000

    /// Whole hours, as hours since 1970: `[first, end)`; empty when the period holds no whole hour.
    var first: Int64
    var end: Int64
    /// The millisecond ranges `[since, until)` read from raw rows: before the first whole hour and after the last.
    var edges: [(since: Int64, until: Int64)]

    init(_ period: ReportPeriod) {
        let since = period.since.epochMilliseconds, until = period.until.epochMilliseconds
        let first = Self.ceilHour(since), end = max(first, until >= 0 ? until / Self.hour : 0)
        guard until > since, end > first else {
            self.first = 0
            self.end = 0
            edges = until > since ? [(since, until)] : []
            return
        }
        self.first = first
        self.end = end
        edges = [(since, first * Self.hour), (end * Self.hour, until)].filter { $0.since < $0.until }
    }

    /// The whole period from raw rows: for buckets that do not line up with UTC hours (an offset of +05:30).
    static func raw(_ period: ReportPeriod) -> HourSpan {
        var span = HourSpan(period)
        span.first = 0
        span.end = 0
        let since = period.since.epochMilliseconds, until = period.until.epochMilliseconds
        span.edges = until > since ? [(since, until)] : []
        return span
    }

    /// The span for buckets at `utcOffset`: whole hours from the rollups where they line up, raw rows otherwise.
    static func forBuckets(_ period: ReportPeriod, utcOffset: Int) -> HourSpan {
        utcOffset % 3600 == 0 ? HourSpan(period) : raw(period)
    }

    /// The two edges as four bounds, `[a, b)` and `[c, d)`; an edge that is not there is an empty range.
    var edgeBounds: [Int64] {
        let padded = edges + Array(repeating: (since: Int64(0), until: Int64(0)), count: 2 - edges.count)
        return padded.flatMap { [$0.since, $0.until] }
    }

    private static func ceilHour(_ milliseconds: Int64) -> Int64 {
        milliseconds <= 0 ? 0 : (milliseconds + hour - 1) / hour
    }
}

/// One batch's counts per rollup row, summed before they are written (a row may appear once per statement).
struct EventRollupRow: Hashable, Comparable {
    var site: String
    var type: String
    var hour: Int64

    static func < (lhs: EventRollupRow, rhs: EventRollupRow) -> Bool {
        (lhs.site, lhs.type, lhs.hour) < (rhs.site, rhs.type, rhs.hour)
    }

    /// The batch's events counted per site, type and hour, in key order (so concurrent batches lock rows in one order).
    static func counts(of events: [TrackedEvent]) -> [(row: EventRollupRow, events: Int)] {
        var counts: [EventRollupRow: Int] = [:]
        for event in events {
            counts[EventRollupRow(site: event.site, type: event.type.rawValue, hour: event.occurredAt.epochMilliseconds / HourSpan.hour), default: 0] += 1
        }
        return counts.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    /// The booking steps' distinct visitors per site, type and hour, in key order.
    static func funnelVisitors(of events: [TrackedEvent]) -> [(row: EventRollupRow, visitor: String)] {
        var seen: Set<[String]> = []
        var rows: [(row: EventRollupRow, visitor: String)] = []
        for event in events where EventType.bookingFunnel.contains(event.type) {
            guard let visitor = event.visitor else { continue }
            let row = EventRollupRow(site: event.site, type: event.type.rawValue, hour: event.occurredAt.epochMilliseconds / HourSpan.hour)
            if seen.insert([row.site, row.type, String(row.hour), visitor]).inserted { rows.append((row, visitor)) }
        }
        return rows.sorted { ($0.row, $0.visitor) < ($1.row, $1.visitor) }
    }
}

/// Counted downloads per asset, site, source and hour, with the latest time, summed per batch.
struct DownloadRollupRow: Hashable, Comparable {
    var asset: String
    var site: String
    var source: String
    var hour: Int64

    static func < (lhs: DownloadRollupRow, rhs: DownloadRollupRow) -> Bool {
        (lhs.asset, lhs.site, lhs.source, lhs.hour) < (rhs.asset, rhs.site, rhs.source, rhs.hour)
    }

    static func counts(of downloads: [Download]) -> [(row: DownloadRollupRow, downloads: Int, last: Int64)] {
        var counts: [DownloadRollupRow: (Int, Int64)] = [:]
        for download in downloads {
            let at = download.at.epochMilliseconds
            let row = DownloadRollupRow(asset: download.asset, site: download.site, source: download.source.rawValue, hour: at / HourSpan.hour)
            let current = counts[row] ?? (0, at)
            counts[row] = (current.0 + 1, max(current.1, at))
        }
        return counts.sorted { $0.key < $1.key }.map { ($0.key, $0.value.0, $0.value.1) }
    }
}
