import CCmarkGFM
import CMarkdownArena
import Foundation
import ShowroomCore

/// A link or image target found in Markdown, with where it was written.
public struct MarkdownReference: Sendable, Hashable {
    /// The target as written, before any rewrite.
    public var url: String
    /// Whether an image (`![alt](…)`) names the target rather than a link.
    public var isImage: Bool
    /// Line and column in the Markdown body (1-based); add the body's offset in the file.
    public var line: Int
    /// The 1-based column on that line.
    public var column: Int

    /// A reference with every field given.
    package init(url: String, isImage: Bool, line: Int, column: Int) {
        self.url = url
        self.isImage = isImage
        self.line = line
        self.column = column
    }
}

/// Turns Markdown into HTML with cmark-gfm and the GFM extensions (tables, strikethrough, autolinks,
/// task lists, tag filter). cmark-gfm runs in its safe mode: raw HTML in Markdown is left out (markup
/// belongs in templates, where it is reviewed) and `javascript:`/`data:` link targets are dropped; the tag
/// filter stays attached as a second line of defence. HTML comments are dropped without a trace
/// (`MarkdownRenderer+Comments`). Footnotes are on; GitHub's alerts become styled notes
/// (`MarkdownRenderer+Alerts`); headings get ids as Hugo gives them (`MarkdownRenderer+Headings`).
///
/// Debian's cmark-gfm keeps the extensions' special-character table in a process-wide global that every
/// parse sets and clears, so two parses at once corrupt each other's output. All cmark calls therefore go
/// through one lock: cmark-gfm adds them to the table when inline parsing starts (in `cmark_parser_finish`) and
/// removes them when it ends, so that call runs under a lock. Block parsing, the link rewrite and HTML
/// rendering keep no global state and run on every core. (That holds for Debian's cmark-gfm 0.29 and
/// upstream; a fork that parsed table cells inline while feeding would need the lock around the feed too,
/// and the concurrent-versus-serial test would say so.)
public enum MarkdownRenderer {
    /// Renders `markdown` into HTML and the headings it holds. Alerts (`> [!NOTE]`) show `alertTitles`, English
    /// where a kind has none. `rewrite` sees every link and image target and may return a replacement (used to
    /// resolve `asset:` references); it runs while the document is parsed. `shownText` gives, for placeholders in
    /// the text, what a heading holding one shows instead, for the heading's id and its table-of-contents title
    /// (a shortcode's placeholder and the text its HTML shows).
    public static func render(_ markdown: String, alertTitles: [MarkdownAlert: String] = [:],
                              shownText: [String: String] = [:],
                              rewrite: (MarkdownReference) -> String? = { _ in nil }) -> RenderedMarkdown {
        // Fenced code is `<pre><code class="language-x">`, as Hugo and highlighters expect (not GitHub's `<pre lang>`);
        // footnotes (`[^1]`, `[^1]: …`) become linked notes in a `<section class="footnotes">` at the end.
        let options = CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8 | CMARK_OPT_FOOTNOTES
        let lock = cmarkLock  // also registers the extensions, before they are looked up below
        // Everything cmark-gfm allocates for this document comes from the thread's arena, released at the end.
        let mark = showroom_arena_begin()
        defer { showroom_arena_end(mark) }
        let memory = showroom_arena_allocator()!
        guard let parser = cmark_parser_new_with_mem(options, memory) else { return RenderedMarkdown(html: "") }
        defer { cmark_parser_free(parser) }
        for name in extensionNames {
            if let extensionPointer = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, extensionPointer)
            }
        }
        // The whole UTF-8 text by its length, not up to the first NUL: cmark-gfm turns U+0000 into U+FFFD, as
        // CommonMark says, and the rest of the page is kept.
        var text = markdown
        text.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                if let base = chars.baseAddress { cmark_parser_feed(parser, base, chars.count) }
            }
        }
        // Inline parsing happens in `cmark_parser_finish`, between the calls that add the extensions' characters
        // to the global table and remove them again: only that step may not overlap with another parse.
        // The document's nodes are not freed one by one: they are all in the arena, which the end of this call releases.
        guard let document = lock.withLock({ cmark_parser_finish(parser) }) else { return RenderedMarkdown(html: "") }

        // One walk rewrites the link targets and finds the nodes the steps below change; they change the tree
        // only after the walk.
        var headings: [CmarkNode] = []
        var rawHTML: [CmarkNode] = []
        var quotes: [CmarkNode] = []
        CmarkNode(pointer: document).walk { node in
            let type = cmark_node_get_type(node)
            if type == CMARK_NODE_HEADING { headings.append(CmarkNode(pointer: node)) }
            if type == CMARK_NODE_HTML_BLOCK || type == CMARK_NODE_HTML_INLINE { rawHTML.append(CmarkNode(pointer: node)) }
            if type == CMARK_NODE_BLOCK_QUOTE { quotes.append(CmarkNode(pointer: node)) }
            guard type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE, let urlPointer = cmark_node_get_url(node) else { return }
            let (line, column) = position(of: node)
            let reference = MarkdownReference(url: String(cString: urlPointer), isImage: type == CMARK_NODE_IMAGE,
                                              line: line, column: column)
            if let replacement = rewrite(reference) {
                cmark_node_set_url(node, replacement)
            }
        }

        dropComments(rawHTML)
        markAlerts(quotes, titles: alertTitles, memory: memory)
        let extensions = cmark_parser_get_syntax_extensions(parser)
        let found = identify(headings, shownText: shownText)
        guard let html = cmark_render_html_with_mem(document, options, extensions, memory) else { return RenderedMarkdown(html: "") }
        let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(html).assumingMemoryBound(to: UInt8.self), count: strlen(html))
        return RenderedMarkdown(html: insertIDs(found, into: bytes), headings: found)
    }

    /// Where `node` starts. The table extension re-parses a paragraph it turns into a table without giving the
    /// inline nodes a place (line 0, found by fuzzing); those take the place of the nearest block that has one.
    private static func position(of node: OpaquePointer) -> (line: Int, column: Int) {
        var current: OpaquePointer? = node
        while let candidate = current {
            let line = Int(cmark_node_get_start_line(candidate))
            if line > 0 { return (line, max(Int(cmark_node_get_start_column(candidate)), 1)) }
            current = cmark_node_parent(candidate)
        }
        return (1, 1)
    }

    private static let extensionNames = ["table", "strikethrough", "autolink", "tagfilter", "tasklist"]

    private static let cmarkLock: NSLock = {
        cmark_gfm_core_extensions_ensure_registered()
        return NSLock()
    }()
}
