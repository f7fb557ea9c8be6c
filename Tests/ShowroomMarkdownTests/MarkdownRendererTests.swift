import Dispatch
import Foundation
import ShowroomMarkdown
import Testing

@Suite struct MarkdownRendererTests {
    /// A document that exercises every extension whose characters live in cmark-gfm's global table.
    static func document(_ number: Int) -> String {
        """
        # Title \(number)

        ~~struck \(number)~~ and www.example\(number).test and https://example.test/\(number)

        | a | b |
        |---|---|
        | \(number) | ~~x~~ |

        - [x] done \(number)
        """
    }

    @Test func concurrentRendersMatchSerialRenders() {
        let documents = (0..<400).map(Self.document)
        let serial = documents.map { MarkdownRenderer.render($0).html }
        let results = ResultBox(count: documents.count)
        DispatchQueue.concurrentPerform(iterations: documents.count) { index in
            results.set(index, MarkdownRenderer.render(documents[index]).html)
        }
        #expect(results.values == serial)
        #expect(serial[7].contains("<del>struck 7</del>"))
        #expect(serial[7].contains("<a href=\"http://www.example7.test\">"))
    }

    @Test func linkTargetsCanBeRewrittenWithTheirPosition() {
        var seen: [MarkdownReference] = []
        let html = MarkdownRenderer.render("Text\n\n  ![a](asset:x) [b](asset:y)") { reference in
            seen.append(reference)
            return "/resolved/\(reference.url.dropFirst(6))"
        }.html
        #expect(html.contains("src=\"/resolved/x\""))
        #expect(html.contains("href=\"/resolved/y\""))
        #expect(seen.first == MarkdownReference(url: "asset:x", isImage: true, line: 3, column: 3))
    }

    /// Found by the Markdown fuzz target: cmark-gfm's table extension leaves the inline nodes of a paragraph it
    /// re-reads without a position (line 0).
    @Test func aLinkInAParagraphATableFollowsHasAPosition() {
        var seen: [MarkdownReference] = []
        _ = MarkdownRenderer.render("Intro [a](asset:x)\n| a | b |\n|---|---|\n| 1 | 2 |\n") { reference in
            seen.append(reference)
            return nil
        }
        #expect(seen.count == 1)
        #expect((seen.first?.line ?? 0) >= 1)
        #expect((seen.first?.column ?? 0) >= 1)
    }

    @Test func aNULByteBecomesAReplacementCharacterAndTheTextAfterItStays() {
        let html = MarkdownRenderer.render("Before\u{0}after").html
        #expect(html.contains("Before\u{FFFD}after"))
    }

    @Test func rawHTMLIsLeftOut() {
        let html = MarkdownRenderer.render("<iframe src=x></iframe>\n\nText <img src=x onerror=alert(1)> more").html
        #expect(!html.contains("<iframe"))
        #expect(!html.contains("onerror"))
        #expect(html.contains("Text"))
    }

    @Test func fencedCodeNamesItsLanguageInTheClassOfItsCodeElement() {
        let html = MarkdownRenderer.render("```swift\nlet range = 520\n```\n").html
        #expect(html.contains("<pre><code class=\"language-swift\">let range = 520\n</code></pre>"))
    }

    @Test func footnotesRenderAsLinkedNotesAtTheEnd() {
        let html = MarkdownRenderer.render("Range[^wltp] matters.\n\n[^wltp]: Measured on the WLTP cycle.\n").html
        #expect(html.contains("<sup class=\"footnote-ref\"><a href=\"#fn-wltp\" id=\"fnref-wltp\" data-footnote-ref>1</a></sup>"))
        #expect(html.contains("<section class=\"footnotes\" data-footnotes>"))
        #expect(html.contains("<li id=\"fn-wltp\">\n<p>Measured on the WLTP cycle. <a href=\"#fnref-wltp\""))
    }

    @Test func htmlCommentsAreDroppedWithoutAPlaceholder() {
        let html = MarkdownRenderer.render("Before\n\n<!-- editor:\ncheck the range -->\n\nAfter <!-- inline --> text\n").html
        #expect(html == "<p>Before</p>\n<p>After  text</p>\n")
    }

    @Test func rawHTMLBesideACommentIsStillLeftOutWithItsPlaceholder() {
        let html = MarkdownRenderer.render("<!-- note --><b onclick=x>bold</b>\n").html
        #expect(html.contains("<!-- raw HTML omitted -->"))
        #expect(!html.contains("onclick"))
    }

    @Test func scriptLinkTargetsAreDropped() {
        let html = MarkdownRenderer.render("[click](javascript:alert(1))").html
        #expect(!html.contains("javascript:"))
    }
}

private final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [String]
    init(count: Int) { storage = Array(repeating: "", count: count) }
    func set(_ index: Int, _ value: String) { lock.withLock { storage[index] = value } }
    var values: [String] { lock.withLock { storage } }
}
