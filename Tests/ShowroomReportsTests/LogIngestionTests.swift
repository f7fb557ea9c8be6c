import Foundation
import ShowroomStorage
import ShowroomReports
import Testing

@Suite("Access-log ingestion")
struct LogIngestionTests {
    static let logs = ReportFixture.workspace.deletingLastPathComponent().appendingPathComponent("logs")

    static func ingest(_ files: [String], site: String? = nil, database path: String) async throws -> LogIngestion.Summary {
        try await LogIngestion.run(LogIngestion.Options(
            workspace: ReportFixture.workspace, database: "sqlite:\(path)",
            files: files.map { logs.appendingPathComponent($0).path }, site: site))
    }

    @Test func rangedPartsOfOneDownloadCountOnceAndEveryOtherLineIsAccountedFor() async throws {
        try await ReportFixture.withStore([]) { path in
            let summary = try await Self.ingest(["access.log"], database: path)
            #expect(summary.lines == 16)
            #expect(summary.downloadLines == 5)
            #expect(summary.downloads == 3)
            #expect(summary.stored == 3)
            #expect(summary.skipped == [
                .viaCountedLink: 1, .bot: 2, .fromOwnPage: 1, .unknownSite: 1, .notSuccessful: 1, .notAGet: 1,
                .notAnAssetFile: 1, .unknownAsset: 1,
            ])
        }
    }

    @Test func malformedLinesAreCountedWithTheirPlaceAndNeverStopTheIngestion() async throws {
        try await ReportFixture.withStore([]) { path in
            let summary = try await Self.ingest(["access.log"], database: path)
            #expect(summary.malformed == 2)
            #expect(summary.malformedExamples == ["access.log:13", "access.log:14"].map { Self.logs.appendingPathComponent($0).path })
            #expect(summary.text.contains("Malformed: 2 lines"))
        }
    }

    @Test func ingestingTheSameLogTwiceAddsNothing() async throws {
        try await ReportFixture.withStore([]) { path in
            _ = try await Self.ingest(["access.log"], database: path)
            let again = try await Self.ingest(["access.log"], database: path)
            #expect(again.downloads == 3)
            #expect(again.stored == 0)
            #expect(again.alreadyStored == 3)
            let store = try SQLiteStore(path: path)
            #expect(try await store.totals().downloads == 3)
        }
    }

    @Test func directDownloadsAreStoredAsLogRowsOnTheAssetsSite() async throws {
        try await ReportFixture.withStore([]) { path in
            _ = try await Self.ingest(["access.log"], database: path)
            let store = try SQLiteStore(path: path)
            let march = ReportPeriod(since: ReportFixture.date("2026-03-01T00:00:00Z"), until: ReportFixture.date("2026-04-01T00:00:00Z"))
            #expect(try await store.downloadCountsBySource(in: march) == [
                SourcedDownloadCount(asset: "brochure", site: "alpha", source: .log, downloads: 2),
                SourcedDownloadCount(asset: "wallpaper", site: "beta", source: .log, downloads: 1),
            ])
            #expect(try await store.lastDownloads(before: march.until).first { $0.asset == "wallpaper" }?.at
                    == ReportFixture.date("2026-03-15T00:00:00Z"))
        }
    }

    @Test func theVirtualHostNamesTheSite() async throws {
        try await ReportFixture.withStore([]) { path in
            let summary = try await Self.ingest(["vhost.log"], database: path)
            #expect(summary.stored == 2)
            #expect(summary.skipped == [.unknownSite: 1])
            let store = try SQLiteStore(path: path)
            let march = ReportPeriod(since: ReportFixture.date("2026-03-01T00:00:00Z"), until: ReportFixture.date("2026-04-01T00:00:00Z"))
            #expect(try await store.downloadCountsBySource(in: march).map(\.site) == ["alpha", "beta"])
        }
    }

    @Test func theSiteOptionNamesTheSiteOfLinesWithoutAHost() async throws {
        try await ReportFixture.withStore([]) { path in
            let summary = try await Self.ingest(["access.log"], site: "alpha", database: path)
            #expect(summary.downloads == 4)
            #expect(summary.skipped[.unknownSite] == nil)
        }
    }

    @Test func theReportShowsCountedLinksAndDirectDownloadsSideBySide() async throws {
        try await ReportFixture.withStore { path in
            _ = try await Self.ingest(["access.log"], database: path)
            let report = try await AssetReport.make(AssetReport.Options(
                workspace: ReportFixture.workspace, database: "sqlite:\(path)", period: ReportFixture.period,
                calendar: ReportFixture.calendar), now: ReportFixture.asOf)
            // The fixture's 2 links and 1 log row, plus the one log download of 14 March (UTC) from access.log.
            #expect(report.assets.first { $0.id == "brochure" }?.downloads == DownloadTally(link: 2, log: 2))
        }
    }

    @Test func aLineIsReadWithItsTimeZoneAndQuotedFields() throws {
        let line = try #require(AccessLogLine(parsing: #"www.alpha.example:443 203.0.113.1 - - [14/Mar/2026:23:30:00 +0800] "GET /assets/a.0123456789ab.pdf?x=1&via=dl HTTP/2.0" 206 10 "-" "Agent \"quoted\"""#))
        #expect(line.host == "www.alpha.example")
        #expect(line.client == "203.0.113.1")
        #expect(line.time == ReportFixture.date("2026-03-14T15:30:00Z"))
        #expect(line.path == "/assets/a.0123456789ab.pdf")
        #expect(line.query == "x=1&via=dl")
        #expect(line.status == 206)
        #expect(line.referer == nil)
        #expect(line.userAgent == #"Agent "quoted""#)
    }
}
