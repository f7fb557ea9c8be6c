import CCmarkGFM
import ShowroomCore

extension MarkdownRenderer {
    /// Turns each block quote that starts with an alert marker alone on its first line into a styled note:
    /// `<div class="alert alert-note" role="note"><p class="alert-title">Note</p>…</div>`, the quote's blocks inside.
    /// A quote with any other first line, or nothing after the marker, stays a block quote (as on GitHub).
    static func markAlerts(_ quotes: [CmarkNode], titles: [MarkdownAlert: String], memory: UnsafeMutablePointer<cmark_mem>) {
        for quote in quotes {
            guard let paragraph = quote.firstChild, paragraph.type == CMARK_NODE_PARAGRAPH else { continue }
            paragraph.joinText()
            guard let marker = paragraph.firstChild, let kind = alert(marker) else { continue }
            let lineEnd = marker.next
            guard lineEnd == nil || lineEnd?.type == CMARK_NODE_SOFTBREAK || lineEnd?.type == CMARK_NODE_LINEBREAK,
                  lineEnd?.next != nil || paragraph.next != nil else { continue }
            let title = HTMLEscaping.escape(titles[kind] ?? kind.englishTitle)
            guard let note = CmarkNode.customBlock(
                enter: "<div class=\"alert alert-\(kind.rawValue)\" role=\"note\">\n<p class=\"alert-title\">\(title)</p>",
                exit: "</div>", memory: memory) else { continue }
            lineEnd?.remove()
            marker.remove()
            if paragraph.firstChild == nil { paragraph.remove() }
            quote.replace(with: note, movingChildren: true)
        }
    }

    /// The kind a marker names: a text node `[!NOTE]`, `[!tip]`, …
    private static func alert(_ node: CmarkNode) -> MarkdownAlert? {
        guard node.type == CMARK_NODE_TEXT, let text = node.literal, text.hasPrefix("[!"), text.hasSuffix("]") else { return nil }
        return MarkdownAlert(rawValue: text.dropFirst(2).dropLast().lowercased())
    }
}
