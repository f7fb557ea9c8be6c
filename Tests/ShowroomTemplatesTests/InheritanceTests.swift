import ShowroomCore
import ShowroomTemplates
import Testing

/// Template inheritance: parents `{{<parent}}…{{/parent}}` and blocks `{{$block}}…{{/block}}`.
@Suite struct InheritanceTests {
    // MARK: Blocks outside a parent render their default content

    @Test func blockOutsideAParentRendersItsDefault() throws {
        let rendered = try render("{{$title}}Default title{{/title}}\n")
        #expect(rendered == "Default title\n")
    }

    @Test func blockDefaultInterpolatesVariables() throws {
        let rendered = try render("{{$b}}default {{v}} content{{/b}}\n", ["v": "baz"])
        #expect(rendered == "default baz content\n")
    }

    @Test func blockDefaultInterpolatesTripleMustacheWithoutEscaping() throws {
        let rendered = try render("{{$b}}default {{{v}}} content{{/b}}\n", ["v": "[&]"])
        #expect(rendered == "default [&] content\n")
    }

    @Test func blockDefaultRendersSections() throws {
        let rendered = try render("{{$b}}default {{#v}}{{w}}{{/v}} content{{/b}}\n", ["v": ["w": "qux"]])
        #expect(rendered == "default qux content\n")
    }

    @Test func blockDefaultRendersInvertedSections() throws {
        let rendered = try render("{{$b}}default {{^v}}{{w}}{{/v}} content{{/b}}\n", ["w": "three"])
        #expect(rendered == "default three content\n")
    }

    @Test func valuesInsideABlockDefaultAreNotParsedAsTemplates() throws {
        let rendered = try render("{{$b}}default {{#v}}{{w}}{{/v}} content{{/b}}\n", ["v": ["w": "{{qux}}"]])
        #expect(rendered == "default {{qux}} content\n")
    }

    // MARK: Parents and overrides

    @Test func parentWithoutOverridesRendersItsBlockDefaults() throws {
        let rendered = try render("{{<include}}{{/include}}\n", partials: ["include": "{{$foo}}default content{{/foo}}"])
        #expect(rendered == "default content")
    }

    @Test func blockInsideAParentTagReplacesTheParentsBlock() throws {
        let partials = ["super": "...{{$title}}Default title{{/title}}..."]
        let rendered = try render("{{<super}}{{$title}}sub template title{{/title}}{{/super}}", partials: partials)
        #expect(rendered == "...sub template title...")
    }

    @Test func contextValueNamedLikeABlockDoesNotReplaceTheOverride() throws {
        let rendered = try render("{{<include}}{{$var}}var in template{{/var}}{{/include}}", ["var": "var in data"],
                                  partials: ["include": "{{$var}}var in include{{/var}}"])
        #expect(rendered == "var in template")
    }

    @Test func contextValueNamedLikeABlockDoesNotReplaceTheDefault() throws {
        let rendered = try render("{{<include}}{{/include}}", ["var": "var in data"],
                                  partials: ["include": "{{$var}}var in include{{/var}}"])
        #expect(rendered == "var in include")
    }

    @Test func textBeforeAParentTagIsKept() throws {
        let rendered = try render("test {{<parent}}{{$stuff}}override{{/stuff}}{{/parent}}",
                                  partials: ["parent": "{{$stuff}}...{{/stuff}}"])
        #expect(rendered == "test override")
    }

    @Test func sameParentMayBeUsedTwiceWithDifferentOverrides() throws {
        let template = "test {{<parent}}{{$stuff}}override1{{/stuff}}{{/parent}} {{<parent}}{{$stuff}}override2{{/stuff}}{{/parent}}\n"
        let partials = ["parent": "|{{$stuff}}...{{/stuff}}{{$default}} default{{/default}}|"]
        let rendered = try render(template, partials: partials)
        #expect(rendered == "test |override1 default| |override2 default|\n")
    }

    @Test func overrideMayContainNewlines() throws {
        let rendered = try render("{{<parent}}{{$ballmer}}\npeaked\n\n:(\n{{/ballmer}}{{/parent}}",
                                  partials: ["parent": "{{$ballmer}}peaking{{/ballmer}}"])
        #expect(rendered == "peaked\n\n:(\n")
    }

