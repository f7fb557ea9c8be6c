import Foundation

/// How often one asset was downloaded from one site in a period, through one route (counted link or access log).
public struct SourcedDownloadCount: Sendable, Hashable {
    /// The catalogue id of the asset.
    public var asset: String
    /// The id of the site it was downloaded from.
    public var site: String
    /// The route the downloads came by: the counted link or an access log.
    public var source: DownloadSource
    /// How many downloads, repeats already left out.
    public var downloads: Int

    /// One row of `ReportingStore.downloadCountsBySource`, as a store reads it.
    package init(asset: String, site: String, source: DownloadSource, downloads: Int) {
        self.asset = asset
        self.site = site
        self.source = source
        self.downloads = downloads
    }
}

/// Downloads of one asset from one site on one calendar day (`2026-03-15`, in the time zone the report asked for).
public struct AssetDayCount: Sendable, Hashable {
    /// The catalogue id of the asset.
    public var asset: String
    /// The id of the site it was downloaded from.
    public var site: String
    /// The day, `YYYY-MM-DD` at the report's UTC offset.
    public var day: String
    /// The route the downloads came by: the counted link or an access log.
    public var source: DownloadSource
    /// How many downloads that day.
    public var downloads: Int

    /// One row of `ReportingStore.downloadCountsByDay`, as a store reads it.
    package init(asset: String, site: String, day: String, source: DownloadSource, downloads: Int) {
        self.asset = asset
        self.site = site
        self.day = day
        self.source = source
        self.downloads = downloads
    }
}

/// The most recent download of one asset from one site.
public struct LastDownload: Sendable, Hashable {
    /// The catalogue id of the asset.
    public var asset: String
    /// The id of the site it was downloaded from.
    public var site: String
    /// When it happened: the asset report's "last download", however long before the period.
    public var at: Date

    /// One row of `ReportingStore.lastDownloads`, as a store reads it.
    package init(asset: String, site: String, at: Date) {
        self.asset = asset
        self.site = site
        self.at = at
    }
}
