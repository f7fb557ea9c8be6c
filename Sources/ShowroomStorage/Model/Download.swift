import Foundation

/// Where a download count came from.
public enum DownloadSource: String, Sendable, Hashable, CaseIterable {
    /// A hit on the collector's counted `/dl/<asset-id>` link.
    case link
    /// A line of a web server's access log, ingested later (`assets ingest-logs`); deduplicated by its key.
    case log
}

/// The kind of client that fetched something, coarse enough to hold no personal data.
public enum UserAgentClass: String, Sendable, Hashable, CaseIterable {
    case desktop, mobile, tablet, bot, other
}

/// One download of a library asset, ready to store.
public struct Download: Sendable, Hashable {
    /// The catalogue id of the asset fetched (`assets/catalog.yaml`): what the reports count per.
    public var asset: String
    /// The id of the site whose counted link or host served it.
    public var site: String
    /// The page the link was on; empty when unknown.
    public var page: String
    /// When it was fetched: the duplicate check and the reports' periods and days go by it.
    public var at: Date
    /// The tracking snippet's visitor id from the link's `v=`; nil for log lines and visitors without one, whose
    /// downloads are never taken for repeats.
    public var visitor: String?
    /// The kind of client that fetched it, kept instead of the user agent itself (bots are never stored).
    public var agent: UserAgentClass
    /// Whether the counted link or an access log saw it: the reports show both, and only `link` rows are checked for a
    /// visitor's repeats.
    public var source: DownloadSource
    /// For `log` rows: a key unique to the log line, so ingesting the same log twice counts nothing twice.
    public var dedupeKey: String?

    /// A download as the counted link sees it; access-log ingestion passes `.log` and the line's dedupe key.
    public init(
        asset: String, site: String, page: String, at: Date, visitor: String?, agent: UserAgentClass,
        source: DownloadSource = .link, dedupeKey: String? = nil
    ) {
        self.asset = asset
        self.site = site
        self.page = page
        self.at = at
        self.visitor = visitor
        self.agent = agent
        self.source = source
        self.dedupeKey = dedupeKey
    }
}

/// What the store did with a download.
public enum DownloadOutcome: Sendable, Hashable {
    /// Stored and counted.
    case counted
    /// The same visitor fetched the same asset moments ago, or the log line was already ingested: not counted again.
    case duplicate
}

/// A download with the de-duplication window it is checked against: one row of a group-committed batch.
struct WindowedDownload: Sendable {
    var download: Download
    var window: TimeInterval
}
