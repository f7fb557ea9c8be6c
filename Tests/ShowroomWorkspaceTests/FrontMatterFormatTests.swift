import Foundation
import ShowroomCore
import ShowroomTestSupport
import ShowroomWorkspace
import Testing

/// Front matter as Hugo users write it: YAML between `---` lines, TOML between `+++` lines, or a JSON object;
/// each read into the same page values with their places, each broken one refused with its place.
@Suite struct FrontMatterFormatTests {
    /// The text of a page under `Fixtures/front-matter`.
    static func page(_ name: String) throws -> String {
        try Fixture.text("front-matter/\(name).md")
    }

    /// A page's front matter and body without their locations, to compare pages read from different formats.
    static func describe(_ page: PageSource) -> String {
        func plain(_ node: YAMLNode) -> String {
            switch node.value {
            case .null: return "null"
            case .scalar(let text, _): return text
            case .sequence(let items): return "[\(items.map(plain).joined(separator: ","))]"
            case .mapping(let pairs): return "{\(pairs.map { "\($0.key)=\(plain($0.value))" }.joined(separator: ";"))}"
            }
        }
        return [page.title, page.description ?? "-", "\(page.date?.timeIntervalSince1970 ?? 0)", page.tags.joined(separator: ","),
                "\(page.weight)", page.params.map(plain) ?? "-", page.body].joined(separator: "|")
    }

    @Test(arguments: ["offer-toml", "offer-json"])
    func tomlAndJSONFrontMatterReadAsTheSamePageAsYAML(_ name: String) throws {
        let yaml = PageSource.parse(text: try Self.page("offer-yaml"), file: "offer.md", contentPath: "offers/offer.md")
        let other = PageSource.parse(text: try Self.page(name), file: "offer.md", contentPath: "offers/offer.md")
        #expect(other.1.isEmpty)
        #expect(Self.describe(try #require(other.0)) == Self.describe(try #require(yaml.0)))
    }

    @Test func tomlKeysKeepTheOrderAndLinesTheyAreWrittenIn() throws {
        let text = "+++\nzone = \"north\"\nalpha = 1\n\n[params]\nbadge = \"New\"\n+++\n"
        let front = try FrontMatter.read(text, file: "a.md").values
        let pairs = try #require(front.pairs)
        #expect(pairs.map(\.key) == ["zone", "alpha", "params"])
        #expect(pairs[0].value.keyLocation == SourceLocation(file: "a.md", line: 2, column: 1))
        #expect(pairs[0].value.location == SourceLocation(file: "a.md", line: 2, column: 8))
        #expect(front["params"]?["badge"]?.location == SourceLocation(file: "a.md", line: 6, column: 9))
    }

    @Test func tomlTextThatLooksLikeANumberStaysText() throws {
        let front = try FrontMatter.read("+++\ncode = \"042\"\ncount = 42\n+++\n", file: "a.md").values
        #expect(front["code"]?.plainValue() as? String == "042")
        #expect(front["count"]?.plainValue() as? Int == 42)
    }

    @Test func jsonKeysAndValuesAreLocatedAtTheirLinesAndColumns() throws {
        let front = try FrontMatter.read("{\n  \"title\": \"Aurora\",\n  \"tags\": [\"ev\", \"news\"]\n}\nBody\n", file: "a.md")
        #expect(front.values["tags"]?.keyLocation == SourceLocation(file: "a.md", line: 3, column: 3))
        #expect(front.values["tags"]?.items?[1].location == SourceLocation(file: "a.md", line: 3, column: 18))
        #expect(front.body == "Body\n")
        #expect(front.bodyLine == 5)
    }

    @Test func aPageThatOpensWithAShortcodeHasNoFrontMatter() throws {
        let (page, diagnostics) = PageSource.parse(text: "{{< gallery >}}\nPictures.\n", file: "a.md", contentPath: "spring-photos.md")
        #expect(diagnostics.isEmpty)
        #expect(page?.title == "Spring Photos")
        #expect(page?.body == "{{< gallery >}}\nPictures.\n")
    }

    /// TOMLKit's parser asserts on these (the front matter fuzz target found them): each must be a located error,
    /// not a crash.
    @Test(arguments: [
        ("date = 2024-01-02T%3:04:05+08:00", 18, "expected a time after the date's `T`"),
        ("date = 2024-01-02T", 18, "expected a time after the date's `T`"),
        ("[=params]", 2, "a table name in `[…]` starts with"),
        ("[[ \n", 4, "a table name in `[…]` starts with"),
    ])
    func tomlThatTOMLKitWouldAssertOnIsAnErrorAtItsPlace(_ line: String, _ column: Int, _ message: String) throws {
        let error = try #require(throws: Diagnostic.self) { try FrontMatter.read("+++\ntitle = \"X\"\n\(line)\n+++\n", file: "a.md") }
        #expect(error.location == SourceLocation(file: "a.md", line: 3, column: column))
        #expect(error.message.contains(message))
    }

    @Test func aDateWithATInsideTOMLTextIsText() throws {
        let front = try FrontMatter.read("+++\nnote = \"from 2024-01-02T on\" # and 2024-01-02T\n+++\n", file: "a.md").values
        #expect(front["note"]?.scalarText == "from 2024-01-02T on")
    }

    @Test func aKeyWrittenTwiceInJSONIsAnErrorAtTheSecond() throws {
        #expect(throws: Diagnostic.error(at: SourceLocation(file: "a.md", line: 1, column: 16),
                                         "the key `title` is written twice in the same object", hint: "keep one of them")) {
            try FrontMatter.read("{\"title\": \"A\", \"title\": \"B\"}\n", file: "a.md")
        }
    }

    @Test func jsonNestedBeyondAHundredAndTwentyEightLevelsIsRefused() throws {
        let text = "{\"deep\": " + String(repeating: "[", count: 200) + String(repeating: "]", count: 200) + "}\n"
        let error = try #require(throws: Diagnostic.self) { try FrontMatter.read(text, file: "a.md") }
        #expect(error.message.contains("more than 128 levels deep"))
    }
}
