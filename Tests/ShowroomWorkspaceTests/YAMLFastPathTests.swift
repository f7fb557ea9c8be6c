import ShowroomCore
import ShowroomWorkspace
import Testing

/// The flat front matter reader must give exactly what libyaml gives: values, quoting and locations.
@Suite struct YAMLFastPathTests {
    /// A flat document, and the same document with a trailing comment, which only libyaml reads.
    static let flat = """
        title: Spring offer, with 0% financing
        description: "Quoted: text"
        date: 2026-03-01
        tags: [lumen, aurora ,  offers]
        weight: 10
        draft: false
        hero: asset:aurora-hero
        empty: []
        single: 'single quoted'
        nothing: ~
        """

    static func describe(_ node: YAMLNode) -> String {
        let place = "\(node.location.line ?? 0):\(node.location.column ?? 0)"
        switch node.value {
        case .null: return "null@\(place)"
        case .scalar(let text, let quoted): return "\(quoted ? "q" : "p")(\(text))@\(place)"
        case .sequence(let items): return "[\(items.map(describe).joined(separator: ","))]@\(place)"
        case .mapping(let pairs): return "{\(pairs.map { "\($0.key)=\(describe($0.value))" }.joined(separator: ";"))}"
        }
    }

    @Test func flatFrontMatterReadsExactlyAsLibyamlReadsIt() throws {
        let fast = try YAMLNode.parse(Self.flat, file: "a.md", lineOffset: 1)
        let libyaml = try YAMLNode.parse(Self.flat + "\n# forces libyaml", file: "a.md", lineOffset: 1)
        #expect(Self.describe(fast) == Self.describe(libyaml))
    }

    @Test func nonASCIIValuesReadExactlyAsLibyamlReadsThem() throws {
        let text = "title: 新款 Aurora 上市\ntags: [电动车, 新车 ,  aurora]\ncity: \"上海\"\nnote: Ünïcödé café"
        let fast = try YAMLNode.parse(text, file: "a.md", lineOffset: 1)
        let libyaml = try YAMLNode.parse(text + "\n# forces libyaml", file: "a.md", lineOffset: 1)
        #expect(Self.describe(fast) == Self.describe(libyaml))
        #expect(Self.describe(fast).contains("p(aurora)@3:19"))
    }

    /// Documents where a reader that stops short of libyaml's rules would differ from it.
    @Test(arguments: [
        "tags: [🇨🇳, b]\ntitle: x",                     // columns count code points, not characters
        "tags: [cafe\u{301}, b]\ntitle: x",
        "tags: [null, ~, a]\ntitle: x",                 // nulls inside a list
        "\n\ntitle: starts after blank lines\nweight: 2",  // the mapping sits at its first key
    ])
    func edgeCasesReadExactlyAsLibyamlReadsThem(text: String) throws {
        let fast = try YAMLNode.parse(text, file: "a.md", lineOffset: 1)
        let libyaml = try YAMLNode.parse(text + "\n# forces libyaml", file: "a.md", lineOffset: 1)
        #expect(Self.describe(fast) == Self.describe(libyaml))
        #expect(fast.location == libyaml.location)
    }

    @Test(arguments: ["title: a\u{2028}b", "title: a\u{85}b", "title: a\u{1}b"])
    func charactersLibyamlRejectsGetItsError(text: String) {
        #expect(throws: Diagnostic.self) { try YAMLNode.parse(text, file: "a.md") }
    }

    @Test func aValueThatIsNotFlatYAMLStillGetsLibyamlsLocatedError() {
        #expect(throws: Diagnostic.self) { try YAMLNode.parse("title: a: b\n", file: "a.md") }
    }

    @Test func aDuplicateKeyIsLeftToLibyaml() {
        #expect(throws: Diagnostic.self) { try YAMLNode.parse("title: a\ntitle: b\n", file: "a.md") }
    }
}
