import Foundation
import ShowroomCore
import ShowroomTestSupport
import Testing

/// The template engine's checks, seen from a build: unknown names, unsafe values and derived values that
/// cannot be made are errors at the place a marketer or template author can fix them.
@Suite struct TemplateCheckTests {
    @Test func aMisspelledNameInATemplateIsAnErrorThatSuggestsTheRightName() throws {
        let workspace = try FixtureWorkspace()
        try workspace.write("templates/base/page.mustache", "{{<layout}}{{$main}}\n<h1>{{page.titel}}</h1>{{/main}}{{/layout}}")
        let error = try #require(workspace.build().error(containing: "`page.titel` names nothing"))
        #expect(error.location == SourceLocation(file: "templates/base/page.mustache", line: 2, column: 5))
        #expect(error.hint?.contains("did you mean `page.title`?") == true)
    }

    @Test func aKeyThatOnlySomePagesHaveIsFineInsideASectionThatTestsIt() throws {
        let workspace = try FixtureWorkspace()
        try workspace.write("templates/base/page.mustache",
                            "{{<layout}}{{$main}}{{#page.subtitle}}<p>{{.}}</p>{{/page.subtitle}}{{{page.content}}}{{/main}}{{/layout}}")
        let report = workspace.build()
        #expect(report.allDiagnostics.errors.isEmpty)
    }

    @Test func aJavaScriptLinkInFrontMatterIsAnErrorAtItsLine() throws {
        let workspace = try FixtureWorkspace()
        try workspace.write("templates/base/page.mustache",
                            "{{<layout}}{{$main}}{{#page.cta}}<a href=\"{{url}}\">{{title}}</a>{{/page.cta}}{{/main}}{{/layout}}")
        try workspace.write("shared/content/news/aurora-launch.md",
                            "---\ntitle: Aurora launches\ndate: 2026-02-01\ntags: [lumen, aurora]\ncta:\n  title: Win\n  url: \"JaVaScRiPt:alert(1)\"\n---\nHi.\n")
        let error = try #require(workspace.build().error(containing: "is not a safe link"))
        #expect(error.location?.file == "shared/content/news/aurora-launch.md")
        #expect(error.location?.line == 7)
        #expect(error.message.contains("`javascript:` scheme"))
    }

    @Test func anUnsafeCSSValueInSiteYamlIsAnErrorAtItsLine() throws {
        let workspace = try FixtureWorkspace()
        try workspace.write("templates/base/404.mustache",
                            "<html><head><style>:root{--panel:{{site.params.panel}}}</style></head><body></body></html>")
        let site = try String(contentsOf: workspace.root.appendingPathComponent("sites/aurora/site.yaml"), encoding: .utf8)
        try workspace.write("sites/aurora/site.yaml", site + "params:\n  panel: \"red}body{background:url(//x.example/a)\"\n")
        let error = try #require(workspace.build().error(containing: "is not a safe CSS value"))
        #expect(error.location?.file == "sites/aurora/site.yaml")
        #expect(error.location?.line == 13)
    }

    @Test func aPriceWrittenAsTextIsAnErrorAtTheDataLine() throws {
        let workspace = try FixtureWorkspace()
        try workspace.write("shared/data/models.yaml", "- id: aurora\n  name: Aurora\n  fromPrice: \"189,800\"\n")
        let error = try #require(workspace.build().error(containing: "`fromPrice` must be a number"))
        #expect(error.location == SourceLocation(file: "shared/data/models.yaml", line: 3, column: 14))
    }

    @Test func aMissingParentLayoutIsReportedWhereItIsNamed() throws {
        let workspace = try FixtureWorkspace()
        try workspace.write("templates/base/page.mustache", "{{<frame}}{{$main}}x{{/main}}{{/frame}}")
        let error = try #require(workspace.build().error(containing: "parent layout `frame` does not exist"))
        #expect(error.location == SourceLocation(file: "templates/base/page.mustache", line: 1, column: 1))
    }

    @Test func anUnknownTemplateFunctionIsASyntaxError() throws {
        let workspace = try FixtureWorkspace()
        try workspace.write("templates/base/page.mustache", "{{<layout}}{{$main}}{{shout(page.title)}}{{/main}}{{/layout}}")
        let error = try #require(workspace.build().error(containing: "`shout` is not a template function"))
        #expect(error.location?.file == "templates/base/page.mustache")
    }
}
