import Foundation
import ShowroomCore
import ShowroomSite
import ShowroomTestSupport
import ShowroomWorkspace
import Testing

/// Front matter keys Showroom does not read are data for templates (`page.<key>`); only a key one edit away
/// from a known one is taken for a typo and warned about, at the key.
@Suite struct FrontMatterKeyTests {
    @Test func aKeyTheEngineDoesNotReadReachesTemplatesWithoutAWarning() throws {
        let workspace = try FixtureWorkspace()
        try workspace.write("templates/base/specs.mustache", "{{<layout}}{{$main}}<p class=\"engine\">{{page.engine}}</p>{{/main}}{{/layout}}")
        try workspace.write("sites/store/content/specs.md", "---\ntitle: Specs\nlayout: specs\nengine: Dual motor\n---\n")
        let report = workspace.build(sites: ["store"])
        #expect(report.succeeded)
        #expect(report.allDiagnostics.warnings.isEmpty)
        #expect(workspace.output("store/specs/index.html")?.contains("<p class=\"engine\">Dual motor</p>") == true)
    }

    @Test(arguments: [("titel", "title"), ("descripton", "description"), ("dtae", "date"), ("tag", "tags"), ("layouts", "layout")])
    func aKeyOneEditFromAKnownKeyIsAWarningAtTheKeyWithASuggestion(_ written: String, _ known: String) throws {
        let workspace = try FixtureWorkspace()
        try workspace.write("sites/store/content/typo.md", "---\ntitle: Typo\n\(written):\n  - nested\n---\n")
        let report = workspace.build(sites: ["store"])
        #expect(report.succeeded)
        let warnings = report.allDiagnostics.warnings
        #expect(warnings.count == 1)
        #expect(warnings.first?.message.contains("`\(written)`") == true)
        #expect(warnings.first?.message.contains("did you mean `\(known)`?") == true)
        #expect(warnings.first?.location == SourceLocation(file: "sites/store/content/typo.md", line: 3, column: 1))
    }

    @Test(arguments: ["subtitle", "images", "categories", "lastmod", "linkTitle"])
    func aKeyOfItsOwnOrOneOfHugosIsNotTakenForATypo(_ key: String) throws {
        let workspace = try FixtureWorkspace()
        try workspace.write("sites/store/content/extra.md", "---\ntitle: Extra\n\(key): something\n---\n")
        let report = workspace.build(sites: ["store"])
        #expect(report.succeeded)
        #expect(report.allDiagnostics.warnings.isEmpty)
    }

    @Test func aMisspeltKeyOnASharedPageShownByTwoSitesIsWarnedOnce() throws {
        let workspace = try FixtureWorkspace()
        try workspace.write("shared/content/news/both.md", "---\ntitle: Both\ntags: [lumen, aurora]\ndescripton: Oops\n---\n")
        let report = workspace.build()
        #expect(report.succeeded)
        #expect(report.allDiagnostics.warnings.filter { $0.message.contains("`descripton`") }.count == 1)
    }
}
