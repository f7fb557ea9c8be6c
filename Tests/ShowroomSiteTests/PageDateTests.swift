import Foundation
import ShowroomCore
import ShowroomSite
import ShowroomTestSupport
import ShowroomWorkspace
import Testing

/// Page dates in a build: shown on the day they are written for, refused at their value when bad, and read in the
/// site's time zone when they name none.
@Suite struct PageDateTests {
    @Test func aDateWithASpaceBeforeItsOffsetBuildsAndShowsItsDay() throws {
        let workspace = try FixtureWorkspace()
        try workspace.write("sites/store/content/offers/winter.md", "---\ntitle: Winter\ndate: 2024-01-02 03:04:05 -0700\n---\nBody\n")
        let report = workspace.build(sites: ["store"])
        #expect(report.succeeded)
        #expect(workspace.output("store/offers/winter/index.html")?.contains("<p class=\"date\">2 January 2024</p>") == true)
    }

    // MARK: - Bad dates, in each format

    @Test(arguments: [
        ("---\ntitle: X\ndate: 2024-13-01\n---\n", 3, 7, "there is no month 13"),
        ("+++\ntitle = \"X\"\ndate = \"2024-02-30\"\n+++\n", 3, 8, "February 2024 has 29 days"),
        ("+++\ntitle = \"X\"\ndate = 09:30:00\n+++\n", 3, 8, "a date starts with the day"),
        ("{\n  \"title\": \"X\",\n  \"date\": \"2024-01-02 25:00\"\n}\n", 3, 11, "the time must be HH:MM"),
        ("---\ndate: 2024-01-02T03:04:05 PST\n---\n", 2, 7, "the time zone must be"),
    ])
    func aBadDateIsAnErrorAtItsValueSayingWhatIsWrong(_ text: String, _ line: Int, _ column: Int, _ problem: String) throws {
        let workspace = try FixtureWorkspace()
        try workspace.write("sites/store/content/bad-date.md", text)
        let report = workspace.build(sites: ["store"])
        let error = try #require(report.error(containing: "`date` must be a date"))
        #expect(error.location == SourceLocation(file: "sites/store/content/bad-date.md", line: line, column: column))
        #expect(error.message.contains(problem))
        #expect(error.hint?.contains("2026-03-15") == true)
        #expect(!report.succeeded)
    }

    // MARK: - The site's time zone

    /// 04:26 on 29 May in Shanghai, 20:26 on 28 May in UTC.
    static let now = FixtureWorkspace.now

    func storeSite(timeZone: String?) throws -> FixtureWorkspace {
        let workspace = try FixtureWorkspace()
        try workspace.write("sites/store/site.yaml", "title: Store\nkind: store\nbaseURL: https://store.example.test/\n"
            + (timeZone.map { "timeZone: \($0)\n" } ?? ""))
        return workspace
    }

    @Test func aPublishDateWithoutAZoneIsReadInTheSitesTimeZone() throws {
        let workspace = try storeSite(timeZone: "Asia/Shanghai")
        try workspace.write("sites/store/content/dawn.md", "---\ntitle: Dawn\npublishDate: 2026-05-29 03:00\n---\n")
        #expect(workspace.build(sites: ["store"], now: Self.now).succeeded)
        #expect(workspace.exists("store/dawn/index.html"))
    }

    @Test func anExpiryDateWithoutAZoneIsReadInTheSitesTimeZone() throws {
        let workspace = try storeSite(timeZone: "Asia/Shanghai")
        try workspace.write("sites/store/content/dusk.md", "---\ntitle: Dusk\nexpiryDate: 2026-05-29 03:00\n---\n")
        #expect(workspace.build(sites: ["store"], now: Self.now).succeeded)
        #expect(!workspace.exists("store/dusk/index.html"))
    }

    @Test func withoutATimeZoneASiteReadsDatesInUTC() throws {
        let workspace = try storeSite(timeZone: nil)
        try workspace.write("sites/store/content/dawn.md", "---\ntitle: Dawn\npublishDate: 2026-05-29 03:00\n---\n")
        try workspace.write("sites/store/content/dusk.md", "---\ntitle: Dusk\nexpiryDate: 2026-05-29 03:00\n---\n")
        #expect(workspace.build(sites: ["store"], now: Self.now).succeeded)
        #expect(!workspace.exists("store/dawn/index.html"))
        #expect(workspace.exists("store/dusk/index.html"))
    }

    @Test func aDateThatNamesItsZoneIgnoresTheSitesTimeZone() throws {
        let workspace = try storeSite(timeZone: "Asia/Shanghai")
        try workspace.write("sites/store/content/dawn.md", "---\ntitle: Dawn\npublishDate: 2026-05-29T03:00:00Z\n---\n")
        #expect(workspace.build(sites: ["store"], now: Self.now).succeeded)
        #expect(!workspace.exists("store/dawn/index.html"))
    }

    @Test func pagesAreListedNewestFirstByTheMomentsTheirDatesNameInTheSitesTimeZone() throws {
        let workspace = try storeSite(timeZone: "Asia/Shanghai")
        // 02:00 UTC, and 01:00 UTC once read in Shanghai (09:00 UTC if it were read in UTC).
        try workspace.write("sites/store/content/zoned.md", "---\ntitle: Zoned\ndate: 2026-03-01T10:00:00+08:00\n---\n")
        try workspace.write("sites/store/content/local.md", "---\ntitle: Local\ndate: 2026-03-01 09:00\n---\n")
        #expect(workspace.build(sites: ["store"], now: Self.now).succeeded)
        let home = try #require(workspace.output("store/index.html"))
        let zoned = try #require(home.range(of: ">Zoned<")), local = try #require(home.range(of: ">Local<"))
        #expect(zoned.lowerBound < local.lowerBound)
    }

    @Test func aPageShowsTheDayItsDateIsWrittenOnWhateverTheZone() throws {
        let workspace = try storeSite(timeZone: "Asia/Shanghai")
        try workspace.write("sites/store/content/offers/local.md", "---\ntitle: Local\ndate: 2026-03-01\n---\n")
        try workspace.write("sites/store/content/offers/early.md", "---\ntitle: Early\ndate: 2026-03-01T07:00:00+08:00\n---\n")
        #expect(workspace.build(sites: ["store"], now: Self.now).succeeded)
        #expect(workspace.output("store/offers/local/index.html")?.contains("<p class=\"date\">1 March 2026</p>") == true)
        #expect(workspace.output("store/offers/early/index.html")?.contains("<p class=\"date\">1 March 2026</p>") == true)
    }

    @Test func aTimeZoneThatDoesNotExistIsAnErrorInSiteYaml() throws {
        let workspace = try storeSite(timeZone: "Mars/Olympus")
        let error = try #require(workspace.build(sites: ["store"]).error(containing: "`timeZone` must be the name of a time zone"))
        #expect(error.location == SourceLocation(file: "sites/store/site.yaml", line: 4, column: 11))
        #expect(error.hint?.contains("Asia/Shanghai") == true)
    }
}
