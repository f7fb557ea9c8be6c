import Foundation
import ShowroomStorage
import ShowroomReports
import Testing

/// `showroom report leads` on a small store whose figures are worked out by hand: four leads in 1 to 3 March 2026
/// in Beijing (UTC+08:00), from a campaign, a search, another campaign and a visitor without an id.
@Suite("Leads report")
struct LeadsReportTests {
    static let beijing = ReportCalendar(utcOffset: 8 * 3600)
    static let period = try! beijing.period(since: "2026-03-01", until: "2026-03-04")
    static func visitor(_ number: Int) -> String { "visitor-000000000000000\(number)" }

    static func view(_ number: Int, _ site: String, _ page: String, _ at: String, touch: Touch.Channel? = nil, source: String? = nil,
                     campaign: String? = nil) -> TrackedEvent {
        let date = ReportFixture.date(at)
        var event = TrackedEvent(site: site, page: page, type: .pageview, visitor: visitor(number), occurredAt: date, receivedAt: date)
        event.touch = touch.map { Touch(channel: $0, source: source, medium: $0 == .campaign ? "cpc" : nil, campaign: campaign,
                                        site: site, page: page, at: date) }
        return event
    }

    static let events: [TrackedEvent] = [
        view(1, "alpha", "/", "2026-03-01T02:00:00Z", touch: .campaign, source: "baidu", campaign: "spring"),
        view(1, "beta", "/specs/", "2026-03-01T02:05:00Z", touch: .fleet, source: "alpha.example"),
        view(1, "beta", "/after/", "2026-03-01T02:20:00Z"),                 // after the lead: not in its journey
        view(2, "alpha", "/", "2026-03-02T03:00:00Z", touch: .campaign, source: "baidu", campaign: "spring"),
        view(3, "alpha", "/", "2026-03-02T12:00:00Z", touch: .search, source: "www.baidu.com"),
        view(4, "alpha", "/", "2026-03-02T13:00:00Z", touch: .campaign, source: "wechat", campaign: "summer"),
        view(5, "alpha", "/", "2026-02-20T13:00:00Z", touch: .campaign, source: "wechat", campaign: "winter"),  // before the period
    ]

    static func lead(_ site: String, model: String, dealer: String, phone: String, visitor: String?, at: String) -> Lead {
        Lead(site: site, page: "/", name: "Li Wei", phone: phone, model: model, city: "Hangzhou", dealer: dealer, visitor: visitor,
             consentVersion: "2026-03", createdAt: ReportFixture.date(at))
    }

    static let leads: [Lead] = [
        lead("beta", model: "aurora", dealer: "d1", phone: "13800000001", visitor: visitor(1), at: "2026-03-01T02:10:00Z"),
        lead("alpha", model: "nova", dealer: "d2", phone: "13800000003", visitor: visitor(3), at: "2026-03-02T12:30:00Z"),
        lead("alpha", model: "aurora", dealer: "d1", phone: "13800000004", visitor: visitor(4), at: "2026-03-02T13:05:00Z"),
        lead("alpha", model: "aurora", dealer: "d1", phone: "13800000009", visitor: nil, at: "2026-03-03T01:00:00Z"),
        lead("alpha", model: "aurora", dealer: "d1", phone: "13800000008", visitor: nil, at: "2026-03-05T01:00:00Z"),  // after the period
    ]

    static func report(site: String? = nil) async throws -> LeadsReport {
        try await ReportFixture.withStore([]) { path in
            let store = try SQLiteStore(path: path)
            // Each visitor's landings before their lead, as the collector would have stored them.
            for event in events { try await store.record([event]) }
            for lead in leads { _ = try await store.record(lead, dedupeWindow: 60) }
            try await store.close()
            return try await LeadsReport.make(LeadsReport.Options(
                workspace: ReportFixture.workspace, database: "sqlite:\(path)", period: period, calendar: beijing, site: site),
                now: ReportFixture.asOf)
        }
    }

    @Test func leadsAreCountedBySiteModelAndDealerWithinThePeriod() async throws {
        let report = try await Self.report()
        #expect(report.leads.count == 4)
        #expect(report.bySite == [Tally(key: "alpha", leads: 3), Tally(key: "beta", leads: 1)])
        #expect(report.byModel == [Tally(key: "aurora", leads: 3), Tally(key: "nova", leads: 1)])
        #expect(report.byDealer == [Tally(key: "d1", leads: 3), Tally(key: "d2", leads: 1)])
    }

