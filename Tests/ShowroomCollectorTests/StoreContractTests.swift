import Foundation
import Testing
@testable import ShowroomCollector
@testable import ShowroomStorage

/// One behaviour both stores must have. The same list runs against SQLite and PostgreSQL.
struct StoreContract: Sendable, CustomTestStringConvertible {
    let name: String
    let check: @Sendable (any Store) async throws -> Void

    var testDescription: String { name }

    static let all: [StoreContract] = [
        .init(name: "events are stored and counted in their site's reports", check: eventsAreStoredAndReported),
        .init(name: "an empty batch stores nothing", check: anEmptyBatchStoresNothing),
        .init(name: "downloads are counted per asset and site within the period", check: downloadsAreCountedPerAssetAndSite),
        .init(name: "the same visitor fetching the same asset within the window counts once", check: repeatedDownloadWithinWindowCountsOnce),
        .init(name: "the same visitor fetching again after the window counts again", check: repeatedDownloadAfterWindowCountsAgain),
        .init(name: "concurrent repeats of one visitor's download count once", check: concurrentRepeatsCountOnce),
        .init(name: "a download stamped just before one already counted is a repeat", check: anEarlierStampedRepeatCountsOnce),
        .init(name: "downloads without a visitor id are each counted", check: anonymousDownloadsAreEachCounted),
        .init(name: "log rows with the same dedupe key count once", check: logRowsWithSameKeyCountOnce),
        .init(name: "events by hour of day use the given UTC offset", check: hoursUseTheUTCOffset),
        .init(name: "events by day group calendar days at the given UTC offset", check: daysUseTheUTCOffset),
        .init(name: "the booking funnel lists every step in order, with zeros", check: funnelListsEveryStep),
        .init(name: "migrating twice is harmless", check: migratingTwiceIsHarmless),
        .init(name: "concurrent callers' events share transactions, each stored once", check: concurrentEventsShareTransactions),
        .init(name: "the health check passes on an open store", check: { try await $0.checkHealth() }),
    ]

    // A fixed instant (2026-03-15 12:00:00 UTC) keeps the report arithmetic readable.
    static let noon = Date(timeIntervalSince1970: 1_773_576_000)
    static let day = ReportPeriod(since: noon.addingTimeInterval(-12 * 3600), until: noon.addingTimeInterval(12 * 3600))
    static let visitorA = "visitor-aaaaaaaaaaaaaaaa"
    static let visitorB = "visitor-bbbbbbbbbbbbbbbb"

    static func event(_ type: EventType, site: String = "aurora-ev", at: Date = noon, visitor: String? = visitorA) -> TrackedEvent {
        TrackedEvent(site: site, page: "/specs/", type: type, visitor: visitor, occurredAt: at, receivedAt: at,
                     asset: type == .downloadClick ? "aurora-hero" : nil)
    }

    static func download(_ asset: String = "aurora-hero", site: String = "aurora-ev", at: Date = noon, visitor: String? = visitorA) -> Download {
        Download(asset: asset, site: site, page: "/gallery/", at: at, visitor: visitor, agent: .desktop)
    }

    static func eventsAreStoredAndReported(_ store: any Store) async throws {
        try await store.record([event(.pageview), event(.downloadClick), event(.pageview, site: "lumen")])
        #expect(try await store.totals() == StoreTotals(events: 3, downloads: 0))
        let hours = try await store.eventCountsByHour(site: "aurora-ev", type: nil, in: day, utcOffset: 0)
        #expect(hours == [HourOfDayCount(hour: 12, events: 2)])
        let pageviews = try await store.eventCountsByDay(site: "aurora-ev", type: .pageview, in: day, utcOffset: 0)
        #expect(pageviews == [DayCount(day: "2026-03-15", events: 1)])
    }

    static func anEmptyBatchStoresNothing(_ store: any Store) async throws {
        try await store.record([])
        #expect(try await store.totals() == StoreTotals(events: 0, downloads: 0))
    }

