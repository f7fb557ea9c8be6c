import Foundation

/// A half-open time range `[since, until)` that a report covers.
public struct ReportPeriod: Sendable, Hashable {
    public var since: Date
    public var until: Date

    public init(since: Date, until: Date) {
        self.since = since
        self.until = until
    }
}

/// How often one asset was downloaded from one site in a period.
public struct DownloadCount: Sendable, Hashable {
    public var asset: String
    public var site: String
    public var downloads: Int
    /// Distinct visitor ids among those downloads (downloads without an id are not included).
    public var visitors: Int

    public init(asset: String, site: String, downloads: Int, visitors: Int) {
        self.asset = asset
        self.site = site
        self.downloads = downloads
        self.visitors = visitors
    }
}

/// Events in one hour of the day (0–23, in the time zone the report asked for), summed over the period.
public struct HourOfDayCount: Sendable, Hashable {
    public var hour: Int
    public var events: Int

    public init(hour: Int, events: Int) {
        self.hour = hour
        self.events = events
    }
}

/// Events on one calendar day (`2026-03-15`, in the time zone the report asked for).
public struct DayCount: Sendable, Hashable {
    public var day: String
    public var events: Int

    public init(day: String, events: Int) {
        self.day = day
        self.events = events
    }
}

/// How many events and distinct visitors reached one step of the booking form.
public struct FunnelStepCount: Sendable, Hashable {
    public var step: EventType
    public var events: Int
    public var visitors: Int

    public init(step: EventType, events: Int, visitors: Int) {
        self.step = step
        self.events = events
        self.visitors = visitors
    }
}

/// Everything in the store, counted: for health pages, tests and the load check.
public struct StoreTotals: Sendable, Hashable {
    public var events: Int
    public var downloads: Int

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
