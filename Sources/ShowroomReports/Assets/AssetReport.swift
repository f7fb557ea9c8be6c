import Foundation
import ShowroomStorage
import ShowroomWorkspace

/// Which library assets pay off: the catalogue's costs and licences, the latest build's usage, and the
/// collector's downloads in one period, per asset and in the sections a marketing lead asks for.
///
/// Built by `AssetReport.compile` (pure, tested on fixtures) from what `AssetReport.make` loads.
public struct AssetReport: Sendable {
    /// The period whose downloads count.
    package var period: ReportPeriod
    /// The offset days are read at.
    package var calendar: ReportCalendar
    /// The site the report is limited to: only its uses and its downloads count.
    package var site: String?
    /// The kind of asset the report is limited to.
    package var kind: String?
    /// When the report was made: licence expiry is measured from here.
    package var asOf: Date

    /// Every catalogue asset in scope, most downloaded first, then most expensive, then by id.
    package var assets: [AssetLine]
    /// Assets no page uses, dearest first.
    package var neverUsed: [String]
    /// What the never-used assets cost, per currency.
    package var moneySunk: [Money]
    /// Downloadable assets that pages use, downloaded not once in the period.
    package var usedNeverDownloaded: [String]
    /// Up to ten assets with the most downloads in the period.
    package var mostDownloaded: [String]
    /// Licences that end within 30 days of `asOf` (or already ended), soonest first.
    package var expiringLicences: [ExpiringLicence]
    /// Ids that pages use or visitors downloaded but that the catalogue does not have.
    package var missingAssets: [MissingAsset]
    /// Downloads on every day of the period (zeros included), oldest first.
    package var downloadsByDay: [DailyDownloads]
    /// The figures of every asset in scope together.
    package var totals: Totals
    /// Photos on pages that visitors cannot download, most viewed first: judged by their exposure, not downloads.
    package var exposedPhotos: [String] = []
    /// Small pictures of the image assets for the HTML page, by asset id (`data:` URIs, or `file:` URLs of large
    /// files); filled by `make`, empty from `compile`.
    package var thumbnails: [String: String] = [:]

    /// The whole report in numbers.
    package struct Totals: Sendable, Hashable {
        /// Assets in scope.
        package var assets: Int
        /// What they cost, per currency.
        package var cost: [Money]
        /// Their downloads in the period.
        package var downloads: DownloadTally
    }
}

/// One asset's line in the report.
package struct AssetLine: Sendable, Hashable {
    /// The asset's id in the catalogue.
    package var id: String
    /// Its kind: photo, brochure, video, logo or other.
    package var kind: String
    /// Its title in the catalogue.
    package var title: String
    /// Who in the team looks after it, when the catalogue says.
    package var owner: String?
    /// What it cost, in `currency`.
    package var cost: Double
    /// The currency of `cost`, as the catalogue writes it.
    package var currency: String
    /// Whether visitors can download it: only then does never being downloaded matter.
    package var downloadable: Bool
    /// `YYYY-MM-DD`, when the licence ends.
    package var licenceExpiry: String?
    /// The sites whose pages use it, sorted.
    package var sites: [String]
    /// Distinct pages (site and URL) that use it.
    package var pages: Int
    /// Exposure: the page views in the period of the pages that use it, which judges a photo nobody can download.
    package var pageViews: Int = 0
    /// `cost / (pageViews / 1000)`, to the cent; nil without page views.
    package var costPerThousandViews: Double?
    /// Its downloads in the period, by route.
    package var downloads: DownloadTally
    /// Downloads in the period per site, for sites with at least one.
    package var downloadsBySite: [String: Int]
    /// `cost / downloads`, to the cent; nil when there were no downloads.
    package var costPerDownload: Double?
    /// `cost / pages`, to the cent; nil when no page uses it.
    package var costPerUse: Double?
    /// The latest download before the end of the period (possibly before it began).
    package var lastDownload: Date?
}

/// Downloads counted at the collector's `/dl` link and found in access logs; one download is never in both.
package struct DownloadTally: Sendable, Hashable {
    /// Downloads counted at the `/dl` link.
    package var link: Int
    /// Downloads found in access logs.
    package var log: Int
    /// Both together.
    package var total: Int { link + log }

    /// A tally starting from these counts.
    package init(link: Int = 0, log: Int = 0) {
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
package struct Money: Sendable, Hashable {
    /// How much.
    package var amount: Double
    /// The currency, as the catalogue writes it.
    package var currency: String

    /// An amount of `currency`.
    package init(amount: Double, currency: String) {
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
package struct ExpiringLicence: Sendable, Hashable {
    /// The asset's id.
    package var asset: String
    /// The day the licence ends, `YYYY-MM-DD`.
    package var expiry: String
    /// Days from the report's day to `expiry`; negative once it has passed.
    package var daysLeft: Int

    /// A licence as the report lists it.
    package init(asset: String, expiry: String, daysLeft: Int) {
        self.asset = asset
        self.expiry = expiry
        self.daysLeft = daysLeft
    }
}

/// An asset id that the usage index or the download counts name but the catalogue does not have.
package struct MissingAsset: Sendable, Hashable {
    /// The id that pages use or visitors downloaded.
    package var id: String
    /// Where pages use it, by site, page and source file.
    package var uses: [UsageIndex.Use]
    /// Its downloads in the period.
    package var downloads: Int
}

/// Downloads on one day of the period.
package struct DailyDownloads: Sendable, Hashable {
    /// The day, `YYYY-MM-DD` at the report's offset.
    package var day: String
    /// That day's downloads, by route.
    package var downloads: DownloadTally
}