    static func downloadsAreCountedPerAssetAndSite(_ store: any Store) async throws {
        for (asset, site, visitor, offset) in [
            ("aurora-hero", "aurora-ev", visitorA, 0.0), ("aurora-hero", "aurora-ev", visitorB, 1),
            ("aurora-hero", "lumen", visitorA, 60), ("aurora-brochure", "aurora-ev", visitorA, 120),
            ("aurora-brochure", "aurora-ev", visitorA, 86_400),
        ] {
            _ = try await store.record(download(asset, site: site, at: noon.addingTimeInterval(offset), visitor: visitor), dedupeWindow: 10)
        }
        #expect(try await store.downloadCounts(in: day) == [
            DownloadCount(asset: "aurora-hero", site: "aurora-ev", downloads: 2, visitors: 2),
            DownloadCount(asset: "aurora-brochure", site: "aurora-ev", downloads: 1, visitors: 1),
            DownloadCount(asset: "aurora-hero", site: "lumen", downloads: 1, visitors: 1),
        ])
    }

    static func repeatedDownloadWithinWindowCountsOnce(_ store: any Store) async throws {
        #expect(try await store.record(download(at: noon), dedupeWindow: 10) == .counted)
        #expect(try await store.record(download(at: noon.addingTimeInterval(3)), dedupeWindow: 10) == .duplicate)
        #expect(try await store.record(download(site: "lumen", at: noon.addingTimeInterval(4)), dedupeWindow: 10) == .duplicate)
        #expect(try await store.totals().downloads == 1)
    }

    static func repeatedDownloadAfterWindowCountsAgain(_ store: any Store) async throws {
        #expect(try await store.record(download(at: noon), dedupeWindow: 10) == .counted)
        #expect(try await store.record(download(at: noon.addingTimeInterval(11)), dedupeWindow: 10) == .counted)
        #expect(try await store.record(download(visitor: visitorB), dedupeWindow: 10) == .counted)
        #expect(try await store.totals().downloads == 3)
    }

    static func concurrentRepeatsCountOnce(_ store: any Store) async throws {
        let outcomes = try await withThrowingTaskGroup(of: DownloadOutcome.self) { group in
            for attempt in 0..<8 {
                group.addTask { try await store.record(download(at: noon.addingTimeInterval(Double(attempt) / 10)), dedupeWindow: 10) }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(outcomes.filter { $0 == .counted }.count == 1)
        #expect(try await store.totals().downloads == 1)
    }

    static func anEarlierStampedRepeatCountsOnce(_ store: any Store) async throws {
        #expect(try await store.record(download(at: noon.addingTimeInterval(5)), dedupeWindow: 10) == .counted)
        #expect(try await store.record(download(at: noon), dedupeWindow: 10) == .duplicate)
        #expect(try await store.record(download(at: noon.addingTimeInterval(-6)), dedupeWindow: 10) == .counted)
        #expect(try await store.totals().downloads == 2)
    }

    static func anonymousDownloadsAreEachCounted(_ store: any Store) async throws {
        #expect(try await store.record(download(visitor: nil), dedupeWindow: 10) == .counted)
        #expect(try await store.record(download(visitor: nil), dedupeWindow: 10) == .counted)
        #expect(try await store.downloadCounts(in: day) == [DownloadCount(asset: "aurora-hero", site: "aurora-ev", downloads: 2, visitors: 0)])
    }

    static func logRowsWithSameKeyCountOnce(_ store: any Store) async throws {
        var row = download(visitor: nil)
        row.source = .log
        row.dedupeKey = "access.log:1042"
        #expect(try await store.record(row, dedupeWindow: 10) == .counted)
        row.at = noon.addingTimeInterval(3600)
        #expect(try await store.record(row, dedupeWindow: 10) == .duplicate)
        row.dedupeKey = "access.log:1043"
        #expect(try await store.record(row, dedupeWindow: 10) == .counted)
        #expect(try await store.totals().downloads == 2)
    }

    static func hoursUseTheUTCOffset(_ store: any Store) async throws {
        // 12:00, 14:00 and 14:30 UTC are 20:00, 22:00 and 22:30 in Beijing (UTC+8).
        try await store.record([0.0, 2 * 3600, 2.5 * 3600].map { event(.pageview, at: noon.addingTimeInterval($0)) })
        let beijing = try await store.eventCountsByHour(site: "aurora-ev", type: .pageview, in: day, utcOffset: 8 * 3600)
        #expect(beijing == [HourOfDayCount(hour: 20, events: 1), HourOfDayCount(hour: 22, events: 2)])
    }

    static func daysUseTheUTCOffset(_ store: any Store) async throws {
        // 11:00 UTC is still the 15th in Beijing; 17:00 UTC is already the 16th there.
        try await store.record([event(.pageview, at: noon.addingTimeInterval(-3600)), event(.pageview, at: noon.addingTimeInterval(5 * 3600))])
        let beijing = try await store.eventCountsByDay(site: "aurora-ev", type: nil, in: day, utcOffset: 8 * 3600)
        #expect(beijing == [DayCount(day: "2026-03-15", events: 1), DayCount(day: "2026-03-16", events: 1)])
    }

    static func funnelListsEveryStep(_ store: any Store) async throws {
        try await store.record([
            event(.bookingShown, visitor: visitorA), event(.bookingShown, visitor: visitorB), event(.bookingShown, visitor: visitorB),
            event(.bookingStarted, visitor: visitorA), event(.bookingSubmitted, visitor: visitorA),
            event(.bookingShown, site: "lumen"), event(.pageview),
        ])
        #expect(try await store.bookingFunnel(site: "aurora-ev", in: day) == [
            FunnelStepCount(step: .bookingShown, events: 3, visitors: 2),
            FunnelStepCount(step: .bookingStarted, events: 1, visitors: 1),
            FunnelStepCount(step: .bookingFieldError, events: 0, visitors: 0),
            FunnelStepCount(step: .bookingSubmitted, events: 1, visitors: 1),
        ])
    }

    static func concurrentEventsShareTransactions(_ store: any Store) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            for caller in 0..<64 {
                group.addTask { try await store.record([event(.pageview, visitor: "visitor-\(1_000_000_000 + caller)-cccc")]) }
            }
            try await group.waitForAll()
        }
        #expect(try await store.totals().events == 64)
        let queue = await store.writeQueueStatus()
        #expect(queue.committedRows == 64)
        #expect(queue.commits < 64, "64 concurrent callers took \(queue.commits) commits")
        #expect(queue.queued == 0)
    }

    static func migratingTwiceIsHarmless(_ store: any Store) async throws {
        try await store.record([event(.pageview)])
        try await store.migrate()
        #expect(try await store.totals().events == 1)
    }
}

@Suite("SQLite store contract")
struct SQLiteStoreContractTests {
    @Test(arguments: StoreContract.all)
    func holds(_ contract: StoreContract) async throws {
        try await TestStores.withSQLite { try await contract.check($0) }
    }

    @Test func writesGoToAWriteAheadLogFile() async throws {
        try await TestStores.withSQLite { store in
            try await store.record([StoreContract.event(.pageview)])
            #expect(FileManager.default.fileExists(atPath: store.path + "-wal"))
        }
    }
}

@Suite("PostgreSQL store contract", .enabled(if: TestStores.runPostgres, "needs SHOWROOM_TEST_POSTGRES_URL (scripts/postgres.sh start)"))
struct PostgresStoreContractTests {
    @Test(arguments: StoreContract.all)
    func holds(_ contract: StoreContract) async throws {
        try await TestStores.withPostgres { try await contract.check($0) }
    }
}
