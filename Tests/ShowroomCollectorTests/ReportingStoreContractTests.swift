import Foundation
import Testing
@testable import ShowroomCollector
@testable import ShowroomStorage

/// The report queries both stores must answer alike. The same list runs against SQLite and PostgreSQL.
struct ReportingStoreContract: Sendable, CustomTestStringConvertible {
    let name: String
    let check: @Sendable (any ReportingStore) async throws -> Void

    var testDescription: String { name }

    static let all: [ReportingStoreContract] = [
        .init(name: "downloads are counted per asset, site and source within [since, until)", check: downloadsAreSplitBySource),
        .init(name: "downloads per day use the given UTC offset", check: daysUseTheUTCOffset),
        .init(name: "the last download of each asset and site is the latest before the cut-off", check: lastDownloadIsTheLatest),
        .init(name: "log downloads are stored in bulk and a repeated dedupe key adds nothing", check: logBatchesSkipKnownKeys),
        .init(name: "an empty log batch stores nothing", check: emptyLogBatchStoresNothing),
        .init(name: "page views are counted per site and page within [since, until), other events left out", check: pageViewsPerPage),
        .init(name: "page views of hours whose raw events were deleted are still counted", check: pageViewsSurviveRetention),
    ]

    static func event(_ page: String, site: String = "aurora-ev", type: EventType = .pageview, at offset: TimeInterval) -> TrackedEvent {
        let at = noon.addingTimeInterval(offset)
        return TrackedEvent(site: site, page: page, type: type, visitor: nil, occurredAt: at, receivedAt: at)
    }

