import CMarkdownArena
import ShowroomMarkdown
import Testing

/// cmark-gfm's memory comes from a per-thread arena that each document releases when it is rendered.
@Suite struct MarkdownArenaTests {
    @Test func theArenaHoldsNoMoreAfterAThousandDocumentsThanAfterOne() {
        let document = (1...40).map { "## Part \($0)\n\n~~Old~~ text with *emphasis* and [a link](/p/\($0)/).\n" }.joined(separator: "\n")
        _ = MarkdownRenderer.render(document)
        let afterOne = showroom_arena_reserved()
        for _ in 0..<1000 { _ = MarkdownRenderer.render(document) }
        #expect(showroom_arena_reserved() == afterOne)
        #expect(afterOne <= 1 << 20)
    }

    @Test func aDocumentRenderedWhileAnotherIsOpenLeavesTheOuterOneWhole() {
        let inner = "**inner** text"
        var innerHTML = ""
        let outer = MarkdownRenderer.render("# Outer\n\nSee [the inner page](inner) and *more* words after it.") { reference in
            innerHTML = MarkdownRenderer.render(inner).html
            return "/rewritten/\(reference.url)/"
        }
        #expect(innerHTML == "<p><strong>inner</strong> text</p>\n")
        #expect(outer.html == "<h1 id=\"outer\">Outer</h1>\n<p>See <a href=\"/rewritten/inner/\">the inner page</a> and <em>more</em> words after it.</p>\n")
    }

    @Test func memoryTakenWithNoDocumentOpenIsFreedByMalloc() {
        let allocator = showroom_arena_allocator()!
        let pointer = allocator.pointee.calloc(4, 16)!
        let grown = allocator.pointee.realloc(pointer, 4096)!
        grown.storeBytes(of: 7, as: UInt8.self)
        #expect(grown.load(as: UInt8.self) == 7)
        allocator.pointee.free(grown)
    }
}
