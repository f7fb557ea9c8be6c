import Foundation
import GRDB

extension SQLiteStore: ReportingStore {
    /// Reports run on a connection of their own: they are rare, and the collector's pool stays private to the service.
    private func reportConnection() throws -> DatabaseQueue {
        var configuration = Configuration()
        configuration.busyMode = .timeout(5)
        return try DatabaseQueue(path: path, configuration: configuration)
    }

    /// Sums the hourly `download_rollups` and the raw rows of the period's partial hours, on a connection of its own.
    public func downloadCountsBySource(in period: ReportPeriod) async throws -> [SourcedDownloadCount] {
        let span = HourSpan(period), edges = span.edgeBounds
        return try await reportConnection().read { db in
            try Row.fetchAll(db, sql: """
                SELECT asset, site, source, SUM(downloads) AS downloads FROM (
                    SELECT asset, site, source, SUM(downloads) AS downloads FROM download_rollups
                    WHERE hour >= ? AND hour < ? GROUP BY asset, site, source
                    UNION ALL
                    SELECT asset, site, source, COUNT(*) AS downloads FROM downloads
                    WHERE (at >= ? AND at < ?) OR (at >= ? AND at < ?) GROUP BY asset, site, source)
                GROUP BY asset, site, source
                ORDER BY asset, site, source
                """, arguments: [span.first, span.end, edges[0], edges[1], edges[2], edges[3]]
            ).compactMap { row in
                DownloadSource(rawValue: row["source"]).map {
                    SourcedDownloadCount(asset: row["asset"], site: row["site"], source: $0, downloads: row["downloads"])
                }
            }
        }
    }

    /// Like `downloadCountsBySource`, per day at the offset; an offset that is not whole hours reads the raw rows only.
    public func downloadCountsByDay(in period: ReportPeriod, utcOffset: Int) async throws -> [AssetDayCount] {
        let span = HourSpan.forBuckets(period, utcOffset: utcOffset), edges = span.edgeBounds
        return try await reportConnection().read { db in
            try Row.fetchAll(db, sql: """
                SELECT day, asset, site, source, SUM(downloads) AS downloads FROM (
                    SELECT (hour * 3600 + ?) / 86400 AS day, asset, site, source, SUM(downloads) AS downloads FROM download_rollups
                    WHERE hour >= ? AND hour < ? GROUP BY day, asset, site, source
                    UNION ALL
                    SELECT (at / 1000 + ?) / 86400 AS day, asset, site, source, COUNT(*) AS downloads FROM downloads
                    WHERE (at >= ? AND at < ?) OR (at >= ? AND at < ?) GROUP BY day, asset, site, source)
                GROUP BY day, asset, site, source
                ORDER BY day, asset, site, source
                """, arguments: [utcOffset, span.first, span.end, utcOffset, edges[0], edges[1], edges[2], edges[3]]
            ).compactMap { row in
                DownloadSource(rawValue: row["source"]).map {
                    AssetDayCount(asset: row["asset"], site: row["site"], day: dayString(daysSinceEpoch: row["day"]),
                                  source: $0, downloads: row["downloads"])
                }
            }
        }
    }

    /// The latest time per asset and site from the rollups of the hours before `until`'s hour, and from the raw rows of
    /// that last hour.
    public func lastDownloads(before until: Date) async throws -> [LastDownload] {
        let end = until.epochMilliseconds, hour = max(0, end / HourSpan.hour)
        return try await reportConnection().read { db in
            try Row.fetchAll(db, sql: """
                SELECT asset, site, MAX(last) AS last FROM (
                    SELECT asset, site, MAX(last_at) AS last FROM download_rollups WHERE hour < ? GROUP BY asset, site
                    UNION ALL
                    SELECT asset, site, MAX(at) AS last FROM downloads WHERE at >= ? AND at < ? GROUP BY asset, site)
                GROUP BY asset, site ORDER BY asset, site
                """, arguments: [hour, hour * HourSpan.hour, end]
            ).map { LastDownload(asset: $0["asset"], site: $0["site"], at: Date(epochMilliseconds: $0["last"])) }
        }
    }

    /// Page views per site and page in the period: the hourly rollups, plus the events of the partial hours at its edges.
    public func pageViews(in period: ReportPeriod) async throws -> [PageViewCount] {
        let span = HourSpan(period), edges = span.edgeBounds
        return try await reportConnection().read { db in
            try Row.fetchAll(db, sql: """
                SELECT site, page, SUM(views) AS views FROM (
                    SELECT site, page, SUM(views) AS views FROM page_view_rollups
                    WHERE hour >= ? AND hour < ? GROUP BY site, page
                    UNION ALL
                    SELECT site, page, COUNT(*) AS views FROM events
                    WHERE type = 'pageview' AND ((occurred_at >= ? AND occurred_at < ?) OR (occurred_at >= ? AND occurred_at < ?))
                    GROUP BY site, page)
                GROUP BY site, page ORDER BY site, page
                """, arguments: [span.first, span.end, edges[0], edges[1], edges[2], edges[3]]
            ).map { PageViewCount(site: $0["site"], page: $0["page"], views: $0["views"]) }
        }
    }

    /// Inserts the lines in one transaction, skipping keys already stored, and adds the new ones to the rollups.
    public func recordLogDownloads(_ downloads: [Download]) async throws -> Int {
        guard !downloads.isEmpty else { return 0 }
        return try await reportConnection().write { db in
            let statement = try db.cachedStatement(sql: """
                INSERT INTO downloads (asset, site, page, at, visitor, agent, source, dedupe_key)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (dedupe_key) DO NOTHING
                """)
            var stored: [Download] = []
            for download in downloads {
                try statement.execute(arguments: [
                    download.asset, download.site, download.page, download.at.epochMilliseconds, download.visitor,
                    download.agent.rawValue, download.source.rawValue, download.dedupeKey,
                ])
                if db.changesCount == 1 { stored.append(download) }
            }
            try Self.rollUp(stored, db)
            return stored.count
        }
    }
}
