import Foundation
import Testing
@testable import ShowroomCollector
@testable import ShowroomStorage

@Suite("Fleet, store address and user agents")
struct ConfigurationTests {
    @Test func theFleetsOriginsComeFromEachSitesBaseURL() async throws {
        try await TestWorkspace.with { workspace in
            let fleet = try Fleet.load(workspace: workspace.root)
            #expect(fleet.siteIDs == ["aurora-ev", "lumen"])
            #expect(fleet.origins == ["https://aurora.lumen-motors.example", "https://www.lumen-motors.example:8443"])
        }
    }

    @Test func aWorkspaceWithoutSitesIsAClearError() throws {
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("showroom-empty-\(UUID().uuidString)")
        #expect(throws: CollectorError.self) { try Fleet.load(workspace: empty) }
    }

    @Test func theCollectorCommandAcceptsLoopbackOriginsOnlyWhenAskedTo() {
        var options = Collector.Options(workspace: URL(fileURLWithPath: "/ws"), publicFolder: nil, host: "0.0.0.0", port: 8090,
                                        database: "sqlite:c.sqlite", rateLimitPerMinute: 600)
        #expect(!options.settings.allowsLoopbackOrigins)
        options.allowsLoopbackOrigins = true
        #expect(options.settings.allowsLoopbackOrigins)
    }

    @Test func theCollectorCommandsTimeoutsAndConnectionLimitReachTheService() {
        let limits = ConnectionLimits(headerTimeout: .seconds(2), bodyTimeout: .seconds(3), maxConnections: 40)
        let options = Collector.Options(workspace: URL(fileURLWithPath: "/ws"), publicFolder: nil, host: "0.0.0.0", port: 8090,
                                        database: "sqlite:c.sqlite", rateLimitPerMinute: 600, connectionLimits: limits)
        #expect(options.settings.connectionLimits == limits)
    }

    @Test(arguments: [
        ("sqlite:data/c.sqlite", StoreLocation.sqlite(path: "/ws/data/c.sqlite")),
        ("data/c.sqlite", .sqlite(path: "/ws/data/c.sqlite")),
        ("/var/lib/showroom/c.sqlite", .sqlite(path: "/var/lib/showroom/c.sqlite")),
        ("postgres://u:p@db:5432/showroom", .postgres(url: "postgres://u:p@db:5432/showroom")),
    ])
    func theDatabaseOptionNamesAFileOrAServer(text: String, expected: StoreLocation) {
        #expect(StoreLocation(parsing: text, relativeTo: URL(fileURLWithPath: "/ws")) == expected)
    }

    @Test func aPostgresAddressIsLoggedWithoutItsPassword() {
        #expect(StoreLocation.postgres(url: "postgres://showroom:s3cret@db:5432/showroom").description == "postgres://showroom:***@db:5432/showroom")
    }

    @Test func aMalformedPostgresAddressIsAClearError() {
        #expect(throws: StoreError.self) { try PostgresStore.configuration(from: "postgres://") }
    }

    @Test(arguments: [
        ("Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148", UserAgentClass.mobile),
        ("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 Chrome/120.0 Mobile Safari/537.36", .mobile),
        ("Mozilla/5.0 (iPad; CPU OS 17_0 like Mac OS X) AppleWebKit/605.1.15", .tablet),
        ("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/120.0 Safari/537.36", .desktop),
        ("Mozilla/5.0 (compatible; YandexBot/3.0)", .bot),
        ("SomethingElse/1.0", .other),
    ])
    func userAgentsAreClassedCoarsely(userAgent: String, expected: UserAgentClass) {
        #expect(UserAgentClass(userAgent: userAgent) == expected)
    }
}
