import ShowroomTemplates
import Testing

/// Inverted sections: `{{^name}}…{{/name}}`, rendered only when the value is falsey.
@Suite struct InvertedTests {
    // MARK: Truthy and falsey values

    @Test func invertedSectionOverFalseRendersItsContent() throws {
        let rendered = try render("[{{^on}}shown{{/on}}]", ["on": false])
        #expect(rendered == "[shown]")
    }

    @Test func invertedSectionOverNullRendersItsContent() throws {
        let rendered = try render("[{{^nothing}}shown{{/nothing}}]", ["nothing": nil])
        #expect(rendered == "[shown]")
    }

    @Test func invertedSectionOverAMissingNameRendersItsContent() throws {
        let rendered = try render("[{{^unknown}}shown{{/unknown}}]")
        #expect(rendered == "[shown]")
    }

    @Test func invertedSectionOverTrueRendersNothing() throws {
        let rendered = try render("[{{^on}}hidden{{/on}}]", ["on": true])
        #expect(rendered == "[]")
    }

    @Test func invertedSectionOverAMapRendersNothing() throws {
        let rendered = try render("[{{^dealer}}Hi {{name}}.{{/dealer}}]", ["dealer": ["name": "Marta"]])
        #expect(rendered == "[]")
    }

    @Test func invertedSectionOverANonEmptyListRendersNothing() throws {
        let rendered = try render("[{{^items}}{{n}}{{/items}}]", ["items": [["n": 1], ["n": 2]]])
        #expect(rendered == "[]")
    }

    @Test func invertedSectionOverAnEmptyListRendersItsContent() throws {
        let rendered = try render("[{{^items}}none yet{{/items}}]", ["items": []])
        #expect(rendered == "[none yet]")
    }

    @Test func invertedSectionOverAnEmptyStringRendersItsContent() throws {
        let rendered = try render("[{{^note}}no note{{/note}}]", ["note": ""])
        #expect(rendered == "[no note]")
    }

    @Test func invertedSectionOverANonEmptyStringRendersNothing() throws {
        let rendered = try render("[{{^note}}no note{{/note}}]", ["note": "hello"])
        #expect(rendered == "[]")
    }

    @Test func invertedSectionOverZeroRendersNothing() throws {
        let rendered = try render("[{{^count}}none{{/count}}]", ["count": 0])
        #expect(rendered == "[]")
    }

    // MARK: Repetition and nesting

    @Test func aTemplateMayUseTheSameInvertedSectionMoreThanOnce() throws {
        let template = "{{^off}}\n* first\n{{/off}}\n* {{middle}}\n{{^off}}\n* third\n{{/off}}\n"
        let rendered = try render(template, ["off": false, "middle": "second"])
        #expect(rendered == "* first\n* second\n* third\n")
    }

    @Test func nestedInvertedSectionsOverFalseAllRender() throws {
        let rendered = try render("| A {{^off}}B {{^off}}C{{/off}} D{{/off}} E |", ["off": false])
        #expect(rendered == "| A B C D E |")
    }

    @Test func nestedInvertedSectionsOverTrueAreAllOmitted() throws {
        let rendered = try render("| A {{^off}}B {{^off}}C{{/off}} D{{/off}} E |", ["off": true])
        #expect(rendered == "| A  E |")
    }

    // MARK: Dotted names

    @Test func dottedInvertedNameOverTrueRendersNothing() throws {
        let rendered = try render("[{{^a.b.c}}not here{{/a.b.c}}]", ["a": ["b": ["c": true]]])
        #expect(rendered == "[]")
    }

    @Test func dottedInvertedNameOverFalseRendersItsContent() throws {
        let rendered = try render("[{{^a.b.c}}not here{{/a.b.c}}]", ["a": ["b": ["c": false]]])
        #expect(rendered == "[not here]")
    }

    @Test func dottedInvertedNameWithABrokenChainRendersItsContent() throws {
        let rendered = try render("[{{^a.b.c}}not here{{/a.b.c}}]", ["a": [:]])
        #expect(rendered == "[not here]")
    }

    // MARK: Whitespace

    @Test func invertedSectionTagsKeepTheSurroundingWhitespace() throws {
        let rendered = try render(" | {{^off}}\t|\t{{/off}} | \n", ["off": false])
        #expect(rendered == " | \t|\t | \n")
    }

    @Test func invertedSectionKeepsItsInnerWhitespace() throws {
        let rendered = try render(" | {{^off}} {{! kept }}\n {{/off}} | \n", ["off": false])
        #expect(rendered == " |  \n  | \n")
    }

    @Test func inlineInvertedSectionsOnIndentedLinesKeepTheIndentation() throws {
        let template = " {{^off}}NO{{/off}}\n {{^off}}WAY{{/off}}\n"
        let rendered = try render(template, ["off": false])
        #expect(rendered == " NO\n WAY\n")
    }

    @Test func standaloneInvertedSectionTagLinesAreRemoved() throws {
        let template = "| before\n{{^off}}\n|\n{{/off}}\n| after\n"
        let rendered = try render(template, ["off": false])
        #expect(rendered == "| before\n|\n| after\n")
    }

    @Test func indentedStandaloneInvertedSectionTagLinesAreRemoved() throws {
        let template = "| before\n  {{^off}}\n|\n  {{/off}}\n| after\n"
        let rendered = try render(template, ["off": false])
        #expect(rendered == "| before\n|\n| after\n")
    }

    @Test func standaloneInvertedSectionTagLineEndingInCRLFIsRemoved() throws {
        let rendered = try render("|\r\n{{^off}}\r\n{{/off}}\r\n|", ["off": false])
        #expect(rendered == "|\r\n|")
    }

    @Test func standaloneInvertedSectionTagOnTheFirstLineIsRemoved() throws {
        let rendered = try render("  {{^off}}\n^{{/off}}\n/", ["off": false])
        #expect(rendered == "^\n/")
    }

    @Test func standaloneInvertedSectionTagOnALastLineWithoutNewlineIsRemoved() throws {
        let rendered = try render("^{{^off}}\n/\n  {{/off}}", ["off": false])
        #expect(rendered == "^\n/\n")
    }

    @Test func spacesInsideInvertedSectionTagsAreIgnored() throws {
        let rendered = try render("|{{^ off }}={{/ off }}|", ["off": false])
        #expect(rendered == "|=|")
    }
}
