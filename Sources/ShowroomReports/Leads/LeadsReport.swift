import Foundation
import ShowroomStorage

/// `showroom report leads`: the period's test-drive leads counted by site, model, dealer, source and campaign, by
/// day and by hour; how many of each campaign's visitors booked; and every lead with where it came from and the
/// journey before it: a dealer's call list and a marketer's campaign review from one place.
///
/// A lead is credited to its latest touch (the last landing that was neither direct nor from another fleet site).
public struct LeadsReport: Sendable {
    /// The period read, `[since, until)`.
    public var period: ReportPeriod
    /// The time zone days and hours are read in.
    public var calendar: ReportCalendar
    /// The one site asked for, or nil for every site.
    public var site: String?
    /// When the report was made.
    public var generatedAt: Date
    /// Every lead of the period, oldest first, with its touches and journey.
    public var leads: [LeadJourney]
    /// Leads per site, per model, per dealer, per source and per campaign: most first, then by name.
    public var bySite: [Tally]
    /// Leads per model.
    public var byModel: [Tally]
    /// Leads per dealer.
    public var byDealer: [Tally]
    /// Leads per source of their latest touch (`search · www.baidu.com`, `campaign · wechat`, `direct`).
    public var bySource: [Tally]
    /// Leads per campaign of their latest touch (`(none)` without one).
    public var byCampaign: [Tally]
    /// Leads on every day of the period, oldest first, zeros included.
    public var byDay: [Tally]
    /// Leads in each hour of the day, 0 to 23.
    public var byHour: [Int]
    /// Per campaign: the visitors who arrived by it in the period, and how many of them booked.
    public var conversion: [CampaignConversion]
}

/// A count of leads under one name.
public struct Tally: Sendable, Hashable {
    /// What was counted: a site id, a model, a dealer, a source, a campaign, a day.
    public var key: String
    /// How many leads.
    public var leads: Int

    /// A count.
    public init(key: String, leads: Int) {
        self.key = key
        self.leads = leads
    }
}

/// One lead, where its visitor came from, and the pages they saw before booking.
public struct LeadJourney: Sendable, Hashable {
    /// The lead as stored.
    public var lead: Lead
    /// The visitor's first and latest touch when they booked; nil without a visitor id or a landing.
    public var touches: Touches?
    /// The visitor's events in the `LeadsReport.journeyDays` before the lead, oldest first, at most
    /// `LeadsReport.journeySteps` of the latest.
    public var journey: [JourneyStep]
}

/// How one campaign's visitors turned into leads.
public struct CampaignConversion: Sendable, Hashable {
    /// The `utm_campaign`.
    public var campaign: String
    /// Visitors whose first or latest touch in the period was this campaign.
    public var visitors: Int
    /// How many of them made a lead in the period.
    public var booked: Int

    /// The figures of one campaign.
    public init(campaign: String, visitors: Int, booked: Int) {
        self.campaign = campaign
        self.visitors = visitors
        self.booked = booked
    }

    /// `booked` of `visitors`, 0 without visitors.
    public var rate: Double { visitors > 0 ? Double(booked) / Double(visitors) : 0 }
}

extension LeadsReport {
    /// How far back a lead's journey is read.
    public static let journeyDays = 30
    /// The most steps shown of a journey (the latest).
    public static let journeySteps = 50
    /// The campaign name of touches without one.
    public static let noCampaign = "(none)"

    /// What `showroom report leads` was asked for.
    public struct Options: Sendable {
        /// The workspace folder.
        public var workspace: URL
        /// The collector's store (`sqlite:PATH` or `postgres://…`).
        public var database: String
        /// The period read.
        public var period: ReportPeriod
        /// The time zone of days and hours.
        public var calendar: ReportCalendar
        /// Only this site's leads.
        public var site: String?

        /// The options of one report.
        public init(workspace: URL, database: String = ReportStore.defaultDatabase, period: ReportPeriod, calendar: ReportCalendar,
                    site: String? = nil) {
            self.workspace = workspace
            self.database = database
            self.period = period
            self.calendar = calendar
            self.site = site
        }
    }

