import Foundation
import Testing
@testable import ShowroomCollector
@testable import ShowroomStorage

/// One behaviour of lead storage that both stores must have. The same list runs against SQLite and PostgreSQL.
struct LeadStoreContract: Sendable, CustomTestStringConvertible {
    let name: String
    let check: @Sendable (any Store) async throws -> Void

    var testDescription: String { name }

    static let all: [LeadStoreContract] = [
        .init(name: "a lead is stored with every field and an id", check: aLeadIsStoredWithEveryField),
        .init(name: "the same number and model within 24 hours is one lead", check: sameNumberAndModelWithinADayIsOneLead),
        .init(name: "the same number and model after 24 hours is a new lead", check: sameNumberAndModelAfterADayIsANewLead),
        .init(name: "the same number booking another model is another lead", check: anotherModelIsAnotherLead),
        .init(name: "concurrent repeats of one booking store one lead", check: concurrentRepeatsStoreOneLead),
        .init(name: "spam is counted but never listed", check: spamIsCountedNotListed),
        .init(name: "leads are listed from a time on, oldest first", check: leadsAreListedSinceOldestFirst),
        .init(name: "migrating twice keeps the leads", check: migratingTwiceKeepsLeads),
        .init(name: "forgetting a number deletes its leads everywhere and says how many", check: forgettingANumberDeletesItsLeads),
    ]

    static let noon = Date(timeIntervalSince1970: 1_773_576_000)

    static func lead(phone: String = "13812345678", model: String = "aurora", at: Date = noon, name: String = "Li Wei") -> Lead {
        Lead(site: "aurora-ev", page: "/specs/", name: name, phone: phone, model: model, city: "Hangzhou",
             dealer: "lumen-hangzhou", visitor: "visitor-aaaaaaaaaaaaaaaa", consentVersion: "2026-03", createdAt: at)
    }

    static let day: TimeInterval = 24 * 3600

    static func forgettingANumberDeletesItsLeads(_ store: any Store) async throws {
        _ = try await store.record(lead(), dedupeWindow: day)
        _ = try await store.record(lead(model: "vega"), dedupeWindow: day)
        _ = try await store.record(lead(at: noon.addingTimeInterval(3 * day)), dedupeWindow: day)
        _ = try await store.record(lead(phone: "13900001111"), dedupeWindow: day)
        #expect(try await store.forget(phone: "13812345678").leads == 3)
        #expect(try await store.leads(since: noon.addingTimeInterval(-day)).map(\.phone) == ["13900001111"])
        #expect(try await store.forget(phone: "13812345678").leads == 0)
    }

    static func aLeadIsStoredWithEveryField(_ store: any Store) async throws {
        guard case .stored(let stored) = try await store.record(lead(), dedupeWindow: day) else {
            Issue.record("the lead was not stored")
            return
        }
        #expect(stored.id != nil)
        let listed = try await store.leads(since: noon.addingTimeInterval(-1))
        #expect(listed == [stored])
    }

    static func sameNumberAndModelWithinADayIsOneLead(_ store: any Store) async throws {
        guard case .stored(let first) = try await store.record(lead(), dedupeWindow: day) else {
            Issue.record("the first lead was not stored")
            return
        }
        let again = try await store.record(lead(at: noon.addingTimeInterval(23 * 3600), name: "Wei Li"), dedupeWindow: day)
        #expect(again == .duplicate(of: first))
        #expect(try await store.leadTotals() == LeadTotals(leads: 1, spam: 0))
    }

    static func sameNumberAndModelAfterADayIsANewLead(_ store: any Store) async throws {
        _ = try await store.record(lead(), dedupeWindow: day)
        let later = try await store.record(lead(at: noon.addingTimeInterval(day + 1)), dedupeWindow: day)
        guard case .stored = later else {
            Issue.record("a booking a day later was not stored: \(later)")
            return
        }
        #expect(try await store.leadTotals().leads == 2)
    }

    static func anotherModelIsAnotherLead(_ store: any Store) async throws {
        _ = try await store.record(lead(), dedupeWindow: day)
        _ = try await store.record(lead(model: "halo"), dedupeWindow: day)
        _ = try await store.record(lead(phone: "13912345678"), dedupeWindow: day)
        #expect(try await store.leadTotals().leads == 3)
    }

    static func concurrentRepeatsStoreOneLead(_ store: any Store) async throws {
        let outcomes = try await withThrowingTaskGroup(of: LeadOutcome.self) { group in
            for attempt in 0..<6 {
                group.addTask { try await store.record(lead(at: noon.addingTimeInterval(Double(attempt) / 10)), dedupeWindow: day) }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(outcomes.filter { if case .stored = $0 { true } else { false } }.count == 1)
        #expect(try await store.leadTotals().leads == 1)
    }

    static func spamIsCountedNotListed(_ store: any Store) async throws {
        #expect(try await store.record(.spam(site: "aurora-ev", page: "/", at: noon), dedupeWindow: day) == .spam)
        #expect(try await store.record(.spam(site: "aurora-ev", page: "/", at: noon), dedupeWindow: day) == .spam)
        #expect(try await store.leadTotals() == LeadTotals(leads: 0, spam: 2))
        #expect(try await store.leads(since: .distantPast).isEmpty)
    }

    static func leadsAreListedSinceOldestFirst(_ store: any Store) async throws {
        _ = try await store.record(lead(phone: "13900000002", at: noon.addingTimeInterval(60)), dedupeWindow: day)
        _ = try await store.record(lead(phone: "13900000001", at: noon), dedupeWindow: day)
        _ = try await store.record(lead(phone: "13900000000", at: noon.addingTimeInterval(-3600)), dedupeWindow: day)
        let listed = try await store.leads(since: noon)
        #expect(listed.map(\.phone) == ["13900000001", "13900000002"])
    }

    static func migratingTwiceKeepsLeads(_ store: any Store) async throws {
        _ = try await store.record(lead(), dedupeWindow: day)
        try await store.migrate()
        #expect(try await store.leadTotals().leads == 1)
    }
}

@Suite("SQLite store contract: leads")
struct SQLiteLeadStoreContractTests {
    @Test(arguments: LeadStoreContract.all)
    func holds(_ contract: LeadStoreContract) async throws {
        try await TestStores.withSQLite { try await contract.check($0) }
    }
}

@Suite("PostgreSQL store contract: leads", .enabled(if: TestStores.runPostgres, "needs SHOWROOM_TEST_POSTGRES_URL (scripts/postgres.sh start)"))
struct PostgresLeadStoreContractTests {
    @Test(arguments: LeadStoreContract.all)
    func holds(_ contract: LeadStoreContract) async throws {
        try await TestStores.withPostgres { try await contract.check($0) }
    }
}
