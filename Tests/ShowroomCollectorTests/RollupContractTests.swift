import Foundation
import Testing
@testable import ShowroomStorage

/// The reports read hourly rollups for the whole hours of a period and raw rows for the rest: their figures must equal
/// those counted from the raw rows themselves, for periods on and off the hour and offsets in whole and half hours.
/// The same list runs against SQLite and PostgreSQL.
struct RollupContract: Sendable, CustomTestStringConvertible {
    let name: String
    let check: @Sendable (any ReportingStore) async throws -> Void

    var testDescription: String { name }

    static let all: [RollupContract] = [
        .init(name: "events by hour, by day and the funnel equal the raw rows' figures", check: eventReportsEqualTheRawRows),
        .init(name: "downloads by source, by day and the last download equal the raw rows' figures", check: downloadReportsEqualTheRawRows),
        .init(name: "deleting old raw events keeps their hourly counts", check: deletingRawEventsKeepsTheRollups),
    ]

    /// Three days from 2026-03-14 00:00 UTC.
    static let start = StoreContract.noon.addingTimeInterval(-36 * 3600)
    static let sites = ["aurora-ev", "lumen"]
    static let types: [EventType] = [.pageview, .bookingShown, .bookingStarted, .bookingSubmitted]

    /// The fixture: 600 events at scattered minutes of three days, from 40 visitors (some without an id), written in
    /// batches of different sizes, as concurrent requests would be.
    static let events: [TrackedEvent] = {
        var seed: UInt64 = 42
        func next(_ bound: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((seed >> 33) % UInt64(bound))
        }
        return (0..<600).map { _ in
            let at = start.addingTimeInterval(Double(next(3 * 86_400)))
            let visitor = next(10) == 0 ? nil : "visitor-\(1_000_000_000 + next(40))-ffff"
            return TrackedEvent(site: sites[next(2)], page: "/", type: types[next(types.count)], visitor: visitor, occurredAt: at, receivedAt: at)
        }
    }()

    /// Periods on whole hours, mid-hour at both ends, within one hour, and the whole fixture.
    static let periods: [ReportPeriod] = [
        ReportPeriod(since: start, until: start.addingTimeInterval(3 * 86_400)),
        ReportPeriod(since: start.addingTimeInterval(5 * 3600 + 1234), until: start.addingTimeInterval(50 * 3600 + 2345)),
        ReportPeriod(since: start.addingTimeInterval(7 * 3600 + 600), until: start.addingTimeInterval(7 * 3600 + 3000)),
        ReportPeriod(since: start.addingTimeInterval(-3600), until: start.addingTimeInterval(4 * 86_400)),
    ]
    static let offsets = [0, 8 * 3600, 5 * 3600 + 1800, -5 * 3600]

    static func record(_ events: [TrackedEvent], in store: any Store) async throws {
        var rest = events[...]
        var size = 1
        while !rest.isEmpty {
            try await store.record(Array(rest.prefix(size)))
            rest = rest.dropFirst(size)
            size = size % 37 + 5
        }
    }

    static func inside(_ date: Date, _ period: ReportPeriod) -> Bool { date >= period.since && date < period.until }

    static func eventReportsEqualTheRawRows(_ store: any ReportingStore) async throws {
        try await record(events, in: store)
        for period in periods {
            for site in sites {
                let rows = events.filter { $0.site == site && inside($0.occurredAt, period) }
                for offset in offsets {
                    for type in [nil, EventType.pageview] {
                        let chosen = rows.filter { type == nil || $0.type == type }
                        let local = chosen.map { Int($0.occurredAt.timeIntervalSince1970) + offset }
                        let hours = Dictionary(local.map { ($0 / 3600 % 24, 1) }, uniquingKeysWith: +)
                            .sorted { $0.key < $1.key }.map { HourOfDayCount(hour: $0.key, events: $0.value) }
                        let days = Dictionary(local.map { ($0 / 86_400, 1) }, uniquingKeysWith: +)
                            .sorted { $0.key < $1.key }.map { DayCount(day: dayString(daysSinceEpoch: $0.key), events: $0.value) }
                        #expect(try await store.eventCountsByHour(site: site, type: type, in: period, utcOffset: offset) == hours)
                        #expect(try await store.eventCountsByDay(site: site, type: type, in: period, utcOffset: offset) == days)
                    }
                }
                let funnel = EventType.bookingFunnel.map { step in
                    let steps = rows.filter { $0.type == step }
                    return FunnelStepCount(step: step, events: steps.count, visitors: Set(steps.compactMap(\.visitor)).count)
                }
                #expect(try await store.bookingFunnel(site: site, in: period) == funnel)
            }
        }
    }

