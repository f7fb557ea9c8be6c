import Foundation
import Testing
@testable import ShowroomCollector
@testable import ShowroomStorage

/// What both stores keep of a visitor's way through the fleet: events by visitor in order, the first and latest
/// touch, and the touches copied onto a lead. The same list runs against SQLite and PostgreSQL.
struct JourneyStoreContract: Sendable, CustomTestStringConvertible {
    let name: String
    let check: @Sendable (any JourneyStore) async throws -> Void

    var testDescription: String { name }

    static let all: [JourneyStoreContract] = [
        .init(name: "a visitor's journey lists their events on every site, oldest first, and no one else's", check: journeyIsInOrder),
        .init(name: "the first touch is the earliest landing, even when it is stored later", check: firstTouchIsTheEarliest),
        .init(name: "the latest touch is the latest landing neither direct nor from the fleet", check: latestSkipsFleetLandings),
        .init(name: "a lead keeps the touches its visitor had when booking", check: leadKeepsItsTouches),
        .init(name: "a lead without a visitor id has no touches", check: anonymousLeadHasNoTouches),
        .init(name: "an event's source is stored", check: sourceIsStored),
        .init(name: "visitors are listed by touches in the period", check: visitorsAreListedByTouchesInThePeriod),
        .init(name: "forgetting a number deletes the events, downloads and touches of its leads' visitor ids, and no one else's",
              check: forgettingANumberDeletesItsVisitorsJourney),
        .init(name: "forgetting a number keeps the booking funnel's counts", check: forgettingANumberKeepsTheFunnelsCounts),
    ]

    /// Visitor A books with 138…, visitor B with 139…: both landed, went through the form and downloaded a photo.
    static func recordTwoVisitorsWhoBooked(_ store: any JourneyStore) async throws {
        let other = StoreContract.visitorB
        try await store.record([
            event(at: -600, touch: .campaign, campaign: "spring"), event(.bookingShown, page: "/specs/", at: -300),
            event(.bookingSubmitted, page: "/specs/", at: -240),
            event(at: -500, visitor: other, touch: .search), event(.bookingShown, page: "/specs/", at: -200, visitor: other),
        ])
        _ = try await store.record(StoreContract.download(at: noon.addingTimeInterval(-400)), dedupeWindow: 10)
        _ = try await store.record(StoreContract.download(at: noon.addingTimeInterval(-400), visitor: other), dedupeWindow: 10)
        _ = try await store.record(LeadStoreContract.lead(), dedupeWindow: 60)
        var theirs = LeadStoreContract.lead(phone: "13900001111")
        theirs.visitor = other
        _ = try await store.record(theirs, dedupeWindow: 60)
    }

    static func forgettingANumberDeletesItsVisitorsJourney(_ store: any JourneyStore) async throws {
        try await recordTwoVisitorsWhoBooked(store)
        let erasure = try await store.forget(phone: "13812345678")
        #expect(erasure == Erasure(leads: 1, visitors: 1, events: 3, downloads: 1, touches: 1, funnelEntries: 2))
        #expect(try await store.journey(visitor: visitor, in: day).isEmpty)
        #expect(try await store.touches(visitor: visitor) == nil)
        #expect(try await store.journey(visitor: StoreContract.visitorB, in: day).count == 2)
        #expect(try await store.touches(visitor: StoreContract.visitorB)?.first.channel == .search)
        #expect(try await store.totals() == StoreTotals(events: 2, downloads: 1))
        #expect(try await store.leads(since: .distantPast).map(\.phone) == ["13900001111"])
    }

    static func forgettingANumberKeepsTheFunnelsCounts(_ store: any JourneyStore) async throws {
        try await recordTwoVisitorsWhoBooked(store)
        let before = try await store.bookingFunnel(site: "aurora-ev", in: day)
        _ = try await store.forget(phone: "13812345678")
        #expect(before.first { $0.step == .bookingShown }?.visitors == 2)
        #expect(try await store.bookingFunnel(site: "aurora-ev", in: day) == before)
    }

    static let noon = StoreContract.noon
    static let day = StoreContract.day
    static let visitor = StoreContract.visitorA

    static func event(_ type: EventType = .pageview, site: String = "aurora-ev", page: String = "/", at offset: TimeInterval,
                      visitor: String? = visitor, touch: Touch.Channel? = nil, campaign: String? = nil) -> TrackedEvent {
        var event = TrackedEvent(site: site, page: page, type: type, visitor: visitor, occurredAt: noon.addingTimeInterval(offset),
                                 receivedAt: noon.addingTimeInterval(offset), url: type == .outboundClick ? "https://www.lumen-motors.example/" : nil)
        event.touch = touch.map { Touch(channel: $0, source: campaign == nil ? nil : "baidu", campaign: campaign, site: site, page: page,
                                        at: noon.addingTimeInterval(offset)) }
        return event
    }

