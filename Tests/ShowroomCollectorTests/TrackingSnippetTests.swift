import Foundation
import Testing
@testable import ShowroomCollector
@testable import ShowroomStorage

/// The snippet the build inlines into every page talks to this service; these guard its budget and its inlining.
@Suite("tracking.js")
struct TrackingSnippetTests {
    static let source: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources/ShowroomSite/Resources/tracking.js")

    @Test func theSnippetWeighsAtMost1792BytesGzipped() throws {
        let gzip = Process()
        gzip.executableURL = URL(fileURLWithPath: "/bin/gzip")
        gzip.arguments = ["-9", "-c", Self.source.path]
        let output = Pipe()
        gzip.standardOutput = output
        try gzip.run()
        let compressed = output.fileHandleForReading.readDataToEndOfFile()
        gzip.waitUntilExit()
        #expect(gzip.terminationStatus == 0)
        #expect(compressed.count <= 1792, "tracking.js is \(compressed.count) bytes gzipped")
    }

    @Test func theSnippetCanBeInlinedInAScriptElement() throws {
        let text = try String(contentsOf: Self.source, encoding: .utf8).lowercased()
        #expect(!text.contains("</script"))
        #expect(!text.contains("<!--"))
    }

    @Test func everyEventTypeTheSnippetSendsIsOneTheServiceAccepts() throws {
        let text = try String(contentsOf: Self.source, encoding: .utf8)
        let sent = text.matches(of: /send\('([a-z_]+)'/).map { String($0.output.1) }
        #expect(Set(sent) == ["pageview", "download_click", "outbound_click"])
        #expect(sent.allSatisfy { EventType(rawValue: $0) != nil })
    }
}
