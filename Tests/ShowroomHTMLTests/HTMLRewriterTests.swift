import ShowroomHTML
import Testing

@Suite struct HTMLRewriterTests {
    let snippet = "<script data-showroom-tracking>t()</script>"

    func rewrite(_ html: String, markers: [String] = [],
                 imageSize: @escaping (String) -> (width: Int, height: Int)? = { _ in nil },
                 linkAttributes: @escaping (String) -> [(String, String)] = { _ in [] }) -> Result<HTMLRewriter.Output, HTMLRewriter.Failure> {
        HTMLRewriter(snippet: snippet, imageSize: imageSize, linkAttributes: linkAttributes, markers: markers).rewrite(html)
    }

    func html(_ result: Result<HTMLRewriter.Output, HTMLRewriter.Failure>) -> String? {
        if case .success(let output) = result { return output.html }
        return nil
    }

    @Test func snippetGoesJustBeforeTheHeadCloses() {
        #expect(html(rewrite("<html><head><title>T</title></head><body></body></html>"))
            == "<html><head><title>T</title>\(snippet)</head><body></body></html>")
    }

    @Test func snippetGoesAfterTheHeadTagWhenTheHeadIsNeverClosed() {
        #expect(html(rewrite("<html><HEAD lang=en><title>T</title><body>x")) == "<html><HEAD lang=en>\(snippet)<title>T</title><body>x")
    }

    @Test func pageWithoutHeadFails() {
        #expect(html(rewrite("<html><body><p>no head</p></body></html>")) == nil)
        if case .failure(let failure) = rewrite("<p>x</p>") { #expect(failure == .noHead) } else { Issue.record("expected a failure") }
    }

    @Test func headInsideACommentOrScriptDoesNotCount() {
        let page = "<!-- <head> --><script>var s = '<head></head>';</script><p>x</p>"
        if case .failure(let failure) = rewrite(page) { #expect(failure == .noHead) } else { Issue.record("expected a failure") }
    }

    @Test func pageThatCarriesTheSnippetIsLeftAsItIs() {
        let page = "<html><head>\(snippet)</head><body></body></html>"
        #expect(html(rewrite(page)) == page)
    }

    @Test func twoSnippetsFail() {
        let page = "<html><head>\(snippet)</head><body>\(snippet)</body></html>"
        if case .failure(let failure) = rewrite(page) { #expect(failure == .duplicateSnippet(count: 2)) } else { Issue.record("expected a failure") }
    }

    @Test func imagesGetTheirSizeUnlessTheyHaveAWidth() {
        let page = #"<head></head><img src="/assets/a.png" alt="A"><IMG SRC='/assets/a.png' width="5"><img src="/other.png"/>"#
        let result = html(rewrite(page, imageSize: { $0 == "/assets/a.png" ? (640, 480) : nil }))
        #expect(result == #"<head>\#(snippet)</head><img src="/assets/a.png" alt="A" width="640" height="480"><IMG SRC='/assets/a.png' width="5"><img src="/other.png"/>"#)
    }

    @Test func linksGetTheCallersAttributesEscapedAndNotTwice() {
        let page = #"<head></head><a href="/dl/x?site=a&amp;b=1">x</a><a href="/dl/y" data-asset="y">y</a><a name="n">n</a>"#
        let result = html(rewrite(page, linkAttributes: { href in href.hasPrefix("/dl/") ? [("data-asset", href)] : [] }))
        #expect(result == #"<head>\#(snippet)</head><a href="/dl/x?site=a&amp;b=1" data-asset="/dl/x?site=a&amp;b=1">x</a><a href="/dl/y" data-asset="y">y</a><a name="n">n</a>"#)
    }

    @Test func aQuotedGreaterThanSignDoesNotEndATag() {
        let page = #"<head></head><div title="a > b" data-x='<img src="/assets/a.png">'><img src="/assets/a.png"></div>"#
        let result = html(rewrite(page, imageSize: { _ in (1, 2) }))
        #expect(result == #"<head>\#(snippet)</head><div title="a > b" data-x='<img src="/assets/a.png">'><img src="/assets/a.png" width="1" height="2"></div>"#)
    }

    @Test func aQuoteAfterAnUnquotedValueDoesNotOpenAValue() {
        // `content=a=` is an unquoted value; the quote after it starts an attribute name, and `>` ends the tag.
        let page = #"<head><meta name=x content=a= "></head><body>"#
        #expect(html(rewrite(page)) == #"<head><meta name=x content=a= ">\#(snippet)</head><body>"#)
    }

    @Test func markersAreFoundInTextAttributesAndStyles() {
        let page = #"<head><style>.h{background:url(/assets/bg.1a2b.jpg)}</style></head><a href="https://c.example/dl/brochure?site=s">b</a> see /assets/plan.pdf today"#
        guard case .success(let output) = rewrite(page, markers: ["/assets/", "https://c.example/dl/"]) else {
            Issue.record("expected a page")
            return
        }
        #expect(output.references == [["bg.1a2b.jpg", "plan.pdf"], ["brochure"]])
    }

    @Test func nonASCIITextSurvivesByteForByte() {
        let page = "<html><head><title>新车发布 — Aurora</title></head><body><p>Ünïcödé 🚗</p></body></html>"
        #expect(html(rewrite(page)) == "<html><head><title>新车发布 — Aurora</title>\(snippet)</head><body><p>Ünïcödé 🚗</p></body></html>")
    }
}
