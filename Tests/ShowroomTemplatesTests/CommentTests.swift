import ShowroomTemplates
import Testing

/// Comments: `{{! … }}`, which never appear in the output.
@Suite struct CommentTests {
    @Test func inlineCommentIsRemoved() throws {
        let rendered = try render("12345{{! a note }}67890")
        #expect(rendered == "1234567890")
    }

    @Test func commentMaySpanSeveralLines() throws {
        let rendered = try render("12345{{!\n  first line\n  second line...\n}}67890\n")
        #expect(rendered == "1234567890\n")
    }

    @Test func standaloneCommentLineIsRemoved() throws {
        let rendered = try render("Begin.\n{{! a note }}\nEnd.\n")
        #expect(rendered == "Begin.\nEnd.\n")
    }

    @Test func indentedStandaloneCommentLineIsRemoved() throws {
        let rendered = try render("Begin.\n    {{! an indented note }}\nEnd.\n")
        #expect(rendered == "Begin.\nEnd.\n")
    }

    @Test func standaloneCommentLineEndingInCRLFIsRemoved() throws {
        let rendered = try render("|\r\n{{! a note }}\r\n|")
        #expect(rendered == "|\r\n|")
    }

    @Test func standaloneCommentOnTheFirstLineIsRemoved() throws {
        let rendered = try render("  {{! first line }}\n!")
        #expect(rendered == "!")
    }

    @Test func standaloneCommentOnALastLineWithoutNewlineIsRemoved() throws {
        let rendered = try render("!\n  {{! last line }}")
        #expect(rendered == "!\n")
    }

    @Test func standaloneMultilineCommentIsRemovedWithAllItsLines() throws {
        let rendered = try render("Begin.\n{{!\nsomething\nelse\n}}\nEnd.\n")
        #expect(rendered == "Begin.\nEnd.\n")
    }

    @Test func indentedStandaloneMultilineCommentIsRemovedWithAllItsLines() throws {
        let rendered = try render("Begin.\n  {{!\n    something\n  }}\nEnd.\n")
        #expect(rendered == "Begin.\nEnd.\n")
    }

    @Test func commentAfterTextOnALineKeepsTheLinesWhitespace() throws {
        let rendered = try render("  12 {{! 34 }}\n")
        #expect(rendered == "  12 \n")
    }

    @Test func commentKeepsTheSurroundingWhitespace() throws {
        let rendered = try render("12345 {{! a note }} 67890")
        #expect(rendered == "12345  67890")
    }

    @Test func commentIsNeverLookedUpAsAName() throws {
        let data: TemplateValue = ["! note": 1, "! note ": 2, "!note": 3, "note": 4]
        let rendered = try render("comments never show: [{{! note }}]", data)
        #expect(rendered == "comments never show: []")
    }
}
