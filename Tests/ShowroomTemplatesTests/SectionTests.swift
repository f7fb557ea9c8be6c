import ShowroomCore
import ShowroomTemplates
import Testing

/// Sections: `{{#name}}…{{/name}}`.
@Suite struct SectionTests {
    // MARK: Truthy and falsey values

    @Test func sectionOverTrueRendersItsContent() throws {
        let rendered = try render("[{{#on}}shown{{/on}}]", ["on": true])
        #expect(rendered == "[shown]")
    }

    @Test func sectionOverFalseRendersNothing() throws {
        let rendered = try render("[{{#on}}hidden{{/on}}]", ["on": false])
        #expect(rendered == "[]")
    }

    @Test func sectionOverNullRendersNothing() throws {
        let rendered = try render("[{{#nothing}}hidden{{/nothing}}]", ["nothing": nil])
        #expect(rendered == "[]")
    }

    @Test func sectionOverAMissingNameRendersNothing() throws {
        let rendered = try render("[{{#unknown}}hidden{{/unknown}}]")
        #expect(rendered == "[]")
    }

    @Test func sectionOverAnEmptyStringRendersNothing() throws {
        let rendered = try render("[{{#note}}hidden{{/note}}]", ["note": ""])
        #expect(rendered == "[]")
    }

    @Test func sectionOverZeroRendersItsContent() throws {
        let rendered = try render("[{{#count}}shown{{/count}}]", ["count": 0])
        #expect(rendered == "[shown]")
    }

    @Test func sectionOverANonEmptyStringRendersOnceNotPerCharacter() throws {
        let rendered = try render("[{{#code}}x{{/code}}]", ["code": "123"])
        #expect(rendered == "[x]")
    }

    // MARK: The context stack

    @Test func sectionOverAMapPushesTheMapAsTheContext() throws {
        let data: TemplateValue = ["dealer": ["name": "Marta"]]
        let rendered = try render("[{{#dealer}}Hi {{name}}.{{/dealer}}]", data)
        #expect(rendered == "[Hi Marta.]")
    }

    @Test func namesMissingInTheSectionContextAreFoundFurtherDownTheStack() throws {
        let data: TemplateValue = [
            "a": "root a", "b": "root b",
            "inner": ["b": "inner b"],
            "c": ["d": "root c.d"],
        ]
        let rendered = try render("{{#inner}}{{a}}, {{b}}, {{c.d}}{{/inner}}", data)
        #expect(rendered == "root a, inner b, root c.d")
    }

    @Test func sectionOverAStringPushesTheStringAsTheContext() throws {
        let rendered = try render("{{#name}}{{.}} is {{name}}{{/name}}", ["name": "Joe"])
        #expect(rendered == "Joe is Joe")
    }

    @Test func sectionOverANumberPushesTheNumberAsTheContext() throws {
        let rendered = try render("{{#seats}}{{.}} seats{{/seats}}", ["seats": 7])
        #expect(rendered == "7 seats")
    }

    @Test func nestedListSectionsSeeEveryEnclosingItem() throws {
        let data: TemplateValue = [
            "brands": [[
                "brand": ["upper": "A", "lower": "a"],
                "models": [[
                    "model": "1",
                    "trims": [["trim": "x"], ["trim": "y"]],
                ]],
            ]],
        ]
        let template =
            "{{#brands}}{{#models}}{{brand.lower}}{{model}}."
            + "{{#trims}}{{brand.upper}}{{model}}{{trim}}.{{/trims}}{{/models}}{{/brands}}"
        let rendered = try render(template, data)
        #expect(rendered == "a1.A1x.A1y.")
    }

