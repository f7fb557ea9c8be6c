import ShowroomTemplates
import Testing

/// Set Delimiter tags: `{{=<% %>=}}` changes the tag markers for the rest of the template.
@Suite struct DelimiterTests {
    @Test func setDelimiterTagChangesTheTagMarkers() throws {
        let rendered = try render("{{=<% %>=}}(<%text%>)", ["text": "Hey!"])
        #expect(rendered == "(Hey!)")
    }

    @Test func delimitersMayUseCharactersThatAreSpecialInRegularExpressions() throws {
        let rendered = try render("({{=[ ]=}}[text])", ["text": "It worked!"])
        #expect(rendered == "(It worked!)")
    }

    @Test func oldDelimitersAreOrdinaryTextAfterAChange() throws {
        let rendered = try render("{{=| |=}}{{text}} |text|", ["text": "x"])
        #expect(rendered == "{{text}} x")
    }

    @Test func changedDelimitersApplyInsideAndAfterSections() throws {
        let template = "[\n{{#on}}\n  {{data}}\n  |data|\n{{/on}}\n\n{{= | | =}}\n|#on|\n  {{data}}\n  |data|\n|/on|\n]\n"
        let expected = "[\n  I got interpolated.\n  |data|\n\n  {{data}}\n  I got interpolated.\n]\n"
        let rendered = try render(template, ["on": true, "data": "I got interpolated."])
        #expect(rendered == expected)
    }

    @Test func changedDelimitersApplyInsideInvertedSections() throws {
        let template = "[\n{{^off}}\n  {{data}}\n  |data|\n{{/off}}\n\n{{= | | =}}\n|^off|\n  {{data}}\n  |data|\n|/off|\n]\n"
        let expected = "[\n  I got interpolated.\n  |data|\n\n  {{data}}\n  I got interpolated.\n]\n"
        let rendered = try render(template, ["off": false, "data": "I got interpolated."])
        #expect(rendered == expected)
    }

    @Test func partialIsParsedWithDefaultDelimitersWhateverTheCallerSet() throws {
        let template = "[ {{>include}} ]\n{{= | | =}}\n[ |>include| ]\n"
        let rendered = try render(template, ["value": "yes"], partials: ["include": ".{{value}}."])
        #expect(rendered == "[ .yes. ]\n[ .yes. ]\n")
    }

    @Test func delimitersChangedInAPartialDoNotLeakIntoTheCaller() throws {
        let template = "[ {{>include}} ]\n[ .{{value}}.  .|value|. ]\n"
        let partials = ["include": ".{{value}}. {{= | | =}} .|value|."]
        let rendered = try render(template, ["value": "yes"], partials: partials)
        #expect(rendered == "[ .yes.  .yes. ]\n[ .yes.  .|value|. ]\n")
    }

    @Test func setDelimiterTagKeepsTheSurroundingWhitespace() throws {
        let rendered = try render("| {{=@ @=}} |")
        #expect(rendered == "|  |")
    }

    @Test func setDelimiterTagAfterTextOnALineIsNotStandalone() throws {
        let rendered = try render(" | {{=@ @=}}\n")
        #expect(rendered == " | \n")
    }

    @Test func standaloneSetDelimiterLineIsRemoved() throws {
        let rendered = try render("Begin.\n{{=@ @=}}\nEnd.\n")
        #expect(rendered == "Begin.\nEnd.\n")
    }

    @Test func indentedStandaloneSetDelimiterLineIsRemoved() throws {
        let rendered = try render("Begin.\n  {{=@ @=}}\nEnd.\n")
        #expect(rendered == "Begin.\nEnd.\n")
    }

    @Test func standaloneSetDelimiterLineEndingInCRLFIsRemoved() throws {
        let rendered = try render("|\r\n{{= @ @ =}}\r\n|")
        #expect(rendered == "|\r\n|")
    }

    @Test func standaloneSetDelimiterOnTheFirstLineIsRemoved() throws {
        let rendered = try render("  {{=@ @=}}\n=")
        #expect(rendered == "=")
    }

    @Test func standaloneSetDelimiterOnALastLineWithoutNewlineIsRemoved() throws {
        let rendered = try render("=\n  {{=@ @=}}")
        #expect(rendered == "=\n")
    }

    @Test func spacesInsideTheSetDelimiterTagAreIgnored() throws {
        let rendered = try render("|{{= @   @ =}}|")
        #expect(rendered == "||")
    }
}
