import Foundation
import ShowroomCore
import ShowroomPreview
import ShowroomTestSupport
import Testing

@Suite("showroom check")
struct CheckTests {
    private func check(_ workspace: FixtureWorkspace, sites: [String] = []) -> CheckReport {
        FleetCheck.run(CheckOptions(workspace: workspace.root, sites: sites, now: FixtureWorkspace.now))
    }

    @Test func theFixtureFleetChecksWithoutErrors() throws {
        let workspace = try FixtureWorkspace()
        defer { workspace.remove() }
        let report = check(workspace)
        #expect(report.diagnostics.errors == [])
        #expect(report.sites.sorted() == ["aurora", "lumen", "store"])
        #expect(report.pages > 5)
    }

    @Test func checkWritesNoOutput() throws {
        let workspace = try FixtureWorkspace()
        defer { workspace.remove() }
        _ = check(workspace)
        #expect(!FileManager.default.fileExists(atPath: workspace.root.appendingPathComponent("public").path))
    }

    @Test func aPriceInTheSharedDataThatIsNotANumberIsAnErrorOfTheCheck() throws {
        let workspace = try FixtureWorkspace()
        defer { workspace.remove() }
        try workspace.write("shared/data/models.yaml", "- id: aurora\n  name: Aurora\n  brand: lumen\n  fromPrice: 189,800 CNY\n")
        let report = check(workspace)
        let error = try #require(report.diagnostics.errors.first { $0.message.contains("`fromPrice` must be a number") })
        #expect(error.location == SourceLocation(file: "shared/data/models.yaml", line: 4, column: 14))
        #expect(!report.succeeded)
    }

    @Test func aBrokenInternalLinkIsReportedAtTheLineThatWritesIt() throws {
        let workspace = try FixtureWorkspace()
        defer { workspace.remove() }
        try workspace.write("sites/lumen/content/contact.md", "---\ntitle: Contact\n---\nWrite to us.\n\nSee [our dealers](/dealers/).\n")
        let report = check(workspace, sites: ["lumen"])
        let error = try #require(report.diagnostics.errors.first { $0.message.contains("leads nowhere") })
        #expect(error.location == SourceLocation(file: "sites/lumen/content/contact.md", line: 6, column: 19))
        #expect(error.message.contains("/dealers/"))
        #expect(!report.succeeded)
    }

    @Test func aRelativeLinkResolvesAgainstThePageURL() throws {
        let workspace = try FixtureWorkspace()
        defer { workspace.remove() }
        try workspace.write("sites/lumen/content/contact.md", "---\ntitle: Contact\n---\n[About](../about/) and [gone](../nowhere/)\n")
        let errors = check(workspace, sites: ["lumen"]).diagnostics.errors
        #expect(errors.count == 1)
        #expect(errors.first?.message.contains("../nowhere/") == true)
    }

    @Test func aLinkToAMissingAnchorIsReported() throws {
        let workspace = try FixtureWorkspace()
        defer { workspace.remove() }
        try workspace.write("sites/lumen/content/contact.md", "---\ntitle: Contact\n---\n[Range](/about/#range) and [top](/about/#top)\n")
        let report = check(workspace, sites: ["lumen"])
        let error = try #require(report.diagnostics.errors.first)
        #expect(report.diagnostics.errors.count == 1)
        #expect(error.message.contains("anchor #range"))
        #expect(error.location?.file == "sites/lumen/content/contact.md")
    }

    @Test func aLinkToAHeadingIDChecksClean() throws {
        let workspace = try FixtureWorkspace()
        defer { workspace.remove() }
        try workspace.write("sites/lumen/content/contact.md",
                            "---\ntitle: Contact\n---\nSee [the hours](#opening-hours) and [the map](#map).\n\n## Opening hours\n\n## Where {#map}\n")
        try workspace.write("sites/lumen/content/visit.md", "---\ntitle: Visit\n---\n[Opening hours](/contact/#opening-hours)\n")
        let report = check(workspace, sites: ["lumen"])
        #expect(report.diagnostics.errors == [])
    }