    @Test func deeplyNestedSectionsSeeEveryEnclosingContext() throws {
        let data: TemplateValue = [
            "a": ["one": 1],
            "b": ["two": 2],
            "c": ["three": 3, "four": 4],
        ]
        let template = [
            "{{#a}}", "{{one}}",
            "{{#b}}", "{{one}}{{two}}",
            "{{#c}}", "{{one}}{{two}}{{three}}",
            "{{#four}}", "{{one}}{{two}}{{three}}{{.}}", "{{/four}}",
            "{{three}}{{two}}{{one}}", "{{/c}}",
            "{{two}}{{one}}", "{{/b}}",
            "{{one}}", "{{/a}}",
        ].map { $0 + "\n" }.joined()
        let rendered = try render(template, data)
        #expect(rendered == "1\n12\n123\n1234\n321\n21\n1\n")
    }

    // MARK: Lists

    @Test func sectionOverAListRendersOncePerItemWithTheItemAsContext() throws {
        let data: TemplateValue = ["items": [["n": 1], ["n": 2], ["n": 3]]]
        let rendered = try render("[{{#items}}{{n}}{{/items}}]", data)
        #expect(rendered == "[123]")
    }

    @Test func sectionOverAnEmptyListRendersNothing() throws {
        let rendered = try render("[{{#items}}hidden{{/items}}]", ["items": []])
        #expect(rendered == "[]")
    }

    @Test func aTemplateMayUseTheSameSectionMoreThanOnce() throws {
        let template = "{{#on}}\n* first\n{{/on}}\n* {{middle}}\n{{#on}}\n* third\n{{/on}}\n"
        let rendered = try render(template, ["on": true, "middle": "second"])
        #expect(rendered == "* first\n* second\n* third\n")
    }

    @Test func nestedTruthySectionsAllRender() throws {
        let rendered = try render("| A {{#on}}B {{#on}}C{{/on}} D{{/on}} E |", ["on": true])
        #expect(rendered == "| A B C D E |")
    }

    @Test func nestedFalseySectionsAreAllOmitted() throws {
        let rendered = try render("| A {{#on}}B {{#on}}C{{/on}} D{{/on}} E |", ["on": false])
        #expect(rendered == "| A  E |")
    }

    // MARK: The implicit iterator `.`

    @Test func dotIteratesOverAListOfStrings() throws {
        let rendered = try render("{{#list}}({{.}}){{/list}}", ["list": ["a", "b", "c"]])
        #expect(rendered == "(a)(b)(c)")
    }

    @Test func dotIteratesOverAListOfIntegers() throws {
        let rendered = try render("{{#list}}({{.}}){{/list}}", ["list": [1, 2, 3, 4, 5]])
        #expect(rendered == "(1)(2)(3)(4)(5)")
    }

    @Test func dotIteratesOverAListOfDecimals() throws {
        let data: TemplateValue = ["list": [1.10, 2.20, 3.30, 4.40, 5.50]]
        let rendered = try render("{{#list}}({{.}}){{/list}}", data)
        #expect(rendered == "(1.1)(2.2)(3.3)(4.4)(5.5)")
    }

    @Test func dotSectionIteratesOverNestedLists() throws {
        let data: TemplateValue = ["list": [[1, 2, 3], ["a", "b", "c"]]]
        let rendered = try render("{{#list}}({{#.}}{{.}}{{/.}}){{/list}}", data)
        #expect(rendered == "(123)(abc)")
    }

    @Test func dotOverListItemsIsEscaped() throws {
        let data: TemplateValue = ["list": ["&", "\"", "<", ">"]]
        let rendered = try render("{{#list}}({{.}}){{/list}}", data)
        #expect(rendered == "(&amp;)(&quot;)(&lt;)(&gt;)")
    }

    @Test(arguments: InterpolationTag.unescaped)
    func dotOverListItemsInUnescapedTagsIsVerbatim(_ form: InterpolationTag) throws {
        let data: TemplateValue = ["list": ["&", "\"", "<", ">"]]
        let rendered = try render("{{#list}}(\(form.tag("."))){{/list}}", data)
        #expect(rendered == #"(&)(")(<)(>)"#)
    }

