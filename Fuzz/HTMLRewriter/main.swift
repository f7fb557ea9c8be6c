import ShowroomHTML
import FuzzSupport

/// One input libFuzzer made: a rendered page through the rewriter that adds the tracking snippet, image sizes and
/// download attributes. A page it accepts carries the snippet.
func fuzzHTMLRewriter(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let html = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let snippet = "<script \(HTMLRewriter.snippetMarker)>1</script>"
    let rewriter = HTMLRewriter(
        snippet: snippet,
        imageSize: { $0.hasPrefix("/assets/") ? (640, 480) : nil },
        linkAttributes: { $0.hasPrefix("https://c.test/dl/") ? [("data-asset", "x")] : [] },
        markers: ["/assets/", "https://c.test/dl/"])
    if case .success(let output) = rewriter.rewrite(html) {
        // Attribute names are case-insensitive: a page that already carries `data-Showroom-Tracking` keeps it.
        precondition(output.html.lowercased().contains(HTMLRewriter.snippetMarker), "an accepted page without the snippet")
    }
    return 0
}

runFuzzer { data, size in fuzzHTMLRewriter(data, size) }
