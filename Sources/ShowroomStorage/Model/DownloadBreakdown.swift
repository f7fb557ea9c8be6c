import Foundation

/// How often one asset was downloaded from one site in a period, through one route (counted link or access log).
public struct SourcedDownloadCount: Sendable, Hashable {
    public var asset: String
    public var site: String
    public var source: DownloadSource
    public var downloads: Int

    public init(asset: String, site: String, source: DownloadSource, downloads: Int) {
        self.asset = asset
        self.site = site
        self.source = source
        self.downloads = downloads
    }
}

/// Downloads of one asset from one site on one calendar day (`2026-03-15`, in the time zone the report asked for).
public struct AssetDayCount: Sendable, Hashable {
    public var asset: String
    public var site: String
    public var day: String
    public var source: DownloadSource
    public var downloads: Int

    public init(asset: String, site: String, day: String, source: DownloadSource, downloads: Int) {
        self.asset = asset
        self.site = site
        self.day = day
        self.source = source
        self.downloads = downloads
    }
}

/// The most recent download of one asset from one site.
public struct LastDownload: Sendable, Hashable {
    public var asset: String
    public var site: String
    public var at: Date

    public init(asset: String, site: String, at: Date) {
        self.asset = asset
        self.site = site
        self.at = at
    }
}
