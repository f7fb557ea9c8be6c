import Foundation
import ShowroomStorage
import ShowroomWorkspace

/// Which library assets pay off: the catalogue's costs and licences, the latest build's usage, and the
/// collector's downloads in one period, per asset and in the sections a marketing lead asks for.
///
/// Built by `AssetReport.compile` (pure, tested on fixtures) from what `AssetReport.make` loads.
public struct AssetReport: Sendable {
    public var period: ReportPeriod
    public var calendar: ReportCalendar
    /// The site the report is limited to: only its uses and its downloads count.
    public var site: String?
    /// The kind of asset the report is limited to.
    public var kind: String?
    /// When the report was made: licence expiry is measured from here.
    public var asOf: Date

    /// Every catalogue asset in scope, most downloaded first, then most expensive, then by id.
    public var assets: [AssetLine]
    /// Assets no page uses, with the money sunk in them (per currency).
    public var neverUsed: [String]
    public var moneySunk: [Money]
    /// Downloadable assets that pages use, downloaded not once in the period.
    public var usedNeverDownloaded: [String]
    /// Up to ten assets with the most downloads in the period.
    public var mostDownloaded: [String]
    /// Licences that end within 30 days of `asOf` (or already ended), soonest first.
    public var expiringLicences: [ExpiringLicence]
    /// Ids that pages use or visitors downloaded but that the catalogue does not have.
    public var missingAssets: [MissingAsset]
    /// Downloads on every day of the period (zeros included), oldest first.
    public var downloadsByDay: [DailyDownloads]
    public var totals: Totals
    /// Photos on pages that visitors cannot download, most viewed first: judged by their exposure, not downloads.
    public var exposedPhotos: [String] = []
    /// Small pictures of the image assets for the HTML page, by asset id (`data:` URIs, or `file:` URLs of large
    /// files); filled by `make`, empty from `compile`.
    public var thumbnails: [String: String] = [:]

    /// The whole report in numbers.
    public struct Totals: Sendable, Hashable {
        public var assets: Int
        public var cost: [Money]
        public var downloads: DownloadTally
    }
}

/// One asset's line in the report.
public struct AssetLine: Sendable, Hashable {
    public var id: String
    public var kind: String
    public var title: String
    public var owner: String?
    public var cost: Double
    public var currency: String
    public var downloadable: Bool
    /// `YYYY-MM-DD`, when the licence ends.
    public var licenceExpiry: String?
    /// The sites whose pages use it, sorted.
    public var sites: [String]
    /// Distinct pages (site and URL) that use it.
    public var pages: Int
    /// Exposure: the page views in the period of the pages that use it, which judges a photo nobody can download.
    public var pageViews: Int = 0
    /// `cost / (pageViews / 1000)`, to the cent; nil without page views.
    public var costPerThousandViews: Double?
    public var downloads: DownloadTally
    /// Downloads in the period per site, for sites with at least one.
    public var downloadsBySite: [String: Int]
    /// `cost / downloads`, to the cent; nil when there were no downloads.
    public var costPerDownload: Double?
    /// `cost / pages`, to the cent; nil when no page uses it.
    public var costPerUse: Double?
    /// The latest download before the end of the period (possibly before it began).
    public var lastDownload: Date?
}

/// Downloads counted at the collector's `/dl` link and found in access logs; one download is never in both.
public struct DownloadTally: Sendable, Hashable {
    public var link: Int
    public var log: Int
    public var total: Int { link + log }

    public init(link: Int = 0, log: Int = 0) {
        self.link = link
        self.log = log
    }

    mutating func add(_ count: Int, from source: DownloadSource) {
        switch source {
        case .link: link += count
        case .log: log += count
        }
    }
}

/// An amount in one currency.
public struct Money: Sendable, Hashable {
    public var amount: Double
    public var currency: String

    public init(amount: Double, currency: String) {
        self.amount = amount
        self.currency = currency
    }

    /// Sums amounts per currency, in currency order.
    static func totals(_ amounts: [(Double, String)]) -> [Money] {
        Dictionary(amounts.map { ($0.1, $0.0) }, uniquingKeysWith: +)
            .map { Money(amount: $0.value, currency: $0.key) }
            .sorted { $0.currency < $1.currency }
    }
}

/// A licence that is about to end (or has ended: `daysLeft` is then negative).
public struct ExpiringLicence: Sendable, Hashable {
    public var asset: String
    public var expiry: String
    public var daysLeft: Int

    public init(asset: String, expiry: String, daysLeft: Int) {
        self.asset = asset
        self.expiry = expiry
        self.daysLeft = daysLeft
    }
}

/// An asset id that the usage index or the download counts name but the catalogue does not have.
public struct MissingAsset: Sendable, Hashable {
    public var id: String
    public var uses: [UsageIndex.Use]
    public var downloads: Int
}

/// Downloads on one day of the period.
public struct DailyDownloads: Sendable, Hashable {
    public var day: String
    public var downloads: DownloadTally
}
