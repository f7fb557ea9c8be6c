import Foundation
import ShowroomCore
import ShowroomSite
import ShowroomWorkspace
import Testing

/// Front matter keys Showroom does not read are data for templates (`page.<key>`); only a key one edit away
/// from a known one is taken for a typo and warned about, at the key.
@Suite struct FrontMatterKeyTests {
    @Test func theFlatReaderAndLibyamlPlaceKeysAlike() throws {
        let text = "title: Spring offer\nweight: 10\ntags: [a, b]"
        let fast = try YAMLNode.parse(text, file: "a.md", lineOffset: 1)
        let libyaml = try YAMLNode.parse(text + "\n# forces libyaml", file: "a.md", lineOffset: 1)
        let places = { (node: YAMLNode) in node.pairs?.map { $0.value.keyLocation } ?? [] }
        #expect(places(fast) == places(libyaml))
        #expect(places(fast).last == SourceLocation(file: "a.md", line: 4, column: 1))
    }
}
