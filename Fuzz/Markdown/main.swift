import ShowroomCore
import ShowroomMarkdown
import FuzzSupport

/// One input libFuzzer made: Markdown through cmark-gfm with its extensions, `asset:` links and images rewritten the
/// way the build rewrites them. The output never holds a NUL and never an unrewritten `asset:` address.
func fuzzMarkdown(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let markdown = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let html = MarkdownRenderer.render(markdown) { reference in
        guard AssetReference.id(in: reference.url) != nil else { return nil }
        precondition(reference.line >= 1 && reference.column >= 1, "a reference without a position")
        return reference.isImage ? "/assets/fuzz.png" : "https://c.test/dl/fuzz"
    }.html
    precondition(!html.utf8.contains(0), "NUL in the rendered HTML")
    precondition(!html.contains("href=\"asset:") && !html.contains("src=\"asset:"), "an asset: address was not rewritten")
    return 0
}

runFuzzer { data, size in fuzzMarkdown(data, size) }
