import Foundation
import ShowroomStorage
import ShowroomReports
import Testing

/// The small fleet under `Fixtures/fleet` (sites alpha and beta, five assets, a usage index) and a real SQLite
/// store in a temporary folder, filled with downloads whose figures divide evenly.
enum ReportFixture {
    static let workspace = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!.appendingPathComponent("fleet")

    /// 1 to 14 March 2026, read in UTC: `--since 2026-03-01 --until 2026-03-15`.
    static let calendar = ReportCalendar(utcOffset: 0)
    static let period = try! calendar.period(since: "2026-03-01", until: "2026-03-15")
    /// "Today" for the licence section: five days before `old-shoot`'s licence ends.
    static let asOf = date("2026-03-15T09:00:00Z")

    static func date(_ text: String) -> Date {
        try! Date(text, strategy: .iso8601)
    }

    static func link(_ asset: String, _ site: String, _ at: String, visitor: String? = nil) -> Download {
        Download(asset: asset, site: site, page: "/", at: date(at), visitor: visitor, agent: .desktop)
    }

    static func log(_ asset: String, _ site: String, _ at: String, key: String) -> Download {
        Download(asset: asset, site: site, page: "", at: date(at), visitor: nil, agent: .desktop, source: .log, dedupeKey: key)
    }

    /// The downloads the expected figures in the tests are worked out from.
    static let downloads: [Download] = [
        link("hero-photo", "alpha", "2026-02-28T23:59:59Z"),   // a second before the period: not counted, not the last
        link("hero-photo", "alpha", "2026-03-01T00:00:00Z"),   // the first instant of the period: counted
        link("hero-photo", "alpha", "2026-03-05T10:00:00Z"),
        link("hero-photo", "beta", "2026-03-07T12:00:00Z"),
        log("hero-photo", "beta", "2026-03-14T23:59:59Z", key: "h1"),
        link("hero-photo", "alpha", "2026-03-15T00:00:00Z"),   // the period's end is exclusive: not counted
        link("brochure", "alpha", "2026-03-02T08:00:00Z", visitor: "visitor-aaaaaaaaaaaaaaaa"),
        link("brochure", "alpha", "2026-03-02T09:00:00Z", visitor: "visitor-bbbbbbbbbbbbbbbb"),
        log("brochure", "alpha", "2026-03-03T10:00:00Z", key: "b1"),
        link("ghost-photo", "beta", "2026-03-04T11:00:00Z"),
    ]

    /// A page view of `page` on `site` on 5 March 2026.
    static func view(_ site: String, _ page: String) -> TrackedEvent {
        let at = date("2026-03-05T12:00:00Z")
        return TrackedEvent(site: site, page: page, type: .pageview, visitor: nil, occurredAt: at, receivedAt: at)
    }

    /// Runs `body` with the path of a migrated SQLite store holding `downloads` and `events`, removed afterwards.
    static func withStore<Result>(_ downloads: [Download] = downloads, events: [TrackedEvent] = [],
                                  _ body: (String) async throws -> Result) async throws -> Result {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("showroom-reports-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("collector.sqlite").path
        let store = try SQLiteStore(path: path)
        try await store.migrate()
        for download in downloads where download.source == .link {
            _ = try await store.record(download, dedupeWindow: 10)
        }
        _ = try await store.recordLogDownloads(downloads.filter { $0.source == .log })
        if !events.isEmpty { try await store.record(events) }
        try await store.close()
        return try await body(path)
    }

    /// The assets report of the fixture (or of a copy at `workspace`), optionally for one site or kind, with `events`
    /// in the store.
    static func assetReport(site: String? = nil, kind: String? = nil, events: [TrackedEvent] = [],
                            workspace: URL = workspace) async throws -> AssetReport {
        try await withStore(events: events) { path in
            try await AssetReport.make(AssetReport.Options(
                workspace: workspace, database: "sqlite:\(path)", period: period, calendar: calendar, site: site, kind: kind), now: asOf)
        }
    }
}
