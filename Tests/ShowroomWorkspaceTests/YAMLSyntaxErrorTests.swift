import Foundation
import ShowroomCore
import ShowroomTestSupport
import ShowroomWorkspace
import Testing

/// A YAML mistake is reported where it was made: an unclosed quote, `[` or `{` at the character that opened
/// it, not where libyaml finally gave up reading (often the end of the file).
@Suite struct YAMLSyntaxErrorTests {
    /// The error `text` gives when read as `file`.
    static func error(_ text: String, file: String = "shared/data/models.yaml", lineOffset: Int = 0) throws -> Diagnostic {
        do throws(Diagnostic) {
            _ = try YAMLNode.parse(text, file: file, lineOffset: lineOffset)
        } catch {
            return error
        }
        Issue.record("the YAML was read without an error")
        throw CocoaError(.coderReadCorrupt)
    }

    @Test func aQuoteNeverClosedBeforeTheEndOfTheFileIsReportedAtTheQuote() throws {
        let error = try Self.error("id: vega\nname: \"Meridian Vega\nbrand: meridian\n")
        #expect(error.location == SourceLocation(file: "shared/data/models.yaml", line: 2, column: 7))
        #expect(error.hint?.contains("the quote opened here is never closed: close it on the same line") == true)
    }

    @Test func theFixForAnUnclosedQuoteShowsItsLineClosed() throws {
        let error = try Self.error("id: vega\nname: \"Meridian Vega\nbrand: meridian\n")
        #expect(error.hint?.contains("(`name: \"Meridian Vega\"`)") == true)
    }

    @Test func aQuoteThatRunsOnToTheNextQuoteIsReportedAtTheQuoteNotWhereReadingFailed() throws {
        let error = try Self.error("id: vega\ntagline: 'The family sedan\nbrand: meridian\nsegment: 'Family'\nbody: sedan\n")
        #expect(error.location == SourceLocation(file: "shared/data/models.yaml", line: 2, column: 10))
        #expect(error.message.contains("is never closed"))
    }

    @Test func anUnclosedQuoteDeepInTheFleetsModelsFileIsReportedOnItsLine() throws {
        let models = try String(contentsOf: ExampleFleet.repository.appendingPathComponent("shared/data/models.yaml"), encoding: .utf8)
        var lines = models.components(separatedBy: "\n")
        let line = try #require(lines.indices.first { $0 > 1000 && lines[$0].hasPrefix("  tagline: ") })
        lines[line] = lines[line].replacingOccurrences(of: "tagline: ", with: "tagline: \"")
        let error = try Self.error(lines.joined(separator: "\n"))
        #expect(error.location == SourceLocation(file: "shared/data/models.yaml", line: line + 1, column: 12))
    }

    @Test func aListNeverClosedIsReportedAtItsBracket() throws {
        let error = try Self.error("title: Store\ntags: [lumen, aurora\nweight: 3\n", file: "sites/store/site.yaml")
        #expect(error.location == SourceLocation(file: "sites/store/site.yaml", line: 2, column: 7))
        #expect(error.hint?.contains("the `[` opened here is never closed: close it with `]` on the same line") == true)
    }

    @Test func aMappingNeverClosedIsReportedAtItsBrace() throws {
        let error = try Self.error("title: Store\ntheme: {primary: \"#0b3d91\"\nweight: 3\n", file: "sites/store/site.yaml")
        #expect(error.location == SourceLocation(file: "sites/store/site.yaml", line: 2, column: 8))
        #expect(error.hint?.contains("close it with `}`") == true)
    }

    @Test func aQuotedTextOverSeveralLinesIsNotTakenForAnUnclosedQuote() throws {
        let error = try Self.error("about: \"Lumen builds\n  electric cars\"\nname: Lumen\n  founded: 2019\n")
        #expect(error.location?.line == 4)
        #expect(!error.message.contains("is never closed"))
    }

    @Test func aQuoteAfterWhereReadingFailedIsNotBlamed() throws {
        let error = try Self.error("title: Store: 'open\nkind: store\n")
        #expect(error.location == SourceLocation(file: "shared/data/models.yaml", line: 1, column: 13))
        #expect(!error.message.contains("is never closed"))
    }

    @Test func quotesInsideABlockTextAreNotTakenForAnUnclosedQuote() throws {
        let error = try Self.error("notes: |\n  It's \"quoted\n  here\nname: Lumen\n  founded: 2019\n")
        #expect(error.location?.line == 5)
    }

    @Test func anUnclosedQuoteInFrontMatterIsReportedAtTheQuoteOnItsLine() throws {
        let (_, diagnostics) = PageSource.parse(text: "---\ntitle: \"Aurora launch\nlayout: page\n---\nBody\n",
                                                file: "sites/aurora/content/launch.md", contentPath: "launch.md")
        let error = try #require(diagnostics.errors.first)
        #expect(error.location == SourceLocation(file: "sites/aurora/content/launch.md", line: 2, column: 8))
        #expect(error.hint?.contains("the quote opened here is never closed") == true)
    }
}