    @Test func dotSectionIteratesOverARootList() throws {
        let data: TemplateValue = [["value": "a"], ["value": "b"]]
        let rendered = try render("{{#.}}({{value}}){{/.}}", data)
        #expect(rendered == "(a)(b)")
    }

    // MARK: Dotted names

    @Test func dottedSectionNameOverTrueRendersItsContent() throws {
        let rendered = try render("[{{#a.b.c}}here{{/a.b.c}}]", ["a": ["b": ["c": true]]])
        #expect(rendered == "[here]")
    }

    @Test func dottedSectionNameOverFalseRendersNothing() throws {
        let rendered = try render("[{{#a.b.c}}here{{/a.b.c}}]", ["a": ["b": ["c": false]]])
        #expect(rendered == "[]")
    }

    @Test func dottedSectionNameWithABrokenChainRendersNothing() throws {
        let rendered = try render("[{{#a.b.c}}here{{/a.b.c}}]", ["a": [:]])
        #expect(rendered == "[]")
    }

    // MARK: Whitespace

    @Test func sectionTagsKeepTheSurroundingWhitespace() throws {
        let rendered = try render(" | {{#on}}\t|\t{{/on}} | \n", ["on": true])
        #expect(rendered == " | \t|\t | \n")
    }

    @Test func sectionKeepsItsInnerWhitespace() throws {
        let rendered = try render(" | {{#on}} {{! kept }}\n {{/on}} | \n", ["on": true])
        #expect(rendered == " |  \n  | \n")
    }

    @Test func inlineSectionsOnIndentedLinesKeepTheIndentation() throws {
        let template = " {{#on}}YES{{/on}}\n {{#on}}GOOD{{/on}}\n"
        let rendered = try render(template, ["on": true])
        #expect(rendered == " YES\n GOOD\n")
    }

    @Test func standaloneSectionTagLinesAreRemoved() throws {
        let template = "| before\n{{#on}}\n|\n{{/on}}\n| after\n"
        let rendered = try render(template, ["on": true])
        #expect(rendered == "| before\n|\n| after\n")
    }

    @Test func indentedStandaloneSectionTagLinesAreRemoved() throws {
        let template = "| before\n  {{#on}}\n|\n  {{/on}}\n| after\n"
        let rendered = try render(template, ["on": true])
        #expect(rendered == "| before\n|\n| after\n")
    }

    @Test func standaloneSectionTagLineEndingInCRLFIsRemoved() throws {
        let rendered = try render("|\r\n{{#on}}\r\n{{/on}}\r\n|", ["on": true])
        #expect(rendered == "|\r\n|")
    }

    @Test func standaloneSectionTagOnTheFirstLineIsRemoved() throws {
        let rendered = try render("  {{#on}}\n#{{/on}}\n/", ["on": true])
        #expect(rendered == "#\n/")
    }

    @Test func standaloneSectionTagOnALastLineWithoutNewlineIsRemoved() throws {
        let rendered = try render("#{{#on}}\n/\n  {{/on}}", ["on": true])
        #expect(rendered == "#\n/\n")
    }

    @Test func spacesInsideSectionTagsAreIgnored() throws {
        let rendered = try render("|{{# on }}={{/ on }}|", ["on": true])
        #expect(rendered == "|=|")
    }

    // MARK: Structure

    @Test func sectionClosedWithAnotherNameIsACompileError() throws {
        let (library, diagnostics) = compile("{{#open}}text{{/other}}")
        #expect(library == nil)
        let error = try firstError(in: diagnostics)
        #expect(error.location?.file == testTemplateFile)
    }

    @Test func sectionThatIsNeverClosedIsACompileError() throws {
        let (library, diagnostics) = compile("line one\n{{#open}}text\n")
        #expect(library == nil)
        let error = try firstError(in: diagnostics)
        #expect(error.location?.file == testTemplateFile)
    }
}
