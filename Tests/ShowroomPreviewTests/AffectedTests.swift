import Foundation
import ShowroomPreview
import ShowroomTestSupport
import Testing

@Suite("showroom affected")
struct AffectedTests {
    /// The fixture as a git repository with one commit, built once so that its records exist.
    private func committedWorkspace(build: Bool = true) throws -> FixtureWorkspace {
        let workspace = try FixtureWorkspace()
        try workspace.write(".gitignore", "/public/\n/.showroom/\n")
        try workspace.git("init", "-q", "-b", "main")
        try workspace.git("add", ".")
        try workspace.git("commit", "-q", "-m", "fixture")
        if build { #expect(workspace.build().succeeded) }
        return workspace
    }

    private func affected(_ workspace: FixtureWorkspace) throws -> [String] {
        try AffectedSites.run(workspace: workspace.root, since: "HEAD", now: FixtureWorkspace.now).sites
    }

    @Test func aSiteOwnFileAffectsOnlyThatSite() throws {
        let workspace = try committedWorkspace()
        defer { workspace.remove() }
        try workspace.write("sites/lumen/content/about.md", try workspace.read("sites/lumen/content/about.md") + "\nMore.\n")
        #expect(try affected(workspace) == ["lumen"])
    }

    @Test func aDeletedSiteIsReportedAsRemovedNotAsAffected() throws {
        let workspace = try committedWorkspace()
        defer { workspace.remove() }
        try FileManager.default.removeItem(at: workspace.root.appendingPathComponent("sites/store"))
        let report = try AffectedSites.run(workspace: workspace.root, since: "HEAD", now: FixtureWorkspace.now)
        #expect(report.removed == ["store"])
        #expect(!report.sites.contains("store"))
        #expect(report.json.contains("\"removed\" : [\n    \"store\"\n  ]"))
    }

    @Test func aNewUntrackedPageAffectsItsSite() throws {
        let workspace = try committedWorkspace()
        defer { workspace.remove() }
        try workspace.write("sites/store/content/offers/summer.md", "---\ntitle: Summer\n---\nHot.\n")
        #expect(try affected(workspace) == ["store"])
    }

    @Test func aSharedPageAffectsTheSitesThatShowIt() throws {
        let workspace = try committedWorkspace()
        defer { workspace.remove() }
        try workspace.write("shared/content/news/aurora-launch.md", try workspace.read("shared/content/news/aurora-launch.md") + "\nUpdated.\n")
        try workspace.write("shared/content/news/other-brand.md", try workspace.read("shared/content/news/other-brand.md") + "\nUpdated.\n")
        #expect(try affected(workspace) == ["aurora", "lumen"])
    }

    @Test func aSharedPageNoMountTakesAffectsNoSite() throws {
        let workspace = try committedWorkspace()
        defer { workspace.remove() }
        try workspace.write("shared/content/news/other-brand.md", try workspace.read("shared/content/news/other-brand.md") + "\nUpdated.\n")
        #expect(try affected(workspace) == [])
    }

    @Test func aKindTemplateAffectsOnlyTheSitesOfThatKind() throws {
        let workspace = try committedWorkspace()
        defer { workspace.remove() }
        try workspace.write("templates/product/home.mustache", try workspace.read("templates/product/home.mustache") + "\n")
        #expect(try affected(workspace) == ["aurora"])
    }

    @Test func aNewBaseTemplateAffectsEverySite() throws {
        let workspace = try committedWorkspace()
        defer { workspace.remove() }
        try workspace.write("templates/base/footer.mustache", "<footer></footer>")
        #expect(try affected(workspace) == ["aurora", "lumen", "store"])
    }

    @Test func sharedDataAffectsEverySite() throws {
        let workspace = try committedWorkspace()
        defer { workspace.remove() }
        try workspace.write("shared/data/models.yaml", try workspace.read("shared/data/models.yaml") + "\n")
        #expect(try affected(workspace) == ["aurora", "lumen", "store"])
    }

    @Test func anAssetFileAffectsTheSitesThatUseIt() throws {
        let workspace = try committedWorkspace()
        defer { workspace.remove() }
        let records = try String(contentsOf: workspace.root.appendingPathComponent("public/.showroom/sites/aurora.json"), encoding: .utf8)
        #expect(records.contains("assets/files/photos/aurora-hero.png"))
        try Data([0x89, 0x50]).write(to: workspace.root.appendingPathComponent("assets/files/photos/aurora-hero.png"))
        try Data([0x89, 0x50]).write(to: workspace.root.appendingPathComponent("assets/files/photos/unused.png"))
        #expect(try affected(workspace) == ["aurora"])
    }

    @Test func aTranslationFileAffectsTheSitesInItsLocale() throws {
        let workspace = try committedWorkspace()
        defer { workspace.remove() }
        try workspace.write("shared/i18n/zh-CN.yaml", try workspace.read("shared/i18n/zh-CN.yaml") + "\n")
        #expect(try affected(workspace) == ["aurora"])
    }

    @Test func withoutBuildRecordsTheFleetIsBuiltFirst() throws {
        let workspace = try committedWorkspace(build: false)
        defer { workspace.remove() }
        try workspace.write("shared/data/models.yaml", try workspace.read("shared/data/models.yaml") + "\n")
        let report = try AffectedSites.run(workspace: workspace.root, since: "HEAD", now: FixtureWorkspace.now)
        #expect(report.builtFirst)
        #expect(report.sites == ["aurora", "lumen", "store"])
        #expect(report.reasons["lumen"] == ["shared/data/models.yaml"])
    }

    @Test func anUnknownRevisionIsAClearError() throws {
        let workspace = try committedWorkspace()
        defer { workspace.remove() }
        #expect(throws: AffectedSites.Failure.self) { try AffectedSites.run(workspace: workspace.root, since: "no-such-rev") }
    }
}
