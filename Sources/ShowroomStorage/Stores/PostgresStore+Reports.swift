import Foundation
import Logging
import PostgresNIO

extension PostgresStore: ReportingStore {
    private static let reportLogger = Logger(label: "showroom.collector.postgres.reports")

    public func downloadCountsBySource(in period: ReportPeriod) async throws -> [SourcedDownloadCount] {
        let rows = try await client.query("""
            SELECT asset, site, source, COUNT(*) AS downloads
            FROM downloads WHERE at >= \(period.since.epochMilliseconds) AND at < \(period.until.epochMilliseconds)
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

    public func downloadCountsByDay(in period: ReportPeriod, utcOffset: Int) async throws -> [AssetDayCount] {
        let rows = try await client.query("""
            SELECT (at / 1000 + \(utcOffset)) / 86400 AS day, asset, site, source, COUNT(*) AS downloads
            FROM downloads WHERE at >= \(period.since.epochMilliseconds) AND at < \(period.until.epochMilliseconds)
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

    public func lastDownloads(before until: Date) async throws -> [LastDownload] {
        let rows = try await client.query("""
            SELECT asset, site, MAX(at) AS last FROM downloads WHERE at < \(until.epochMilliseconds)
            GROUP BY asset, site ORDER BY asset, site
            """, logger: Self.reportLogger)
        var last: [LastDownload] = []
        for try await (asset, site, at) in rows.decode((String, String, Int64).self) {
            last.append(LastDownload(asset: asset, site: site, at: Date(epochMilliseconds: at)))
        }
        return last
    }

    public func recordLogDownloads(_ downloads: [Download]) async throws -> Int {
        guard !downloads.isEmpty else { return 0 }
        return try await client.withTransaction(logger: Self.reportLogger) { connection in
            var stored = 0
            for download in downloads {
                let inserted = try await connection.query("""
                    INSERT INTO downloads (asset, site, page, at, visitor, agent, source, dedupe_key)
                    VALUES (\(download.asset), \(download.site), \(download.page), \(download.at.epochMilliseconds),
                            \(download.visitor), \(download.agent.rawValue), \(download.source.rawValue), \(download.dedupeKey))
                    ON CONFLICT (dedupe_key) DO NOTHING
                    RETURNING id
                    """, logger: Self.reportLogger)
                for try await _ in inserted { stored += 1 }
            }
            return stored
        }
    }
}
