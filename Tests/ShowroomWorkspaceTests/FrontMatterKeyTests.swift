import ShowroomCore
import ShowroomWorkspace
import Testing

/// Front matter keys: a misspelt one is warned at the key with the key it was meant to be, whatever the format.
@Suite struct FrontMatterKeyTests {
    @Test(arguments: [
        ("+++\ntitle = \"Typo\"\ntitel = \"Oops\"\n+++\n", 3, 1),
        ("{\n  \"title\": \"Typo\",\n  \"titel\": \"Oops\"\n}\n", 3, 3),
    ])
    func aMisspeltKeyInTOMLOrJSONIsWarnedAtTheKey(_ text: String, _ line: Int, _ column: Int) throws {
        let (page, diagnostics) = PageSource.parse(text: text, file: "typo.md", contentPath: "typo.md")
        #expect(page != nil)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.message.contains("did you mean `title`?") == true)
        #expect(diagnostics.first?.location == SourceLocation(file: "typo.md", line: line, column: column))
    }

    @Test func theFlatReaderAndLibyamlPlaceKeysAlike() throws {
        let text = "title: Spring offer\nweight: 10\ntags: [a, b]"
        let fast = try YAMLNode.parse(text, file: "a.md", lineOffset: 1)
        let libyaml = try YAMLNode.parse(text + "\n# forces libyaml", file: "a.md", lineOffset: 1)
        let places = { (node: YAMLNode) in node.pairs?.map { $0.value.keyLocation } ?? [] }
        #expect(places(fast) == places(libyaml))
        #expect(places(fast).last == SourceLocation(file: "a.md", line: 4, column: 1))
    }
}
