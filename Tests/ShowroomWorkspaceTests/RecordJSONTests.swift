import Foundation
import ShowroomWorkspace
import Testing

/// The build records are written by hand; they read back as Foundation writes and reads them.
@Suite struct RecordJSONTests {
    /// Text that needs every kind of escape JSON has, plus slashes and non-ASCII letters that need none.
    static let awkward = "Say \"hi\" \\ back/slash\n\ttab\r\u{8}\u{C}\u{1}\u{1F} 你好 ü /models/aurora/"

    static let uses = [
        UsageIndex.Use(asset: "aurora-\(awkward)", site: "lumen", page: "/p/\(awkward)", file: "sites/lumen/content/a.md", line: 12, column: 3),
        UsageIndex.Use(asset: "hero", site: "lumen", page: "/", file: "templates/base/home.mustache"),
    ]

    @Test func aUsageEntryIsTheBytesFoundationsEncoderWrites() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        for entry in [UsageIndex.Entry(title: Self.awkward, uses: Self.uses), UsageIndex.Entry(title: nil, uses: [])] {
            #expect(String(decoding: entry.encodedJSON(), as: UTF8.self) == String(decoding: try encoder.encode(entry), as: UTF8.self))
        }
    }

    @Test func aSiteRecordReadsBackAsItWasWritten() throws {
        let records = [
            SiteRecord(site: "lumen", baseURL: "https://lumen.example.com/", pages: 3, uses: Self.uses,
                       assetFiles: ["hero": "hero.1a2b.jpg", Self.awkward: "x/\(Self.awkward)"],
                       inputs: ["sites/lumen/site.yaml", Self.awkward], workspace: "/work/\(Self.awkward)"),
            SiteRecord(site: "empty", baseURL: "/", pages: 0, uses: [], assetFiles: [:], inputs: [], workspace: nil),
        ]
        for record in records {
            #expect(try JSONDecoder().decode(SiteRecord.self, from: record.encoded()) == record)
        }
    }
}