    @Test func inlineOverrideKeepsTheTextBeforeTheBlockOnItsLine() throws {
        let rendered = try render("{{<parent}}{{$nineties}}hammer time{{/nineties}}{{/parent}}",
                                  partials: ["parent": "stop:\n  {{$nineties}}collaborate and listen{{/nineties}}\n"])
        #expect(rendered == "stop:\n  hammer time\n")
    }

    @Test func blocksThatAreNotOverriddenKeepTheirDefaults() throws {
        let rendered = try render("{{<parent}}{{$stuff2}}override two{{/stuff2}}{{/parent}}",
                                  partials: ["parent": "{{$stuff}}new default one{{/stuff}}, {{$stuff2}}new default two{{/stuff2}}"])
        #expect(rendered == "new default one, override two")
    }

    @Test func parentWithoutOverridesRendersLikeThePartialOfTheSameName() throws {
        let rendered = try render("{{>parent}}|{{<parent}}{{/parent}}", partials: ["parent": "{{$foo}}default content{{/foo}}"])
        #expect(rendered == "default content|default content")
    }

    @Test func overridesReachParentsUsedInsideBlocksWithoutEndlessRecursion() throws {
        let partials = [
            "parent": "{{$foo}}default content{{/foo}} {{$bar}}{{<parent2}}{{/parent2}}{{/bar}}",
            "parent2": "{{$foo}}parent2 default content{{/foo}} {{<parent}}{{$bar}}don't recurse{{/bar}}{{/parent}}",
        ]
        let rendered = try render("{{<parent}}{{$foo}}override{{/foo}}{{/parent}}", partials: partials)
        #expect(rendered == "override override override don't recurse")
    }

    @Test func outermostOverrideWinsAcrossSeveralLevelsOfParents() throws {
        let partials = [
            "parent": "{{<older}}{{$a}}p{{/a}}{{/older}}",
            "older": "{{<grandParent}}{{$a}}o{{/a}}{{/grandParent}}",
            "grandParent": "{{$a}}g{{/a}}",
        ]
        let rendered = try render("{{<parent}}{{$a}}c{{/a}}{{/parent}}", partials: partials)
        #expect(rendered == "c")
    }

    @Test func nearestOverrideWinsWhenTheChildOverridesNothing() throws {
        let partials = [
            "parent": "{{<older}}{{$a}}p{{/a}}{{/older}}",
            "older": "{{<grandParent}}{{$a}}o{{/a}}{{/grandParent}}",
            "grandParent": "{{$a}}g{{/a}}",
        ]
        let rendered = try render("{{<parent}}{{/parent}}", partials: partials)
        #expect(rendered == "p")
    }

    @Test func textInsideAParentTagOutsideBlocksIsIgnored() throws {
        let rendered = try render("{{<parent}} asdfasd {{$foo}}hmm{{/foo}} asdfasdfasdf {{/parent}}",
                                  partials: ["parent": "{{$foo}}default content{{/foo}}"])
        #expect(rendered == "hmm")
    }

    @Test func parentTagContainingOnlyTextRendersTheDefaults() throws {
        let rendered = try render("{{<parent}} asdfasd asdfasdfasdf {{/parent}}",
                                  partials: ["parent": "{{$foo}}default content{{/foo}}"])
        #expect(rendered == "default content")
    }

    @Test func overrideRendersInTheContextWhereTheParentPlacesItsBlock() throws {
        let data: TemplateValue = ["fruit": "apples", "nested": ["fruit": "bananas"]]
        let rendered = try render("{{<parent}}{{$block}}I say {{fruit}}.{{/block}}{{/parent}}", data,
                                  partials: ["parent": "{{#nested}}{{$block}}You say {{fruit}}.{{/block}}{{/nested}}"])
        #expect(rendered == "I say bananas.")
    }

    @Test func setDelimitersBeforeAParentTagDoNotAffectTheParentTemplate() throws {
        let rendered = try render("{{=<% %>=}}<%<parent%><%$b%>child<%/b%><%/parent%>",
                                  partials: ["parent": "[{{$b}}default{{/b}}]"])
        #expect(rendered == "[child]")
    }

    // MARK: Standalone lines and indentation

    @Test func standaloneParentTagPairIsIndentedLikeItsLine() throws {
        let rendered = try render("Hi,\n  {{<parent}}{{/parent}}\n", partials: ["parent": "one\ntwo\n"])
        #expect(rendered == "Hi,\n  one\n  two\n")
    }