    static func journeyIsInOrder(_ store: any JourneyStore) async throws {
        try await store.record([event(site: "lumen", at: 120), event(at: 0), event(.outboundClick, at: 60), event(at: 30, visitor: StoreContract.visitorB)])
        try await store.record([event(page: "/old/", at: -13 * 3600)])
        let steps = try await store.journey(visitor: visitor, in: day)
        #expect(steps == [
            JourneyStep(site: "aurora-ev", page: "/", type: .pageview, at: noon),
            JourneyStep(site: "aurora-ev", page: "/", type: .outboundClick, at: noon.addingTimeInterval(60)),
            JourneyStep(site: "lumen", page: "/", type: .pageview, at: noon.addingTimeInterval(120)),
        ])
    }

    static func firstTouchIsTheEarliest(_ store: any JourneyStore) async throws {
        try await store.record([event(at: 600, touch: .social)])
        try await store.record([event(at: 0, touch: .campaign, campaign: "spring")])
        let touches = try #require(try await store.touches(visitor: visitor))
        #expect(touches.first.campaign == "spring" && touches.first.at == noon)
        #expect(touches.latest.channel == .social)
    }

    static func latestSkipsFleetLandings(_ store: any JourneyStore) async throws {
        try await store.record([event(at: 0, touch: .campaign, campaign: "spring"), event(at: 60, touch: .search)])
        try await store.record([event(site: "lumen", at: 120, touch: .fleet), event(at: 180, touch: .direct)])
        let touches = try #require(try await store.touches(visitor: visitor))
        #expect(touches.first.channel == .campaign)
        #expect(touches.latest.channel == .search && touches.latest.at == noon.addingTimeInterval(60))
    }

    static func leadKeepsItsTouches(_ store: any JourneyStore) async throws {
        try await store.record([event(at: -600, touch: .campaign, campaign: "spring"), event(at: -60, touch: .social)])
        let outcome = try await store.record(LeadStoreContract.lead(), dedupeWindow: 60)
        guard case .stored(let lead) = outcome else { Issue.record("not stored: \(outcome)"); return }
        try await store.record([event(at: 600, touch: .social)])
        let touches = try await store.leadTouches(since: noon.addingTimeInterval(-3600))
        #expect(touches.count == 1)
        #expect(touches[try #require(lead.id)]?.first.campaign == "spring")
        #expect(touches[try #require(lead.id)]?.latest.channel == .social)
    }

    static func anonymousLeadHasNoTouches(_ store: any JourneyStore) async throws {
        try await store.record([event(at: -600, touch: .search)])
        var lead = LeadStoreContract.lead()
        lead.visitor = nil
        _ = try await store.record(lead, dedupeWindow: 60)
        #expect(try await store.leadTouches(since: .distantPast).isEmpty)
        #expect(try await store.leads(since: .distantPast).count == 1)
    }

    static func sourceIsStored(_ store: any JourneyStore) async throws {
        var fromApp = event(at: 0)
        fromApp.source = .app
        try await store.record([fromApp])
        #expect(try await store.journey(visitor: visitor, in: day).map(\.source) == [.app])
    }

    static func visitorsAreListedByTouchesInThePeriod(_ store: any JourneyStore) async throws {
        try await store.record([event(at: -13 * 3600, touch: .search), event(at: 0, touch: .campaign, campaign: "spring")])
        try await store.record([event(at: -13 * 3600, visitor: StoreContract.visitorB, touch: .direct)])
        let touches = try await store.visitorTouches(in: day)
        #expect(Array(touches.keys) == [visitor])
        #expect(touches[visitor]?.first.channel == .search && touches[visitor]?.latest.campaign == "spring")
    }
}

@Suite("SQLite journey store contract")
struct SQLiteJourneyStoreContractTests {
    @Test(arguments: JourneyStoreContract.all)
    func holds(_ contract: JourneyStoreContract) async throws {
        try await TestStores.withSQLite { try await contract.check($0) }
    }
}

@Suite("PostgreSQL journey store contract", .enabled(if: TestStores.runPostgres, "needs SHOWROOM_TEST_POSTGRES_URL (scripts/postgres.sh start)"))
struct PostgresJourneyStoreContractTests {
    @Test(arguments: JourneyStoreContract.all)
    func holds(_ contract: JourneyStoreContract) async throws {
        try await TestStores.withPostgres { try await contract.check($0) }
    }
}
