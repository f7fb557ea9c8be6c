import Foundation

/// A half-open time range `[since, until)` that a report covers.
public struct ReportPeriod: Sendable, Hashable {
    /// The first moment included.
    public var since: Date
    /// The first moment no longer included.
    public var until: Date

    /// The period `[since, until)`; `ReportCalendar.period` makes one of whole days at an offset.
    public init(since: Date, until: Date) {
        self.since = since
        self.until = until
    }
}

/// How often one asset was downloaded from one site in a period.
public struct DownloadCount: Sendable, Hashable {
    /// The catalogue id of the asset.
    package var asset: String
    /// The id of the site it was downloaded from.
    package var site: String
    /// Downloads in the period, repeats already left out.
    package var downloads: Int
    /// Distinct visitor ids among those downloads (downloads without an id are not included).
    package var visitors: Int

    /// One row of `Store.downloadCounts`, as a store reads it.
    package init(asset: String, site: String, downloads: Int, visitors: Int) {
        self.asset = asset
        self.site = site
        self.downloads = downloads
        self.visitors = visitors
    }
}

/// Events in one hour of the day (0–23, in the time zone the report asked for), summed over the period.
public struct HourOfDayCount: Sendable, Hashable {
    /// The hour of the day, 0 to 23 at the report's offset.
    public var hour: Int
    /// Events in that hour, every day of the period together.
    public var events: Int

    /// One hour's count, as a store reads it.
    package init(hour: Int, events: Int) {
        self.hour = hour
        self.events = events
    }
}

/// Events on one calendar day (`2026-03-15`, in the time zone the report asked for).
public struct DayCount: Sendable, Hashable {
    /// The day, `YYYY-MM-DD` at the report's offset.
    public var day: String
    /// Events on that day.
    public var events: Int

    /// One day's count, as a store reads it (or as the activity report fills in a day without events).
    public init(day: String, events: Int) {
        self.day = day
        self.events = events
    }
}

/// How many events and distinct visitors reached one step of the booking form.
public struct FunnelStepCount: Sendable, Hashable {
    /// The step of the booking form, one of `EventType.bookingFunnel`.
    public var step: EventType
    /// Every event of the step, a visitor's repeats included.
    public var events: Int
    /// Distinct visitors who reached the step: what the funnel compares (events without a visitor id are left out).
    public var visitors: Int

    /// One step's counts, as a store reads them.
    package init(step: EventType, events: Int, visitors: Int) {
        self.step = step
        self.events = events
        self.visitors = visitors
    }
}

/// Everything in the store, counted: for health pages, tests and the load check.
public struct StoreTotals: Sendable, Hashable {
    /// Raw events stored (those past the retention are deleted; the rollups keep their counts).
    public var events: Int
    /// Downloads stored, from the counted link and from access logs.
    public var downloads: Int

    /// The totals as a store counts them.
    public init(events: Int, downloads: Int) {
        self.events = events
        self.downloads = downloads
    }
}

extension Date {
    /// Milliseconds since 1970, the unit both stores keep times in (portable, and exact for the reports' arithmetic).
    var epochMilliseconds: Int64 { Int64((timeIntervalSince1970 * 1000).rounded()) }

    init(epochMilliseconds: Int64) {
        self.init(timeIntervalSince1970: Double(epochMilliseconds) / 1000)
    }
}

/// Formats a day number (days since 1970-01-01) as `YYYY-MM-DD`.
func dayString(daysSinceEpoch: Int) -> String {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(secondsFromGMT: 0)!
    let date = Date(timeIntervalSince1970: Double(daysSinceEpoch) * 86_400)
    let parts = calendar.dateComponents([.year, .month, .day], from: date)
    return String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
}
