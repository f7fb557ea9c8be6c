import ShowroomCore
import ShowroomTemplates
import Testing

/// Partials: `{{>name}}` expands another template in place.
@Suite struct PartialTests {
    // MARK: Expansion

    @Test func partialTagIsReplacedByThePartial() throws {
        let rendered = try render("[{{>greeting}}]", partials: ["greeting": "from the partial"])
        #expect(rendered == "[from the partial]")
    }

    @Test func partialRendersWithTheCallersContext() throws {
        let rendered = try render("[{{>card}}]", ["model": "Aurora"], partials: ["card": "*{{model}}*"])
        #expect(rendered == "[*Aurora*]")
    }

    @Test func partialRendersWithTheContextOfTheEnclosingSection() throws {
        let data: TemplateValue = ["cars": [["model": "A"], ["model": "B"]]]
        let rendered = try render("{{#cars}}{{>card}}{{/cars}}", data, partials: ["card": "({{model}})"])
        #expect(rendered == "(A)(B)")
    }

    @Test func partialMayIncludeItselfRecursively() throws {
        let data: TemplateValue = ["content": "X", "nodes": [["content": "Y", "nodes": []]]]
        let partials = ["node": "{{content}}({{#nodes}}{{>node}}{{/nodes}})"]
        let rendered = try render("{{>node}}", data, partials: partials)
        #expect(rendered == "X(Y())")
    }

    @Test func partialMayIncludeAnotherPartial() throws {
        let partials = ["outer": "*{{a}} {{>inner}}*", "inner": "{{b}}!"]
        let rendered = try render("[{{>outer}}]", ["a": "hello", "b": "world"], partials: partials)
        #expect(rendered == "[*hello world!*]")
    }

    // MARK: Missing partials (a compile error in this engine, not an empty string)

    @Test func partialNamingNoTemplateIsACompileErrorAtTheTag() throws {
        let (library, diagnostics) = compile("first line\n  {{>missing}}\n")
        #expect(library == nil)
        let error = try firstError(in: diagnostics)
        #expect(error.location?.file == testTemplateFile)
        #expect(error.location?.line == 2)
        #expect(error.location?.column == 3)
        #expect(error.message.contains("missing"))
    }

    @Test func missingPartialInsideAPartialIsReportedInThatPartialsFile() throws {
        let (library, diagnostics) = compile("{{>outer}}", partials: ["outer": "text {{>absent}}"])
        #expect(library == nil)
        let error = try firstError(in: diagnostics)
        #expect(error.location?.file == "outer.mustache")
        #expect(error.location?.line == 1)
        #expect(error.location?.column == 6)
    }

    @Test func missingPartialIsAnErrorEvenInsideASectionThatWouldNotRender() throws {
        let (library, diagnostics) = compile("{{#never}}{{>missing}}{{/never}}")
        #expect(library == nil)
        #expect(diagnostics.hasErrors)
    }

    // MARK: Whitespace and indentation

    @Test func partialTagKeepsTheSurroundingWhitespace() throws {
        let rendered = try render("| {{>part}} |", partials: ["part": "\t|\t"])
        #expect(rendered == "| \t|\t |")
    }

    @Test func partialAfterTextOnALineIsNotIndented() throws {
        let rendered = try render("  {{data}}  {{> part}}\n", ["data": "|"], partials: ["part": "-\n-"])
        #expect(rendered == "  |  -\n-\n")
    }

    @Test func standalonePartialLineEndingInCRLFLosesItsLineEnding() throws {
        let rendered = try render("|\r\n{{>part}}\r\n|", partials: ["part": "-"])
        #expect(rendered == "|\r\n-|")
    }

    @Test func standalonePartialOnTheFirstLineIsIndented() throws {
        let rendered = try render("  {{>part}}\n-", partials: ["part": "-\n-"])
        #expect(rendered == "  -\n  --")
    }

    @Test func standalonePartialOnALastLineWithoutNewlineIsIndented() throws {
        let rendered = try render("-\n  {{>part}}", partials: ["part": "-\n-"])
        #expect(rendered == "-\n  -\n  -")
    }

    @Test func standalonePartialTagIsIndentedLikeItsLine() throws {
        let partials = ["list": "first\n{{#items}}\n- {{.}}\n{{/items}}\nlast\n"]
        let rendered = try render("begin\n   {{>list}}\nend\n", ["items": ["a", "b"]], partials: partials)
        #expect(rendered == "begin\n   first\n   - a\n   - b\n   last\nend\n")
    }

    @Test func indentationOfAStandalonePartialIsNotAddedInsideInterpolatedValues() throws {
        let partials = ["part": "|\n{{{text}}} and {{{text}}}.\n|\n"]
        let rendered = try render("\\\n {{>part}}\n/\n", ["text": "x\ny"], partials: partials)
        #expect(rendered == "\\\n |\n x\ny and x\ny.\n |\n/\n")
    }

    @Test func indentationAccumulatesThroughNestedStandalonePartials() throws {
        let partials = ["outer": "o1\n  {{>inner}}\no2\n", "inner": "i1\ni2\n"]
        let rendered = try render("  {{>outer}}\n", partials: partials)
        #expect(rendered == "  o1\n    i1\n    i2\n  o2\n")
    }

    @Test func spacesInsideThePartialTagAreIgnored() throws {
        let rendered = try render("|{{> part }}|", partials: ["part": "[]"])
        #expect(rendered == "|[]|")
    }
}
