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
    public var asset: String
    public var site: String
    /// The page the link was on; empty when unknown.
    public var page: String
    public var at: Date
    public var visitor: String?
    public var agent: UserAgentClass
    public var source: DownloadSource
    /// For `log` rows: a key unique to the log line, so ingesting the same log twice counts nothing twice.
    public var dedupeKey: String?

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