    static func pageViewsPerPage(_ store: any ReportingStore) async throws {
        try await store.record([
            event("/", at: 0), event("/", at: 1800), event("/specs/", at: -3 * 3600), event("/", site: "lumen", at: 60),
            event("/specs/", type: .bookingShown, at: 0), event("/specs/", type: .downloadClick, at: 10),
            event("/", at: -12 * 3600 + 90),        // inside, in the first (partial) hour
            event("/", at: -12 * 3600 - 1),         // a second before `since`: outside
            event("/specs/", at: 12 * 3600),        // exactly `until`: outside
        ])
        #expect(try await store.pageViews(in: day) == [
            PageViewCount(site: "aurora-ev", page: "/", views: 3),
            PageViewCount(site: "aurora-ev", page: "/specs/", views: 1),
            PageViewCount(site: "lumen", page: "/", views: 1),
        ])
        let midHours = ReportPeriod(since: noon.addingTimeInterval(-3 * 3600 - 600), until: noon.addingTimeInterval(1000))
        #expect(try await store.pageViews(in: midHours) == [
            PageViewCount(site: "aurora-ev", page: "/", views: 1), PageViewCount(site: "aurora-ev", page: "/specs/", views: 1),
            PageViewCount(site: "lumen", page: "/", views: 1),
        ])
    }

    static func pageViewsSurviveRetention(_ store: any ReportingStore) async throws {
        try await store.record([event("/", at: -6 * 3600), event("/", at: -5 * 3600), event("/specs/", at: 3600)])
        #expect(try await store.deleteEvents(before: noon) == 2)
        #expect(try await store.pageViews(in: day) == [
            PageViewCount(site: "aurora-ev", page: "/", views: 2), PageViewCount(site: "aurora-ev", page: "/specs/", views: 1),
        ])
    }

    static let noon = StoreContract.noon
    static let day = StoreContract.day

    static func download(_ asset: String = "aurora-hero", site: String = "aurora-ev", at offset: TimeInterval = 0,
                         source: DownloadSource = .link, key: String? = nil) -> Download {
        Download(asset: asset, site: site, page: "/gallery/", at: noon.addingTimeInterval(offset), visitor: nil,
                 agent: .desktop, source: source, dedupeKey: key)
    }

    static func downloadsAreSplitBySource(_ store: any ReportingStore) async throws {
        for row in [
            download(), download(at: 60), download(source: .log, key: "a"), download(site: "lumen", at: 120),
            download("aurora-brochure", at: -12 * 3600),          // exactly `since`: inside
            download("aurora-brochure", at: 12 * 3600),           // exactly `until`: outside
        ] {
            _ = try await store.record(row, dedupeWindow: 10)
        }
        #expect(try await store.downloadCountsBySource(in: day) == [
            SourcedDownloadCount(asset: "aurora-brochure", site: "aurora-ev", source: .link, downloads: 1),
            SourcedDownloadCount(asset: "aurora-hero", site: "aurora-ev", source: .link, downloads: 2),
            SourcedDownloadCount(asset: "aurora-hero", site: "aurora-ev", source: .log, downloads: 1),
            SourcedDownloadCount(asset: "aurora-hero", site: "lumen", source: .link, downloads: 1),
        ])
    }

    static func daysUseTheUTCOffset(_ store: any ReportingStore) async throws {
        // 11:00 UTC is still the 15th in Beijing; 17:00 UTC is already the 16th there.
        _ = try await store.record(download(at: -3600), dedupeWindow: 10)
        _ = try await store.record(download(at: 5 * 3600), dedupeWindow: 10)
        _ = try await store.record(download(at: 5 * 3600 + 1, source: .log, key: "b"), dedupeWindow: 10)
        #expect(try await store.downloadCountsByDay(in: day, utcOffset: 8 * 3600) == [
            AssetDayCount(asset: "aurora-hero", site: "aurora-ev", day: "2026-03-15", source: .link, downloads: 1),
            AssetDayCount(asset: "aurora-hero", site: "aurora-ev", day: "2026-03-16", source: .link, downloads: 1),
            AssetDayCount(asset: "aurora-hero", site: "aurora-ev", day: "2026-03-16", source: .log, downloads: 1),
        ])
    }

    static func lastDownloadIsTheLatest(_ store: any ReportingStore) async throws {
        for row in [download(at: -40 * 86_400), download(at: -60), download(site: "lumen", at: -86_400), download(at: 3600)] {
            _ = try await store.record(row, dedupeWindow: 10)
        }
        #expect(try await store.lastDownloads(before: noon) == [
            LastDownload(asset: "aurora-hero", site: "aurora-ev", at: noon.addingTimeInterval(-60)),
            LastDownload(asset: "aurora-hero", site: "lumen", at: noon.addingTimeInterval(-86_400)),
        ])
    }

    static func logBatchesSkipKnownKeys(_ store: any ReportingStore) async throws {
        let batch = [download(source: .log, key: "k1"), download(at: 5, source: .log, key: "k2"), download(at: 9, source: .log, key: "k1")]
        #expect(try await store.recordLogDownloads(batch) == 2)
        #expect(try await store.recordLogDownloads(batch) == 0)
        #expect(try await store.recordLogDownloads([download(source: .log, key: "k3")]) == 1)
        #expect(try await store.totals().downloads == 3)
        #expect(try await store.downloadCountsBySource(in: day) == [
            SourcedDownloadCount(asset: "aurora-hero", site: "aurora-ev", source: .log, downloads: 3),
        ])
    }

    static func emptyLogBatchStoresNothing(_ store: any ReportingStore) async throws {
        #expect(try await store.recordLogDownloads([]) == 0)
        #expect(try await store.totals().downloads == 0)
    }
}

@Suite("SQLite reporting store contract")
struct SQLiteReportingStoreContractTests {
    @Test(arguments: ReportingStoreContract.all)
    func holds(_ contract: ReportingStoreContract) async throws {
        try await TestStores.withSQLite { try await contract.check($0) }
    }
}

@Suite("PostgreSQL reporting store contract", .enabled(if: TestStores.runPostgres, "needs SHOWROOM_TEST_POSTGRES_URL (scripts/postgres.sh start)"))
struct PostgresReportingStoreContractTests {
    @Test(arguments: ReportingStoreContract.all)
    func holds(_ contract: ReportingStoreContract) async throws {
        try await TestStores.withPostgres { try await contract.check($0) }
    }
}