    @Test func leadsAreCreditedToTheSourceAndCampaignOfTheirLatestTouch() async throws {
        let report = try await Self.report()
        #expect(report.bySource == [Tally(key: "campaign · baidu", leads: 1), Tally(key: "campaign · wechat", leads: 1),
                                    Tally(key: "search · www.baidu.com", leads: 1), Tally(key: "unknown", leads: 1)])
        #expect(report.byCampaign == [Tally(key: "(none)", leads: 2), Tally(key: "spring", leads: 1), Tally(key: "summer", leads: 1)])
    }

    @Test func leadsAreCountedByLocalDayAndHour() async throws {
        let report = try await Self.report()
        #expect(report.byDay == [Tally(key: "2026-03-01", leads: 1), Tally(key: "2026-03-02", leads: 2), Tally(key: "2026-03-03", leads: 1)])
        var hours = Array(repeating: 0, count: 24)
        for hour in [10, 20, 21, 9] { hours[hour] = 1 }
        #expect(report.byHour == hours)
    }

    @Test func eachCampaignsVisitorsAreSetAgainstThoseWhoBooked() async throws {
        #expect(try await Self.report().conversion == [
            CampaignConversion(campaign: "spring", visitors: 2, booked: 1),
            CampaignConversion(campaign: "summer", visitors: 1, booked: 1),
        ])
    }

    @Test func eachLeadCarriesTheJourneyBeforeItAcrossSites() async throws {
        let first = try #require(try await Self.report().leads.first)
        #expect(first.journey.map { "\($0.site) \($0.page)" } == ["alpha /", "beta /specs/"])
        #expect(first.touches?.first.campaign == "spring" && first.touches?.latest.campaign == "spring")
        #expect(try await Self.report().leads.last?.journey == [])
    }

    @Test func oneSitesReportHasOnlyItsLeads() async throws {
        let report = try await Self.report(site: "beta")
        #expect(report.leads.map(\.lead.phone) == ["13800000001"])
    }

    @Test func theTableShowsEachLeadWithItsTouchesAndJourneyInLocalTime() async throws {
        let text = try await Self.report().rendered(as: .table)
        #expect(text.contains("2026-03-01 10:10 · beta / · aurora · d1 · Li Wei 13800000001"))
        #expect(text.contains("first: campaign · baidu · spring · latest: campaign · baidu · spring"))
        #expect(text.contains("journey: alpha / 10:00 → beta /specs/ 10:05\n"))
    }

    @Test func theCSVIsTheCallListWithOneRowPerLead() async throws {
        let lines = try await Self.report().rendered(as: .csv).components(separatedBy: "\r\n")
        try #require(lines.count == 6)  // header, four leads, the final line break
        #expect(lines[0].hasPrefix("created,site,page,model,dealer,city,name,phone,first_channel"))
        #expect(lines[1] == "2026-03-01 10:10,beta,/,aurora,d1,Hangzhou,Li Wei,13800000001,campaign,baidu,spring,campaign,baidu,spring,cpc,alpha / 10:00 → beta /specs/ 10:05")
    }

    @Test func theJSONNamesItsSchemaAndCarriesTheFigures() async throws {
        let json = try await Self.report().rendered(as: .json)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["schema"] as? String == "showroom.leads-report/1")
        #expect(object["total"] as? Int == 4)
        let conversion = try #require(object["conversion"] as? [[String: Any]])
        #expect(conversion.first?["rate"] as? Double == 0.5)
        let leads = try #require(object["leads"] as? [[String: Any]])
        #expect((leads.first?["journey"] as? [Any])?.count == 2)
    }

    @Test func theHTMLPageChartsDaysHoursAndSources() async throws {
        let html = try await Self.report().rendered(as: .html)
        #expect(html.hasPrefix("<!doctype html>"))
        for heading in ["Leads by day", "Leads by hour of day", "By source", "By campaign", "Visitors to leads, per campaign", "Leads and their journeys"] {
            #expect(html.contains(">\(heading)</h2>"), "no \(heading)")
        }
        #expect(html.components(separatedBy: "<svg").count - 1 == 7)
    }
}