    @Test func standaloneBlockTagsInAParentTagLoseTheirLines() throws {
        let rendered = try render("{{<parent}}{{$block}}\none\ntwo{{/block}}\n{{/parent}}\n",
                                  partials: ["parent": "Hi,\n  {{$block}}{{/block}}\n"])
        #expect(rendered == "Hi,\n  one\n  two\n")
    }

    @Test func overrideIndentationIsReplacedByTheIndentationOfTheBlockInTheParent() throws {
        let rendered = try render("{{<parent}}{{$block}}\n    one\n    two\n{{/block}}{{/parent}}\n",
                                  partials: ["parent": "Hi,\n  {{$block}}\n  {{/block}}\n"])
        #expect(rendered == "Hi,\n  one\n  two\n")
    }

    @Test func overrideTakesItsIndentationFromTheDefaultContentWhenTheBlockTagIsAtColumnOne() throws {
        let rendered = try render("{{<parent}}{{$block}}\none\ntwo\n{{/block}}{{/parent}}\n",
                                  partials: ["parent": "Hi,\n{{$block}}\n  default\n{{/block}}\n"])
        #expect(rendered == "Hi,\n  one\n  two\n")
    }

    @Test func nestedBlockOverrideIsIndentedRelativeToItsSurroundingBlock() throws {
        let partials = [
            "parent": "{{<grandparent}}{{$block}}\n  one\n  {{$nested}}\n    two\n  {{/nested}}\n{{/block}}{{/grandparent}}\n",
            "grandparent": "{{$block}}default{{/block}}",
        ]
        let rendered = try render("{{<parent}}{{$nested}}\nthree\n{{/nested}}{{/parent}}\n", partials: partials)
        // The engine re-indents an override's rendered lines, not its template lines, so a block nested in an
        // override keeps the override's own indentation. Written down in docs/templates.md.
        withKnownIssue("re-indentation of blocks nested inside an override") {
            #expect(rendered == "one\n  three\n")
        }
    }

    @Test func standaloneBlockTagLinesAreRemoved() throws {
        let rendered = try render("Hi,\n{{$body}}\n  text\n{{/body}}\nbye\n")
        #expect(rendered == "Hi,\n  text\nbye\n")
    }

    @Test func standaloneBlockTagLinesEndingInCRLFAreRemoved() throws {
        let rendered = try render("|\r\n{{$body}}\r\ntext\r\n{{/body}}\r\n|")
        #expect(rendered == "|\r\ntext\r\n|")
    }

    @Test func standaloneParentAndBlockTagsOnTheirOwnLinesAreRemoved() throws {
        let template = "{{<frame}}\n{{$body}}\noverride\n{{/body}}\n{{/frame}}\n"
        let rendered = try render(template, partials: ["frame": "[\n{{$body}}\ndefault\n{{/body}}\n]\n"])
        #expect(rendered == "[\noverride\n]\n")
    }

    @Test func standaloneParentLineEndingInCRLFLosesItsLineEnding() throws {
        let rendered = try render("|\r\n{{<frame}}{{/frame}}\r\n|", partials: ["frame": "-"])
        #expect(rendered == "|\r\n-|")
    }

    @Test func standaloneParentOnTheFirstLineIsIndented() throws {
        let rendered = try render("  {{<frame}}{{/frame}}\n-", partials: ["frame": "-\n-"])
        #expect(rendered == "  -\n  --")
    }

    @Test func standaloneParentOnALastLineWithoutNewlineIsIndented() throws {
        let rendered = try render("-\n  {{<frame}}{{/frame}}", partials: ["frame": "-\n-"])
        #expect(rendered == "-\n  -\n  -")
    }

    // MARK: Missing parents (a compile error in this engine, not an empty string)

    @Test func parentNamingNoTemplateIsACompileErrorAtTheTag() throws {
        let (library, diagnostics) = compile("intro\n\n    {{<layout}}{{$body}}x{{/body}}{{/layout}}\n")
        #expect(library == nil)
        let error = try firstError(in: diagnostics)
        #expect(error.location?.file == testTemplateFile)
        #expect(error.location?.line == 3)
        #expect(error.location?.column == 5)
        #expect(error.message.contains("layout"))
    }
}