    /// Reads the period's leads, their touches and journeys, and every visitor's touches, from the store.
    public static func make(_ options: Options, now: Date = Date()) async throws -> LeadsReport {
        let workspace = try ReportWorkspace.load(options.workspace)
        if let site = options.site { try workspace.requireSite(site) }
        let period = options.period, site = options.site
        let (entries, visitors) = try await ReportStore.with(database: options.database, workspace: workspace.root) { store in
            guard let store = store as? any JourneyStore else { throw ReportError("this store cannot follow visitors across sites") }
            let leads = try await store.leads(since: period.since)
                .filter { $0.createdAt < period.until && (site == nil || $0.site == site) }
            let touches = try await store.leadTouches(since: period.since)
            var entries: [LeadJourney] = []
            for lead in leads {
                var journey: [JourneyStep] = []
                if let visitor = lead.visitor {
                    let before = ReportPeriod(since: lead.createdAt.addingTimeInterval(-Double(journeyDays) * 86_400),
                                              until: lead.createdAt.addingTimeInterval(0.001))
                    journey = Array(try await store.journey(visitor: visitor, in: before).suffix(journeySteps))
                }
                entries.append(LeadJourney(lead: lead, touches: lead.id.flatMap { touches[$0] }, journey: journey))
            }
            return (entries, try await store.visitorTouches(in: period))
        }
        return LeadsReport(entries: entries, visitors: visitors, options: options, now: now)
    }

    /// Adds up `entries` (the period's leads) and `visitors` (everyone's touches) as the report shows them.
    init(entries: [LeadJourney], visitors: [String: Touches], options: Options, now: Date) {
        let calendar = options.calendar, period = options.period
        func tally(_ key: (LeadJourney) -> String) -> [Tally] {
            Dictionary(grouping: entries, by: key).map { Tally(key: $0.key, leads: $0.value.count) }
                .sorted { ($0.leads, $1.key) > ($1.leads, $0.key) }
        }
        var byHour = Array(repeating: 0, count: 24)
        for entry in entries {
            let seconds = Int((entry.lead.createdAt.timeIntervalSince1970 + Double(calendar.utcOffset)).rounded(.down))
            byHour[((seconds % 86_400 + 86_400) % 86_400) / 3600] += 1
        }
        let perDay = Dictionary(grouping: entries) { calendar.dayText($0.lead.createdAt) }
        self.init(
            period: period, calendar: calendar, site: options.site, generatedAt: now, leads: entries,
            bySite: tally(\.lead.site), byModel: tally(\.lead.model), byDealer: tally(\.lead.dealer),
            bySource: tally { Self.sourceText($0.touches?.latest) }, byCampaign: tally { $0.touches?.latest.campaign ?? Self.noCampaign },
            byDay: calendar.days(in: period).map { Tally(key: $0, leads: perDay[$0]?.count ?? 0) }, byHour: byHour,
            conversion: Self.conversion(visitors: visitors, entries: entries, period: period))
    }

    /// A touch's source as the report names it.
    static func sourceText(_ touch: Touch?) -> String {
        guard let touch else { return "unknown" }
        switch touch.channel {
        case .direct: return "direct"
        default: return touch.source.map { "\(touch.channel.rawValue) · \($0)" } ?? touch.channel.rawValue
        }
    }

    /// Per campaign, the visitors whose first or latest touch in the period was it, and those of them with a lead.
    static func conversion(visitors: [String: Touches], entries: [LeadJourney], period: ReportPeriod) -> [CampaignConversion] {
        let booked = Set(entries.compactMap(\.lead.visitor))
        var arrived: [String: Set<String>] = [:]
        for (visitor, touches) in visitors {
            for touch in [touches.first, touches.latest] where touch.at >= period.since && touch.at < period.until {
                if let campaign = touch.campaign { arrived[campaign, default: []].insert(visitor) }
            }
        }
        return arrived.map { CampaignConversion(campaign: $0.key, visitors: $0.value.count, booked: $0.value.intersection(booked).count) }
            .sorted { ($0.booked, $0.visitors, $1.campaign) > ($1.booked, $1.visitors, $0.campaign) }
    }
}
