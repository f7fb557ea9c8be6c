@testable import ShowroomStudio
import Testing

@Suite("studio page form")
struct PageDocumentTests {
    private let page = "---\ntitle: Spring offer\n# shown on the home page\ntags:\n  - offers\nweight: 3\n---\nBody line.\n"

    @Test func aFormSentBackUnchangedGivesTheFileByteForByte() throws {
        let document = try #require(PageDocument.parse(page))
        let fields = ["title": "Spring offer", "yaml.tags": "tags:\n  - offers", "field.weight": "3"]
        #expect(document.composed(fields: fields, body: "Body line.\n") == page)
    }

    @Test func changingOneFieldChangesOnlyItsLine() throws {
        let document = try #require(PageDocument.parse(page))
        let changed = document.composed(fields: ["title": "Summer: offer", "field.weight": "4"], body: "Body line.\n")
        #expect(changed == "---\ntitle: \"Summer: offer\"\n# shown on the home page\ntags:\n  - offers\nweight: 4\n---\nBody line.\n")
    }

    @Test func aTitleThatYAMLWouldReadAsAnotherTypeIsQuoted() throws {
        let document = try #require(PageDocument.parse(page))
        #expect(document.composed(fields: ["title": "2026"], body: "").contains("title: \"2026\"\n"))
    }

    @Test func aProblemOnABodyLineIsPlacedInTheBodyAtThatLine() throws {
        let document = try #require(PageDocument.parse(page))
        #expect(document.place(ofLine: 9)?.field == "body")
        #expect(document.place(ofLine: 9)?.bodyLine == 2)
        #expect(document.place(ofLine: 5)?.field == "list.tags")
        #expect(document.place(ofLine: 2)?.field == "title")
    }

    @Test func aChangedListIsWrittenOnOneLineInPlaceOfItsItems() throws {
        let document = try #require(PageDocument.parse(page))
        let changed = document.composed(fields: ["title": "Spring offer", "list.tags": "offers, summer 2026,  ", "field.weight": "3"],
                                        body: "Body line.\n")
        #expect(changed == "---\ntitle: Spring offer\n# shown on the home page\ntags: [offers, summer 2026]\nweight: 3\n---\nBody line.\n")
    }

    @Test func aListValueYAMLWouldSplitOrReadAsANumberIsQuoted() {
        #expect(PageDocument.listLine("tags", ["a, b", "2026", "[x]", "ev"]) == "tags: [\"a, b\", \"2026\", \"[x]\", ev]")
    }

    @Test func anOfferedKeyThePageLacksIsAddedWhenFilledInAndLeftOutWhenEmpty() throws {
        let document = try #require(PageDocument.parse("---\ntitle: Spring offer\n---\nBody\n"))
        let fields = ["title": "Spring offer", "field.publishDate": "2026-12-24", "field.expiryDate": "", "field.hero": "asset:aurora-hero",
                      "list.gallery": "asset:aurora-hero, asset:aurora-night", "list.tags": ""]
        #expect(document.composed(fields: fields, body: "Body\n")
                == "---\ntitle: Spring offer\npublishDate: 2026-12-24\nhero: asset:aurora-hero\ngallery: [asset:aurora-hero, asset:aurora-night]\n---\nBody\n")
    }

    @Test func tomlFrontMatterIsEditedAsAWholeFile() {
        #expect(PageDocument.parse("+++\ntitle = \"x\"\n+++\nBody\n") == nil)
    }
}
