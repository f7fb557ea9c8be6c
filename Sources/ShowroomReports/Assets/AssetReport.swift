import Foundation
import ShowroomStorage
import ShowroomWorkspace

/// Which library assets pay off: the catalogue's costs and licences, the latest build's usage, and the
/// collector's downloads in one period, per asset and in the sections a marketing lead asks for.
///
/// Built by `AssetReport.compile` (pure, tested on fixtures) from what `AssetReport.make` loads.
public struct AssetReport: Sendable {
    /// The period whose downloads count.
    public var period: ReportPeriod
    /// The offset days are read at.
    public var calendar: ReportCalendar
    /// The site the report is limited to: only its uses and its downloads count.
    public var site: String?
    /// The kind of asset the report is limited to.
    public var kind: String?
    /// When the report was made: licence expiry is measured from here.
    public var asOf: Date

    /// Every catalogue asset in scope, most downloaded first, then most expensive, then by id.
    public var assets: [AssetLine]
    /// Assets no page uses, dearest first.
    public var neverUsed: [String]
    /// What the never-used assets cost, per currency.
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
    /// The figures of every asset in scope together.
    public var totals: Totals

    /// The whole report in numbers.
    public struct Totals: Sendable, Hashable {
        /// Assets in scope.
        public var assets: Int
        /// What they cost, per currency.
        public var cost: [Money]
        /// Their downloads in the period.
        public var downloads: DownloadTally
    }
}

/// One asset's line in the report.
public struct AssetLine: Sendable, Hashable {
    /// The asset's id in the catalogue.
    public var id: String
    /// Its kind: photo, brochure, video, logo or other.
    public var kind: String
    /// Its title in the catalogue.
    public var title: String
    /// Who in the team looks after it, when the catalogue says.
    public var owner: String?
    /// What it cost, in `currency`.
    public var cost: Double
    /// The currency of `cost`, as the catalogue writes it.
    public var currency: String
    /// Whether visitors can download it: only then does never being downloaded matter.
    public var downloadable: Bool
    /// `YYYY-MM-DD`, when the licence ends.
    public var licenceExpiry: String?
    /// The sites whose pages use it, sorted.
    public var sites: [String]
    /// Distinct pages (site and URL) that use it.
    public var pages: Int
    /// Its downloads in the period, by route.
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
    /// Downloads counted at the `/dl` link.
    public var link: Int
    /// Downloads found in access logs.
    public var log: Int
    /// Both together.
    public var total: Int { link + log }

    /// A tally starting from these counts.
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
    /// How much.
    public var amount: Double
    /// The currency, as the catalogue writes it.
    public var currency: String

    /// An amount of `currency`.
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
    /// The asset's id.
    public var asset: String
    /// The day the licence ends, `YYYY-MM-DD`.
    public var expiry: String
    /// Days from the report's day to `expiry`; negative once it has passed.
    public var daysLeft: Int

    /// A licence as the report lists it.
    public init(asset: String, expiry: String, daysLeft: Int) {
        self.asset = asset
        self.expiry = expiry
        self.daysLeft = daysLeft
    }
}

/// An asset id that the usage index or the download counts name but the catalogue does not have.
public struct MissingAsset: Sendable, Hashable {
    /// The id that pages use or visitors downloaded.
    public var id: String
    /// Where pages use it, by site, page and source file.
    public var uses: [UsageIndex.Use]
    /// Its downloads in the period.
    public var downloads: Int
}

/// Downloads on one day of the period.
public struct DailyDownloads: Sendable, Hashable {
    /// The day, `YYYY-MM-DD` at the report's offset.
    public var day: String
    /// That day's downloads, by route.
    public var downloads: DownloadTally
}
