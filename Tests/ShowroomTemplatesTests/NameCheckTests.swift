import Foundation
import ShowroomCore
import ShowroomTemplates
import ShowroomWorkspace
import Testing

/// Names are checked when templates compile, against the shape of what the context offers.
@Suite struct NameCheckTests {
    private func check(_ template: String, _ context: TemplateValue, partials: [String: String] = [:]) throws -> [Diagnostic] {
        let sources = [TemplateSource(name: "t", file: "t.mustache", text: template)]
            + partials.map { TemplateSource(name: $0.key, file: "\($0.key).mustache", text: $0.value) }
        let (library, diagnostics) = TemplateLibrary.compile(sources)
        return try #require(library, "\(diagnostics)").check("t", context: TemplateShape(of: context))
    }

    private let page: TemplateValue = ["page": ["title": "Aurora", "hero": ["url": "/a.png"]], "pages": [["title": "A"]]]

    @Test func aMisspelledMemberIsAnErrorAtItsTagWithTheNearestName() throws {
        let diagnostics = try check("<h1>\n  {{page.titel}}</h1>", page)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.location == SourceLocation(file: "t.mustache", line: 2, column: 3))
        #expect(diagnostics.first?.hint == "did you mean `page.title`?")
    }

    @Test func aMisspelledFirstNameSuggestsFromEveryLevelOfTheStack() throws {
        let diagnostics = try check("{{#pages}}{{titel}}{{/pages}}", page)
        #expect(diagnostics.first?.hint == "did you mean `title`?")
    }

    @Test func namesInsideAListSectionAreCheckedAgainstItsItems() throws {
        #expect(try check("{{#pages}}{{title}}{{page.title}}{{/pages}}", page).isEmpty)
    }

    @Test func aNameInsideAPartialIsReportedInThePartialsFile() throws {
        let diagnostics = try check("{{> card}}", page, partials: ["card": "{{page.nope}}"])
        #expect(diagnostics.first?.location?.file == "card.mustache")
    }

    @Test func printingAGroupOfValuesIsAnError() throws {
        let diagnostics = try check("{{page}}", page)
        #expect(diagnostics.first?.message.contains("is a group of values") == true)
    }

    @Test func aMemberOfASingleValueIsAnError() throws {
        let diagnostics = try check("{{page.title.first}}", page)
        #expect(diagnostics.first?.message.contains("`page.title` is a single value") == true)
    }

    @Test func aKeyOfAFreeFormRecordMayBeTestedWithoutExisting() throws {
        let shape = TemplateShape.record([("page", TemplateShape(of: ["title": "A"]).opened, optional: false)])
        let (library, _) = TemplateLibrary.compile([TemplateSource(name: "t", file: "t.mustache", text: "{{#page.cta}}{{url}}{{/page.cta}}")])
        #expect(try #require(library).check("t", context: shape).isEmpty)
    }

    @Test func printingAMissingKeyOfAFreeFormRecordIsStillAnError() throws {
        let shape = TemplateShape.record([("page", TemplateShape(of: ["title": "A"]).opened, optional: false)])
        let (library, _) = TemplateLibrary.compile([TemplateSource(name: "t", file: "t.mustache", text: "{{page.cta}}")])
        #expect(try #require(library).check("t", context: shape).count == 1)
    }

    @Test func firstOutsideAListIsAnError() throws {
        let diagnostics = try check("{{#first()}}x{{/first()}}", page)
        #expect(diagnostics.first?.message.contains("only meaningful inside a section over a list") == true)
    }

    @Test func namesInABlockOverrideAreCheckedWhereTheParentUsesThem() throws {
        let diagnostics = try check("{{<frame}}{{$main}}{{page.nope}}{{/main}}{{/frame}}", page, partials: ["frame": "<main>{{$main}}{{/main}}</main>"])
        #expect(diagnostics.count == 1)
    }
}

/// The built-in functions the fleet's templates use.
@Suite struct TemplateFunctionTests {
    private func render(_ template: String, _ data: TemplateValue) throws -> String {
        let (library, diagnostics) = TemplateLibrary.compile([TemplateSource(name: "t", file: "t.mustache", text: template)])
        return try #require(library, "\(diagnostics)").render("t", with: data).text
    }

    @Test func emptyIsTrueForMissingEmptyTextAndEmptyLists() throws {
        #expect(try render("{{#empty(a)}}1{{/empty(a)}}{{#empty(b)}}2{{/empty(b)}}{{#empty(c)}}3{{/empty(c)}}{{^empty(d)}}4{{/empty(d)}}",
                           ["b": "", "c": [], "d": "x"]) == "1234")
    }

    @Test func firstAndLastTellTheLoopPosition() throws {
        #expect(try render("{{#l}}{{#first()}}[{{/first()}}{{.}}{{#last()}}]{{/last()}}{{/l}}", ["l": [1, 2, 3]]) == "[123]")
    }

    @Test func countCountsAList() throws {
        #expect(try render("{{count(l)}}", ["l": [1, 2, 3]]) == "3")
    }

    @Test func capitalizedUpperCasesEachWordsFirstLetter() throws {
        #expect(try render("{{capitalized(s)}}", ["s": "new energy cars"]) == "New Energy Cars")
    }

    @Test func aHelperReceivesItsLiteralArgument() throws {
        let (library, _) = TemplateLibrary.compile([TemplateSource(name: "t", file: "t.mustache", text: "<a href=\"{{#asset}} hero {{/asset}}\">")],
                                                   helpers: ["asset": { "/assets/\($0).png" }])
        let lib = try #require(library)
        #expect(lib.render("t", with: [:]).text == "<a href=\"/assets/hero.png\">")
        #expect(lib.helperCalls().map(\.argument) == ["hero"])
    }

    @Test func aValueNamedLikeAHelperWinsOverTheHelper() throws {
        let (library, _) = TemplateLibrary.compile([TemplateSource(name: "t", file: "t.mustache", text: "{{#download}}{{.}}{{/download}}")],
                                                   helpers: ["download": { _ in "helper" }])
        #expect(try #require(library).render("t", with: ["download": "value"]).text == "value")
    }
}

/// Plain JSON data drives the engine as well as typed values do.
@Suite struct JSONDataTests {
    @Test func jsonTextDecodesIntoTemplateData() throws {
        let json = #"{"title": "Aurora", "price": 189800, "ratio": 1.5, "live": true, "tags": ["ev", "suv"], "none": null}"#
        let data = try JSONDecoder().decode(TemplateValue.self, from: Data(json.utf8))
        let (library, _) = TemplateLibrary.compile([TemplateSource(name: "t", file: "t.mustache",
                                                                   text: "{{title}} {{price}} {{ratio}} {{#live}}on{{/live}} {{#tags}}[{{.}}]{{/tags}}{{^none}}-{{/none}}")])
        #expect(try #require(library).render("t", with: data).text == "Aurora 189800 1.5 on [ev][suv]-")
    }
}
