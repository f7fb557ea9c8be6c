import Foundation
import Logging
import PostgresNIO

extension PostgresStore: ReportingStore {
    private static let reportLogger = Logger(label: "showroom.collector.postgres.reports")

    /// Sums the hourly `download_rollups` and the raw rows of the period's partial hours in one query.
    package func downloadCountsBySource(in period: ReportPeriod) async throws -> [SourcedDownloadCount] {
        let span = HourSpan(period), edges = span.edgeBounds
        let rows = try await client.query("""
            SELECT asset, site, source, SUM(downloads)::bigint FROM (
                SELECT asset, site, source, SUM(downloads) AS downloads FROM download_rollups
                WHERE hour >= \(span.first) AND hour < \(span.end) GROUP BY asset, site, source
                UNION ALL
                SELECT asset, site, source, COUNT(*) AS downloads FROM downloads
                WHERE (at >= \(edges[0]) AND at < \(edges[1])) OR (at >= \(edges[2]) AND at < \(edges[3]))
                GROUP BY asset, site, source) AS parts
            GROUP BY asset, site, source
            ORDER BY asset, site, source
            """, logger: Self.reportLogger)
        var counts: [SourcedDownloadCount] = []
        for try await (asset, site, source, downloads) in rows.decode((String, String, String, Int).self) {
            if let source = DownloadSource(rawValue: source) {
                counts.append(SourcedDownloadCount(asset: asset, site: site, source: source, downloads: downloads))
            }
        }
        return counts
    }

    /// Like `downloadCountsBySource`, per day at the offset; an offset that is not whole hours reads the raw rows only.
    package func downloadCountsByDay(in period: ReportPeriod, utcOffset: Int) async throws -> [AssetDayCount] {
        let span = HourSpan.forBuckets(period, utcOffset: utcOffset), edges = span.edgeBounds
        let rows = try await client.query("""
            SELECT day::bigint, asset, site, source, SUM(downloads)::bigint FROM (
                SELECT (hour * 3600 + \(utcOffset)) / 86400 AS day, asset, site, source, SUM(downloads) AS downloads
                FROM download_rollups WHERE hour >= \(span.first) AND hour < \(span.end) GROUP BY day, asset, site, source
                UNION ALL
                SELECT (at / 1000 + \(utcOffset)) / 86400 AS day, asset, site, source, COUNT(*) AS downloads FROM downloads
                WHERE (at >= \(edges[0]) AND at < \(edges[1])) OR (at >= \(edges[2]) AND at < \(edges[3]))
                GROUP BY day, asset, site, source) AS parts
            GROUP BY day, asset, site, source
            ORDER BY day, asset, site, source
            """, logger: Self.reportLogger)
        var counts: [AssetDayCount] = []
        for try await (day, asset, site, source, downloads) in rows.decode((Int, String, String, String, Int).self) {
            if let source = DownloadSource(rawValue: source) {
                counts.append(AssetDayCount(asset: asset, site: site, day: dayString(daysSinceEpoch: day),
                                            source: source, downloads: downloads))
            }
        }
        return counts
    }

    /// The latest time per asset and site from the rollups of the hours before `until`'s hour, and from the raw rows of
    /// that last hour.
    package func lastDownloads(before until: Date) async throws -> [LastDownload] {
        let end = until.epochMilliseconds, hour = max(0, end / HourSpan.hour), hourStart = hour * HourSpan.hour
        let rows = try await client.query("""
            SELECT asset, site, MAX(last)::bigint FROM (
                SELECT asset, site, MAX(last_at) AS last FROM download_rollups WHERE hour < \(hour) GROUP BY asset, site
                UNION ALL
                SELECT asset, site, MAX(at) AS last FROM downloads WHERE at >= \(hourStart) AND at < \(end) GROUP BY asset, site
            ) AS parts
            GROUP BY asset, site ORDER BY asset, site
            """, logger: Self.reportLogger)
        var last: [LastDownload] = []
        for try await (asset, site, at) in rows.decode((String, String, Int64).self) {
            last.append(LastDownload(asset: asset, site: site, at: Date(epochMilliseconds: at)))
        }
        return last
    }

    /// Page views per site and page in the period: the hourly rollups, plus the events of the partial hours at its edges.
    public func pageViews(in period: ReportPeriod) async throws -> [PageViewCount] {
        let span = HourSpan(period), edges = span.edgeBounds
        let rows = try await client.query("""
            SELECT site, page, SUM(views)::bigint FROM (
                SELECT site, page, SUM(views) AS views FROM page_view_rollups
                WHERE hour >= \(span.first) AND hour < \(span.end) GROUP BY site, page
                UNION ALL
                SELECT site, page, COUNT(*) AS views FROM events
                WHERE type = 'pageview' AND ((occurred_at >= \(edges[0]) AND occurred_at < \(edges[1]))
                                          OR (occurred_at >= \(edges[2]) AND occurred_at < \(edges[3])))
                GROUP BY site, page) AS parts
            GROUP BY site, page ORDER BY site, page
            """, logger: Self.reportLogger)
        var counts: [PageViewCount] = []
        for try await (site, page, views) in rows.decode((String, String, Int).self) {
            counts.append(PageViewCount(site: site, page: page, views: views))
        }
        return counts
    }

    /// Inserts the lines in one statement (`showroom_record_downloads`, so one transaction), skipping keys already
    /// stored, and adds the new ones to the rollups.
    package func recordLogDownloads(_ downloads: [Download]) async throws -> Int {
        guard !downloads.isEmpty else { return 0 }
        let outcomes = try await Self.insert(downloads.map { WindowedDownload(download: $0, window: 0) }, on: client, logger: Self.reportLogger)
        return outcomes.filter { $0 == .counted }.count
    }
}
