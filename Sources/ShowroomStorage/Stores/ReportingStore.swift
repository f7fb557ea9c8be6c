import Foundation
import Logging

/// The queries behind `showroom assets report` and `showroom assets ingest-logs`, on top of the collector's `Store`.
///
/// Kept apart from `Store` because the service never needs them: they read whole periods and write access-log
/// batches. Both stores implement it and pass one contract suite (`ReportingStoreContractTests`).
public protocol ReportingStore: Store {
    /// Downloads per asset, site and source in `[since, until)`, ordered by asset, site, source.
    func downloadCountsBySource(in period: ReportPeriod) async throws -> [SourcedDownloadCount]

    /// Downloads per asset, site, calendar day (at `utcOffset` seconds from UTC) and source in the period,
    /// ordered by day, asset, site, source; only days with downloads.
    func downloadCountsByDay(in period: ReportPeriod, utcOffset: Int) async throws -> [AssetDayCount]

    /// The latest download of each asset from each site before `until` (however long ago), ordered by asset, site.
    func lastDownloads(before until: Date) async throws -> [LastDownload]

    /// Page views per site and page in `[since, until)`, ordered by site, page; only pages with views.
    func pageViews(in period: ReportPeriod) async throws -> [PageViewCount]

    /// Stores access-log downloads in one transaction, skipping each whose `dedupeKey` is already stored
    /// (so ingesting a log twice adds nothing). Returns how many were new.
    func recordLogDownloads(_ downloads: [Download]) async throws -> Int
}