    static func downloadReportsEqualTheRawRows(_ store: any ReportingStore) async throws {
        let downloads = events.enumerated().map { index, event in
            Download(asset: index.isMultiple(of: 3) ? "aurora-hero" : "aurora-brochure", site: event.site, page: "/", at: event.occurredAt,
                     visitor: nil, agent: .desktop, source: index.isMultiple(of: 4) ? .log : .link,
                     dedupeKey: index.isMultiple(of: 4) ? "access.log:\(index)" : nil)
        }
        for download in downloads where download.source == .link { _ = try await store.record(download, dedupeWindow: 10) }
        _ = try await store.recordLogDownloads(downloads.filter { $0.source == .log })
        for period in periods {
            let rows = downloads.filter { inside($0.at, period) }
            let bySource = Dictionary(rows.map { ([$0.asset, $0.site, $0.source.rawValue], 1) }, uniquingKeysWith: +)
                .sorted { $0.key.lexicographicallyPrecedes($1.key) }
                .map { SourcedDownloadCount(asset: $0.key[0], site: $0.key[1], source: DownloadSource(rawValue: $0.key[2])!, downloads: $0.value) }
            #expect(try await store.downloadCountsBySource(in: period) == bySource)
            for offset in offsets {
                let byDay = Dictionary(rows.map { ([dayString(daysSinceEpoch: (Int($0.at.timeIntervalSince1970) + offset) / 86_400),
                                                     $0.asset, $0.site, $0.source.rawValue], 1) }, uniquingKeysWith: +)
                    .sorted { $0.key.lexicographicallyPrecedes($1.key) }
                    .map { AssetDayCount(asset: $0.key[1], site: $0.key[2], day: $0.key[0], source: DownloadSource(rawValue: $0.key[3])!,
                                         downloads: $0.value) }
                #expect(try await store.downloadCountsByDay(in: period, utcOffset: offset) == byDay)
            }
            let last = Dictionary(downloads.filter { $0.at < period.until }.map { ([$0.asset, $0.site], $0.at) }, uniquingKeysWith: max)
                .sorted { $0.key.lexicographicallyPrecedes($1.key) }
                .map { LastDownload(asset: $0.key[0], site: $0.key[1], at: Date(epochMilliseconds: $0.value.epochMilliseconds)) }
            #expect(try await store.lastDownloads(before: period.until) == last)
        }
    }

    static func deletingRawEventsKeepsTheRollups(_ store: any ReportingStore) async throws {
        try await record(events, in: store)
        let cut = start.addingTimeInterval(86_400)
        let deleted = try await store.deleteEvents(before: cut)
        #expect(deleted == events.filter { $0.occurredAt < cut }.count)
        #expect(try await store.totals().events == events.count - deleted)
        let firstDay = ReportPeriod(since: start, until: cut)
        let pageviews = events.filter { $0.site == "aurora-ev" && $0.type == .pageview && inside($0.occurredAt, firstDay) }.count
        #expect(try await store.eventCountsByDay(site: "aurora-ev", type: .pageview, in: firstDay, utcOffset: 0)
                == [DayCount(day: "2026-03-14", events: pageviews)])
    }
}

@Suite("SQLite rollups")
struct SQLiteRollupContractTests {
    @Test(arguments: RollupContract.all)
    func holds(_ contract: RollupContract) async throws {
        try await TestStores.withSQLite { try await contract.check($0) }
    }
}

@Suite("PostgreSQL rollups", .enabled(if: TestStores.runPostgres, "needs SHOWROOM_TEST_POSTGRES_URL (scripts/postgres.sh start)"))
struct PostgresRollupContractTests {
    @Test(arguments: RollupContract.all)
    func holds(_ contract: RollupContract) async throws {
        try await TestStores.withPostgres { try await contract.check($0) }
    }
}
