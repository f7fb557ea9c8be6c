import Foundation
import Testing
@testable import ShowroomCollector
@testable import ShowroomStorage

/// Where a visit came from, as the collector reads it off a landing page view: campaign parameters first, else the
/// referrer's host, classified; and what it keeps per visitor (first and latest touch) and per lead.
@Suite("Campaign attribution")
struct AttributionTests {
    static let campaign = #""utm_source": "baidu", "utm_medium": "cpc", "utm_campaign": "aurora-spring", "utm_term": "electric suv""#

    func land(_ fields: String, at offset: TimeInterval = 0, type: String = "pageview") -> String {
        let ts = Int64((Date().timeIntervalSince1970 + offset) * 1000)
        return #"{"site": "aurora-ev", "type": "\#(type)", "page": "/", "visitor": "\#(TestCollector.visitor)", "ts": \#(ts), \#(fields)}"#
    }

    @Test func aLandingWithCampaignParametersIsACampaignTouchWithThem() async throws {
        try await TestCollector.with { collector, client in
            let status = try await client.postEvents(land(Self.campaign + #", "ref": "www.baidu.com""#)).status
            #expect(status == .noContent)
            let touch = try #require(try await collector.store.touches(visitor: TestCollector.visitor)).first
            #expect(touch.channel == .campaign)
            #expect([touch.source, touch.medium, touch.campaign, touch.term] == ["baidu", "cpc", "aurora-spring", "electric suv"])
            #expect(touch.content == nil && touch.site == "aurora-ev" && touch.page == "/")
        }
    }

    @Test func aClickIDAloneMakesACampaignTouchFromTheReferrersHost() async throws {
        try await TestCollector.with { collector, client in
            _ = try await client.postEvents(land(#""click": "gclid=Cj0KCQ", "ref": "www.google.com""#))
            let touch = try #require(try await collector.store.touches(visitor: TestCollector.visitor)).first
            #expect(touch.channel == .campaign && touch.click == "gclid=Cj0KCQ" && touch.source == "www.google.com")
        }
    }

    static let referrers: [(String, Touch.Channel)] = [
        ("www.google.com.hk", .search), ("www.baidu.com", .search), ("cn.bing.com", .search), ("www.so.com", .search),
        ("t.co", .social), ("weibo.com", .social), ("www.xiaohongshu.com", .social), ("m.facebook.com", .social),
        ("www.lumen-motors.example", .fleet), ("news.example.org", .referral), ("", .direct),
    ]

    @Test(arguments: referrers)
    func withoutCampaignParametersTheReferrersHostIsClassified(host: String, channel: Touch.Channel) async throws {
        try await TestCollector.with { collector, client in
            _ = try await client.postEvents(land(#""ref": "\#(host)""#))
            let touch = try #require(try await collector.store.touches(visitor: TestCollector.visitor)).first
            #expect(touch.channel == channel)
            #expect(touch.source == (host.isEmpty ? nil : host))
        }
    }

    @Test func aPageViewThatIsNotALandingMakesNoTouch() async throws {
        try await TestCollector.with { collector, client in
            _ = try await client.postEvents(land(#""asset": "aurora-brochure""#, type: "download_click"))
            _ = try await client.postEvents(eventJSON())
            #expect(try await collector.store.totals().events == 2)
            #expect(try await collector.store.touches(visitor: TestCollector.visitor) == nil)
        }
    }

    @Test func anEventWithoutAVisitorIDKeepsNoTouch() async throws {
        try await TestCollector.with { collector, client in
            let anonymous = land(Self.campaign).replacingOccurrences(of: "\"visitor\": \"\(TestCollector.visitor)\", ", with: "")
            let status = try await client.postEvents(anonymous).status
            #expect(status == .noContent)
            #expect(try await collector.store.totals().events == 1)
            #expect(try await collector.store.touches(visitor: TestCollector.visitor) == nil)
        }
    }

    @Test func theFirstTouchStaysAndTheLatestFollowsLaterLandingsFromOutsideTheFleet() async throws {
        try await TestCollector.with { collector, client in
            _ = try await client.postEvents(land(Self.campaign, at: -600))
            _ = try await client.postEvents(land(#""ref": "weibo.com""#, at: -300))
            _ = try await client.postEvents(land(#""ref": "www.lumen-motors.example""#, at: -60))
            let touches = try #require(try await collector.store.touches(visitor: TestCollector.visitor))
            #expect(touches.first.campaign == "aurora-spring")
            #expect(touches.latest.channel == .social && touches.latest.source == "weibo.com")
        }
    }

    @Test func aCampaignWordIsCutAt200CharactersAndLosesControlCharacters() async throws {
        try await TestCollector.with { collector, client in
            _ = try await client.postEvents(land(#""utm_campaign": "spring\u0007\#(String(repeating: "x", count: 300))""#))
            let campaign = try #require(try await collector.store.touches(visitor: TestCollector.visitor)?.first.campaign)
            #expect(campaign.count == 200 && campaign.hasPrefix("springxxx"))
        }
    }

    @Test(arguments: ["app", "miniprogram", "web"])
    func anEventNamesTheTouchpointItCameFrom(source: String) async throws {
        try await TestCollector.with { collector, client in
            let status = try await client.postEvents(land("\"source\": \"\(source)\"")).status
            #expect(status == .noContent)
            #expect(try await collector.store.totals().events == 1)
        }
    }

    @Test func anUnknownTouchpointIsRefusedSayingWhichAreKnown() async throws {
        try await TestCollector.with { collector, client in
            let response = try await client.postEvents(land(#""source": "kiosk""#))
            #expect(response.status == .badRequest)
            #expect(String(buffer: response.body).contains("web, app, miniprogram"))
            #expect(try await collector.store.totals().events == 0)
        }
    }

    @Test func theAppSendsWithoutAnOriginUnderItsOwnVisitorID() async throws {
        try await TestCollector.with { collector, client in
            let status = try await client.postEvents(land("\"source\": \"app\""), origin: nil).status
            #expect(status == .noContent)
            #expect(try await collector.store.journey(visitor: TestCollector.visitor, in: Self.today).map(\.source) == [.app])
        }
    }

    @Test func aWebEventWithoutAnOriginIsStillRefused() async throws {
        try await TestCollector.with { collector, client in
            let status = try await client.postEvents(land("\"ref\": \"\""), origin: nil).status
            #expect(status == .forbidden)
            #expect(try await collector.store.totals().events == 0)
        }
    }

    static let today = ReportPeriod(since: Date().addingTimeInterval(-86_400), until: Date().addingTimeInterval(86_400))
}
