import Foundation
import ShowroomCore
import ShowroomPreview
import ShowroomTestSupport
import Testing

/// The fixes `showroom check` suggests fit the mistake.
@Suite("showroom check: hints")
struct CheckHintTests {
    private func errors(after page: String, _ text: String) throws -> [Diagnostic] {
        let workspace = try FixtureWorkspace()
        defer { workspace.remove() }
        try workspace.write("sites/lumen/content/\(page)", text)
        return FleetCheck.run(CheckOptions(workspace: workspace.root, sites: ["lumen"], now: FixtureWorkspace.now)).diagnostics.errors
    }

    @Test func aMisspelledAnchorSuggestsTheHeadingItMeant() throws {
        let errors = try errors(after: "contact.md", "---\ntitle: Contact\n---\nSee [the hours](#opening-hour).\n\n## Opening hours\n")
        #expect(errors.count == 1)
        #expect(errors.first?.hint?.contains("did you mean #opening-hours?") == true)
    }

    @Test func anAnchorNoHeadingHasSaysHowToGiveAHeadingThatID() throws {
        let errors = try errors(after: "contact.md", "---\ntitle: Contact\n---\nSee [prices](#prices).\n\n## Opening hours\n")
        let hint = try #require(errors.first?.hint)
        #expect(hint.contains("{#prices}"))
        #expect(hint.contains("#opening-hours"))
    }

    @Test func aMissingPictureByPathSuggestsALibraryAssetOrABundle() throws {
        let errors = try errors(after: "contact.md", "---\ntitle: Contact\n---\n![Map](/images/map.png)\n")
        let error = try #require(errors.first { $0.message.contains("/images/map.png") })
        #expect(error.hint?.contains("asset:<id>") == true)
        #expect(error.hint?.contains("index.md") == true)
    }

    @Test func aMissingPageSuggestsCorrectingTheLink() throws {
        let errors = try errors(after: "contact.md", "---\ntitle: Contact\n---\n[Dealers](/dealerz/)\n")
        #expect(errors.first?.hint == "correct the link, or create the page it points at")
    }

    @Test func aLinkWithChineseLettersToAnExistingPageChecksClean() throws {
        let workspace = try FixtureWorkspace()
        defer { workspace.remove() }
        try workspace.write("sites/lumen/content/经销商.md", "---\ntitle: 经销商\n---\n## 北京 {#北京}\n")
        try workspace.write("sites/lumen/content/contact.md", "---\ntitle: Contact\n---\n[北京](/经销商/#北京) and [encoded](/%E7%BB%8F%E9%94%80%E5%95%86/)\n")
        let report = FleetCheck.run(CheckOptions(workspace: workspace.root, sites: ["lumen"], now: FixtureWorkspace.now))
        #expect(report.diagnostics.errors == [])
    }
}
