import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import ShowroomCollector
@testable import ShowroomStorage

@Suite("GET /dl/<asset-id>")
struct DownloadsEndpointTests {
    static let heroOnAurora = "https://aurora.lumen-motors.example/assets/aurora-hero.3f2a9c1b.jpg"
    static let heroLink = "/dl/aurora-hero?site=aurora-ev&page=/gallery/&v=\(TestCollector.visitor)"

    @Test func aDownloadIsCountedAndRedirectedToTheSitesFingerprintedURLMarkedViaDL() async throws {
        try await TestCollector.with { collector, client in
            let response = try await client.get(Self.heroLink)
            #expect(response.status == .found)
            #expect(response.headers[.location] == Self.heroOnAurora + "?via=dl")
            let period = ReportPeriod(since: Date().addingTimeInterval(-60), until: Date().addingTimeInterval(60))
            #expect(try await collector.store.downloadCounts(in: period) == [
                DownloadCount(asset: "aurora-hero", site: "aurora-ev", downloads: 1, visitors: 1),
            ])
        }
    }

    @Test func theSameAssetRedirectsToEachSitesOwnURL() async throws {
        try await TestCollector.with { _, client in
            let response = try await client.get("/dl/aurora-hero?site=lumen&page=/")
            #expect(response.headers[.location] == "https://www.lumen-motors.example:8443/assets/aurora-hero.3f2a9c1b.jpg?via=dl")
        }
    }

    @Test func theSameVisitorFetchingAgainWithinSecondsCountsOnceButIsRedirectedTwice() async throws {
        try await TestCollector.with { collector, client in
            let response = try await client.get(Self.heroLink)
            #expect(response.status == .found)
            let again = try await client.get(Self.heroLink)
            #expect(again.status == .found)
            #expect(try await collector.store.totals().downloads == 1)
        }
    }

    @Test(arguments: [
        "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
        "Mozilla/5.0 (compatible; bingbot/2.0)", "curl/8.5.0", "python-requests/2.31", "Wget/1.21",
        "facebookexternalhit/1.1", "Mozilla/5.0 (X11; Linux x86_64) HeadlessChrome/120.0",
    ])
    func aKnownBotIsRedirectedButNotCounted(userAgent: String) async throws {
        try await TestCollector.with { collector, client in
            let response = try await client.get(Self.heroLink, userAgent: userAgent)
            #expect(response.status == .found)
            #expect(try await collector.store.totals().downloads == 0)
        }
    }

    @Test func aRequestWithoutUserAgentIsNotCounted() async throws {
        try await TestCollector.with { collector, client in
            let response = try await client.get(Self.heroLink, userAgent: nil)
            #expect(response.status == .found)
            #expect(try await collector.store.totals().downloads == 0)
        }
    }

    @Test func aMalformedVisitorIdIsDroppedButTheDownloadStillCounts() async throws {
        try await TestCollector.with { collector, client in
            let response = try await client.get("/dl/aurora-hero?site=aurora-ev&page=/&v=%3Cscript%3E")
            #expect(response.status == .found)
            let period = ReportPeriod(since: Date().addingTimeInterval(-60), until: Date().addingTimeInterval(60))
            #expect(try await collector.store.downloadCounts(in: period).first?.visitors == 0)
            #expect(try await collector.store.totals().downloads == 1)
        }
    }

    @Test func anUnknownAssetIs404AndNeverARedirect() async throws {
        try await TestCollector.with { collector, client in
            let response = try await client.get("/dl/no-such-asset?site=aurora-ev")
            #expect(response.status == .notFound)
            #expect(response.headers[.location] == nil)
            #expect(try await collector.store.totals().downloads == 0)
        }
    }

    @Test(arguments: ["", "site=lumen", "site=evil.example", "site=../aurora-ev"])
    func anAssetNotPublishedOnTheRequestedSiteIs404(query: String) async throws {
        try await TestCollector.with { collector, client in
            let response = try await client.get("/dl/aurora-brochure?\(query)")
            #expect(response.status == .notFound)
            #expect(response.headers[.location] == nil)
            #expect(try await collector.store.totals().downloads == 0)
        }
    }

    @Test(arguments: [
        "/dl/..%2F..%2Fetc%2Fpasswd?site=aurora-ev", "/dl/%2e%2e?site=aurora-ev", "/dl/AURORA-HERO?site=aurora-ev",
        "/dl/-aurora-hero?site=aurora-ev", "/dl/https:%2F%2Fevil.example?site=aurora-ev", "/dl/aurora-hero%00?site=aurora-ev",
        "/dl/aurora-hero%2F..%2Fx?site=aurora-ev", "/dl/%2F%2Fevil.example?site=aurora-ev", "/dl/?site=aurora-ev",
    ])
    func aCraftedAssetIdIs404AndNeverARedirect(uri: String) async throws {
        try await TestCollector.with { collector, client in
            let response = try await client.get(uri)
            #expect(response.status == .notFound)
            #expect(response.headers[.location] == nil)
            #expect(try await collector.store.totals().downloads == 0)
        }
    }

    @Test func aRebuiltManifestIsPickedUpWithoutARestart() async throws {
        try await TestCollector.with { collector, client in
            let before = try await client.get("/dl/nova-hero?site=aurora-ev")
            #expect(before.status == .notFound)
            try collector.workspace.write(
                #"{"assets": {"nova-hero": {"file": "nova-hero.aa11.jpg", "sites": {"aurora-ev": "https://aurora.lumen-motors.example/assets/nova-hero.aa11.jpg"}}}}"#,
                to: "public/.showroom/assets.json")
            let response = try await client.get("/dl/nova-hero?site=aurora-ev")
            #expect(response.status == .found)
            #expect(response.headers[.location] == "https://aurora.lumen-motors.example/assets/nova-hero.aa11.jpg?via=dl")
        }
    }

    @Test func aDownloadOverARealLoopbackConnectionIsCounted() async throws {
        try await TestCollector.with(.live) { collector, client in
            let response = try await client.get(Self.heroLink)
            #expect(response.status == .found)
            #expect(try await collector.store.totals().downloads == 1)
        }
    }
}
