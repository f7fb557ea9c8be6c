import Foundation
import GRDB

extension SQLiteStore: ReportingStore {
    /// Reports run on a connection of their own: they are rare, and the collector's pool stays private to the service.
    private func reportConnection() throws -> DatabaseQueue {
        var configuration = Configuration()
        configuration.busyMode = .timeout(5)
        return try DatabaseQueue(path: path, configuration: configuration)
    }

    public func downloadCountsBySource(in period: ReportPeriod) async throws -> [SourcedDownloadCount] {
        try await reportConnection().read { db in
            try Row.fetchAll(db, sql: """
                SELECT asset, site, source, COUNT(*) AS downloads
                FROM downloads WHERE at >= ? AND at < ?
                GROUP BY asset, site, source
                ORDER BY asset, site, source
                """, arguments: [period.since.epochMilliseconds, period.until.epochMilliseconds]
            ).compactMap { row in
                DownloadSource(rawValue: row["source"]).map {
                    SourcedDownloadCount(asset: row["asset"], site: row["site"], source: $0, downloads: row["downloads"])
                }
            }
        }
    }

    public func downloadCountsByDay(in period: ReportPeriod, utcOffset: Int) async throws -> [AssetDayCount] {
        try await reportConnection().read { db in
            try Row.fetchAll(db, sql: """
                SELECT (at / 1000 + ?) / 86400 AS day, asset, site, source, COUNT(*) AS downloads
                FROM downloads WHERE at >= ? AND at < ?
                GROUP BY day, asset, site, source
                ORDER BY day, asset, site, source
                """, arguments: [utcOffset, period.since.epochMilliseconds, period.until.epochMilliseconds]
            ).compactMap { row in
                DownloadSource(rawValue: row["source"]).map {
                    AssetDayCount(asset: row["asset"], site: row["site"], day: dayString(daysSinceEpoch: row["day"]),
                                  source: $0, downloads: row["downloads"])
                }
            }
        }
    }

    public func lastDownloads(before until: Date) async throws -> [LastDownload] {
        try await reportConnection().read { db in
            try Row.fetchAll(db, sql: """
                SELECT asset, site, MAX(at) AS last FROM downloads WHERE at < ?
                GROUP BY asset, site ORDER BY asset, site
                """, arguments: [until.epochMilliseconds]
            ).map { LastDownload(asset: $0["asset"], site: $0["site"], at: Date(epochMilliseconds: $0["last"])) }
        }
    }

    public func recordLogDownloads(_ downloads: [Download]) async throws -> Int {
        guard !downloads.isEmpty else { return 0 }
        return try await reportConnection().write { db in
            let statement = try db.cachedStatement(sql: """
                INSERT INTO downloads (asset, site, page, at, visitor, agent, source, dedupe_key)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (dedupe_key) DO NOTHING
                """)
            var stored = 0
            for download in downloads {
                try statement.execute(arguments: [
                    download.asset, download.site, download.page, download.at.epochMilliseconds, download.visitor,
                    download.agent.rawValue, download.source.rawValue, download.dedupeKey,
                ])
                stored += db.changesCount
            }
            return stored
        }
    }
}
