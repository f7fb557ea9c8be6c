import Foundation
import ShowroomStorage
import ShowroomReports
import Testing

@Suite("Activity report")
struct ActivityReportTests {
    /// 1 to 3 March 2026 in Beijing (UTC+08:00): from 2026-02-28T16:00Z up to, not including, 2026-03-03T16:00Z.
    static let beijing = ReportCalendar(utcOffset: 8 * 3600)
    static let period = try! beijing.period(since: "2026-03-01", until: "2026-03-04")

    static func event(_ type: EventType, _ site: String = "alpha", _ at: String, visitor: String = "visitor-0000000000000001") -> TrackedEvent {
        let date = ReportFixture.date(at)
        return TrackedEvent(site: site, page: "/", type: type, visitor: visitor, occurredAt: date, receivedAt: date)
    }

    static func visitor(_ number: Int) -> String { "visitor-000000000000000\(number)" }

    static let events: [TrackedEvent] = [
        event(.pageview, "alpha", "2026-02-28T16:00:00Z"),   // 00:00 on 1 March in Beijing: the first instant, included
        event(.pageview, "alpha", "2026-03-02T12:00:00Z"),   // 20:00
        event(.pageview, "alpha", "2026-03-02T14:00:00Z"),   // 22:00
        event(.pageview, "alpha", "2026-03-02T14:30:00Z"),   // 22:30
        event(.pageview, "alpha", "2026-03-02T16:00:00Z"),   // 00:00 on 3 March
        event(.pageview, "alpha", "2026-03-03T16:00:00Z"),   // 00:00 on 4 March: the end, excluded
        event(.pageview, "beta", "2026-03-02T01:00:00Z"),
    ] + (1...4).map { event(.bookingShown, "alpha", "2026-03-02T13:00:00Z", visitor: visitor($0)) }
        + (1...3).map { event(.bookingStarted, "alpha", "2026-03-02T13:01:00Z", visitor: visitor($0)) }
        + [event(.bookingFieldError, "alpha", "2026-03-02T13:02:00Z", visitor: visitor(2)),
           event(.bookingSubmitted, "alpha", "2026-03-02T13:03:00Z", visitor: visitor(1))]

    static func report(site: String? = nil) async throws -> ActivityReport {
        try await ReportFixture.withStore([]) { path in
            let store = try SQLiteStore(path: path)
            try await store.record(events)
            try await store.close()
            return try await ActivityReport.make(ActivityReport.Options(
                workspace: ReportFixture.workspace, database: "sqlite:\(path)", period: period, calendar: beijing, site: site),
                now: ReportFixture.asOf)
        }
    }

    @Test func pageViewsAreBucketedByLocalHourWithinThePeriod() async throws {
        let alpha = try #require(try await Self.report().sites.first { $0.site == "alpha" })
        #expect(alpha.pageviews == 5)
        #expect(alpha.byHour[0] == 2)
        #expect(alpha.byHour[20] == 1)
        #expect(alpha.byHour[22] == 2)
        #expect(alpha.byHour.reduce(0, +) == 5)
        #expect(alpha.peakHours == [0, 22, 20])
    }

    @Test func everyDayOfThePeriodIsListedInLocalDays() async throws {
        let alpha = try #require(try await Self.report().sites.first { $0.site == "alpha" })
        #expect(alpha.byDay == [DayCount(day: "2026-03-01", events: 1), DayCount(day: "2026-03-02", events: 3),
                                DayCount(day: "2026-03-03", events: 1)])
    }

    @Test func theFunnelShowsWhereVisitorsGiveUp() async throws {
        let alpha = try #require(try await Self.report().sites.first { $0.site == "alpha" })
        #expect(alpha.funnel.map(\.visitors) == [4, 3, 1, 1])
        #expect(alpha.giveUp == GiveUp(stage: "after starting, before submitting", lost: 2, of: 3))
    }

    @Test func sitesAreListedBusiestFirstAndASiteFilterKeepsOne() async throws {
        #expect(try await Self.report().sites.map(\.site) == ["alpha", "beta"])
        let beta = try await Self.report(site: "beta")
        #expect(beta.sites.map(\.site) == ["beta"])
        #expect(beta.sites.first?.giveUp == nil)
    }

    @Test func everyFormatCarriesTheFigures() async throws {
        let report = try await Self.report(site: "alpha")
        #expect(report.rendered(as: .csv).contains("alpha,hour,22:00,2,\r\n"))
        #expect(report.rendered(as: .csv).contains("alpha,funnel,booking_started,3,3\r\n"))
        let table = report.rendered(as: .table)
        #expect(table.contains("busiest hours 00:00, 22:00, 20:00"))
        #expect(table.contains("Most visitors give up after starting, before submitting: 2 of 3 (67%)."))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(report.rendered(as: .json).utf8)) as? [String: Any])
        #expect(json["schema"] as? String == "showroom.activity-report/1")
        let site = try #require((json["sites"] as? [[String: Any]])?.first)
        #expect(Set(site.keys) == ["site", "title", "pageviews", "peakHours", "byHour", "byDay", "booking", "funnel", "giveUp"])
        #expect(report.rendered(as: .html).contains("<svg"))
    }
}