    @Test func footnoteLinksCheckClean() throws {
        let workspace = try FixtureWorkspace()
        defer { workspace.remove() }
        try workspace.write("sites/lumen/content/range.md", "---\ntitle: Range\n---\n520 km[^wltp], twice[^wltp].\n\n[^wltp]: WLTP.\n")
        let report = check(workspace, sites: ["lumen"])
        #expect(report.diagnostics.errors == [])
    }

    @Test func malformedHTMLInALayoutIsReported() throws {
        let workspace = try FixtureWorkspace()
        defer { workspace.remove() }
        try workspace.write("sites/lumen/templates/page.mustache",
                            "{{<layout}}{{$main}}<h1>{{page.title}}</h1><p>{{{page.content}}}</span></p>{{/main}}{{/layout}}")
        let report = check(workspace, sites: ["lumen"])
        let error = try #require(report.diagnostics.errors.first { $0.message.contains("is not valid HTML") })
        #expect(error.message.contains("Unexpected end tag"))
    }

    @Test func githubFormatPrintsOneAnnotationPerProblem() throws {
        let workspace = try FixtureWorkspace()
        defer { workspace.remove() }
        try workspace.write("sites/lumen/content/contact.md", "---\ntitle: Contact\n---\n[Dealers](/dealers/)\n")
        let output = check(workspace, sites: ["lumen"]).formatted(as: .github)
        let annotation = try #require(output.split(separator: "\n").first { $0.hasPrefix("::error") })
        #expect(annotation.hasPrefix("::error file=sites/lumen/content/contact.md,line=4,col=11::the link /dealers/ on page /contact/ of lumen leads nowhere"))
        #expect(annotation.contains("%0Afix: correct the link"))
    }

    @Test func jsonFormatListsEveryDiagnosticWithItsLocation() throws {
        let workspace = try FixtureWorkspace()
        defer { workspace.remove() }
        try workspace.write("sites/lumen/content/contact.md", "---\ntitle: Contact\n---\n[Dealers](/dealers/)\n")
        let output = check(workspace, sites: ["lumen"]).formatted(as: .json)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        #expect(json["succeeded"] as? Bool == false)
        let first = try #require((json["diagnostics"] as? [[String: Any]])?.first)
        #expect(first["file"] as? String == "sites/lumen/content/contact.md")
        #expect(first["line"] as? Int == 4)
    }

    /// A value with ESC and BEL in it (written as YAML escapes) and a file name with a line break.
    private func checkWithControlCharacters() throws -> CheckReport {
        let workspace = try FixtureWorkspace()
        defer { workspace.remove() }
        try workspace.write("sites/lumen/content/esc\nfile.md", "---\ntitle: Esc\nslug: \"red\\e[31m/\\a\"\n---\n")
        return check(workspace, sites: ["lumen"])
    }

    private func isRaw(_ text: String) -> Bool {
        text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 }
    }

    @Test func controlCharactersAreShownEscapedInTheTextFormat() throws {
        let output = try checkWithControlCharacters().formatted(as: .text)
        #expect(output.contains("red\\u{1B}[31m/\\u{7}"))
        #expect(output.contains("sites/lumen/content/esc\\u{A}file.md:3:7: error"))
        #expect(!isRaw(output))
    }

    @Test func controlCharactersAreShownEscapedInTheJSONFormat() throws {
        let output = try checkWithControlCharacters().formatted(as: .json)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        let entry = try #require((json["diagnostics"] as? [[String: Any]])?.first { ($0["message"] as? String)?.contains("slug") == true })
        #expect(!isRaw(entry["message"] as? String ?? ""))
        #expect((entry["message"] as? String)?.contains("red\\u{1B}[31m") == true)
        #expect(entry["file"] as? String == "sites/lumen/content/esc\\u{A}file.md")
    }

    @Test func controlCharactersAreShownEscapedInTheGitHubFormat() throws {
        let output = try checkWithControlCharacters().formatted(as: .github)
        let annotation = try #require(output.split(separator: "\n").first { $0.contains("slug") })
        #expect(annotation.hasPrefix("::error file=sites/lumen/content/esc\\u{A}file.md,line=3,col=7::"))
        #expect(!isRaw(String(annotation)))
    }
}
