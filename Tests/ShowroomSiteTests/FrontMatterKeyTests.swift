import Foundation
import ShowroomCore
import ShowroomSite
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

    @Test(arguments: [
        ("+++\ntitle = \"Typo\"\ntitel = \"Oops\"\n+++\n", 3, 1),
        ("{\n  \"title\": \"Typo\",\n  \"titel\": \"Oops\"\n}\n", 3, 3),
    ])
    func aMisspeltKeyInTOMLOrJSONIsWarnedAtTheKey(_ text: String, _ line: Int, _ column: Int) throws {
        let (page, diagnostics) = PageSource.parse(text: text, file: "typo.md", contentPath: "typo.md")
        #expect(page != nil)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.message.contains("did you mean `title`?") == true)
        #expect(diagnostics.first?.location == SourceLocation(file: "typo.md", line: line, column: column))
    }

    @Test func theFlatReaderAndLibyamlPlaceKeysAlike() throws {
        let text = "title: Spring offer\nweight: 10\ntags: [a, b]"
        let fast = try YAMLNode.parse(text, file: "a.md", lineOffset: 1)
        let libyaml = try YAMLNode.parse(text + "\n# forces libyaml", file: "a.md", lineOffset: 1)
        let places = { (node: YAMLNode) in node.pairs?.map { $0.value.keyLocation } ?? [] }
        #expect(places(fast) == places(libyaml))
        #expect(places(fast).last == SourceLocation(file: "a.md", line: 4, column: 1))
    }
}
