import Foundation
import ShowroomStorage

/// When each site's audience is active (page views by hour of day and by day) and where visitors give up on the
/// test-drive booking form, for one period at one UTC offset.
public struct ActivityReport: Sendable {
    /// The period covered, `[since, until)`.
    package var period: ReportPeriod
    /// The UTC offset the hours and days are read at.
    package var calendar: ReportCalendar
    /// The one site asked for, or nil for every site with page views or booking events in the period.
    package var site: String?
    /// When the report was made, for the JSON's `generatedAt`.
    package var generatedAt: Date
    /// Busiest first.
    package var sites: [SiteActivity]
}

/// One site's activity.
package struct SiteActivity: Sendable, Hashable {
    /// The site id.
    package var site: String
    /// The site's title, shown beside its id.
    package var title: String
    /// Page views in the period: what orders the sites.
    package var pageviews: Int
    /// Page views in each hour of the day, 0 to 23.
    package var byHour: [Int]
    /// Page views on every day of the period, oldest first (zeros included).
    package var byDay: [DayCount]
    /// The three busiest hours, busiest first.
    package var peakHours: [Int]
    /// Whether the site offers the booking form.
    package var booking: Bool
    /// Every step of the form, in order: shown, started, field error, submitted.
    package var funnel: [FunnelStepCount]

    /// The step between which the most visitors are lost: from shown to started, or from started to submitted.
    package var giveUp: GiveUp? {
        let visitors = Dictionary(uniqueKeysWithValues: funnel.map { ($0.step, $0.visitors) })
        let shown = visitors[.bookingShown] ?? 0, started = visitors[.bookingStarted] ?? 0, submitted = visitors[.bookingSubmitted] ?? 0
        guard shown > 0 else { return nil }
        let beforeStarting = GiveUp(stage: "before starting the form", lost: max(shown - started, 0), of: shown)
        let afterStarting = GiveUp(stage: "after starting, before submitting", lost: max(started - submitted, 0), of: started)
        return beforeStarting.lost >= afterStarting.lost ? beforeStarting : afterStarting
    }
}

/// Where visitors leave the booking form: `lost` of the `of` visitors who reached the stage's start.
package struct GiveUp: Sendable, Hashable {
    /// Where they leave, in words for the report: before starting the form, or after starting it.
    package var stage: String
    /// Visitors who reached the stage's start but not its end.
    package var lost: Int
    /// Visitors who reached the stage's start.
    package var of: Int

    /// `lost` of `of` visitors leaving at `stage`.
    package init(stage: String, lost: Int, of: Int) {
        self.stage = stage
        self.lost = lost
        self.of = of
    }

    /// The share of visitors lost, 0 to 1; 0 when nobody reached the stage.
    package var share: Double { of > 0 ? Double(lost) / Double(of) : 0 }
}

extension ActivityReport {
    /// What `showroom report activity` was asked for.
    public struct Options: Sendable {
        /// The workspace, for the sites' ids, titles and booking forms.
        public var workspace: URL
        /// The collector's store (`--database`).
        public var database: String
        /// The period to report on.
        public var period: ReportPeriod
        /// The offset hours and days are read at (`--utc-offset`).
        public var calendar: ReportCalendar
        /// The one site to report on (`--site`); nil for every site with activity.
        public var site: String?

        /// The options of `showroom report activity`; the store defaults to the collector's.
        public init(workspace: URL, database: String = ReportStore.defaultDatabase, period: ReportPeriod, calendar: ReportCalendar, site: String? = nil) {
            self.workspace = workspace
            self.database = database
            self.period = period
            self.calendar = calendar
            self.site = site
        }
    }

    /// Reads each site's hours, days and funnel from the store.
    public static func make(_ options: Options, now: Date = Date()) async throws -> ActivityReport {
        let workspace = try ReportWorkspace.load(options.workspace)
        if let site = options.site { try workspace.requireSite(site) }
        let chosen = workspace.sites.filter { options.site == nil || $0.id == options.site }
            .map { (id: $0.id, title: $0.title, booking: $0.booking) }
        let period = options.period
        let calendar = options.calendar
        let days = calendar.days(in: period)
        // Sites are read concurrently: each is three queries, and the stores answer reads on several connections.
        let sites = try await ReportStore.with(database: options.database, workspace: workspace.root) { store in
            try await withThrowingTaskGroup(of: SiteActivity.self) { group in
                for site in chosen {
                    group.addTask {
                        let hours = try await store.eventCountsByHour(site: site.id, type: .pageview, in: period, utcOffset: calendar.utcOffset)
                        let byDay = try await store.eventCountsByDay(site: site.id, type: .pageview, in: period, utcOffset: calendar.utcOffset)
                        let funnel = try await store.bookingFunnel(site: site.id, in: period)
                        var byHour = Array(repeating: 0, count: 24)
                        for hour in hours where (0..<24).contains(hour.hour) { byHour[hour.hour] += hour.events }
                        let perDay = Dictionary(byDay.map { ($0.day, $0.events) }, uniquingKeysWith: +)
                        return SiteActivity(
                            site: site.id, title: site.title, pageviews: byHour.reduce(0, +), byHour: byHour,
                            byDay: days.map { DayCount(day: $0, events: perDay[$0] ?? 0) },
                            peakHours: Array(byHour.enumerated().filter { $0.element > 0 }
                                .sorted { ($0.element, $1.offset) > ($1.element, $0.offset) }.prefix(3).map(\.offset)),
                            booking: site.booking, funnel: funnel)
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
        }
        let shown = options.site == nil
            ? sites.filter { $0.pageviews > 0 || $0.funnel.contains { $0.events > 0 } }
            : sites
        return ActivityReport(period: period, calendar: calendar, site: options.site, generatedAt: now,
                              sites: shown.sorted { ($0.pageviews, $1.site) > ($1.pageviews, $0.site) })
    }
}
