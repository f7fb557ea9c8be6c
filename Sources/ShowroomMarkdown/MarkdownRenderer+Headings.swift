import CCmarkGFM
import Foundation
import ShowroomCore

extension MarkdownRenderer {
    /// Chooses every heading's id, in page order, and returns the headings. `## Title {#custom-id}` sets the id
    /// itself (the `{#…}` is taken out of the text); other headings get one made from their text (`HeadingIDs`).
    /// cmark-gfm's headings carry no attributes: `insertIDs` adds them to the rendered HTML afterwards.
    static func identify(_ headings: [CmarkNode], shownText: [String: String]) -> [MarkdownHeading] {
        var ids = HeadingIDs()
        var found: [MarkdownHeading] = []
        found.reserveCapacity(headings.count)
        for heading in headings {
            heading.joinText()
            let level = Int(cmark_node_get_heading_level(heading.pointer))
            var chosen: String? = nil
            if let last = heading.lastChild, last.type == CMARK_NODE_TEXT, let text = last.literal,
               let custom = customID(in: text) {
                last.literal = custom.text
                chosen = custom.id
            }
            var title = heading.plainText
            for (placeholder, shown) in shownText where title.contains(placeholder) {
                title = title.replacingOccurrences(of: placeholder, with: shown)
            }
            title = title.trimmed
            let id: String
            if let chosen {
                id = chosen
                ids.reserve(id)
            } else {
                id = ids.make(from: title)
            }
            found.append(MarkdownHeading(level: level, id: id, title: title))
        }
        return found
    }

    /// The rendered document `html` as text, with each heading's `id` in its start tag: the n-th `<h1>`…`<h6>` of
    /// the document is the n-th heading of the tree. Nothing else in the HTML can look like one: cmark-gfm escapes
    /// text and code, safe mode leaves raw HTML out, and the renderer's own blocks (alerts) hold no heading tags.
    static func insertIDs(_ headings: [MarkdownHeading], into html: UnsafeBufferPointer<UInt8>) -> String {
        guard !headings.isEmpty, let base = html.baseAddress else { return String(decoding: html, as: UTF8.self) }
        var result: [UInt8] = []
        result.reserveCapacity(html.count + headings.count * 32)
        var next = 0
        var copied = 0
        var index = 0
        while next < headings.count, index + 3 < html.count,
              let found = memchr(base + index, Int32(UInt8(ascii: "<")), html.count - index) {
            index = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            if index + 3 < html.count, html[index + 1] == UInt8(ascii: "h"),
               (UInt8(ascii: "1")...UInt8(ascii: "6")).contains(html[index + 2]), html[index + 3] == UInt8(ascii: ">") {
                result.append(contentsOf: html[copied..<(index + 3)])
                result.append(contentsOf: " id=\"".utf8)
                result.append(contentsOf: HTMLEscaping.escape(headings[next].id).utf8)
                result.append(UInt8(ascii: "\""))
                copied = index + 3
                next += 1
                index += 4
            } else {
                index += 1
            }
        }
        result.append(contentsOf: html[copied...])
        return String(decoding: result, as: UTF8.self)
    }

    /// `Title {#id}` at the end of a heading: the id and the text before it. The id runs to the closing brace and
    /// holds no spaces or braces; the `{` starts the text or follows a space.
    static func customID(in text: String) -> (id: String, text: String)? {
        guard text.hasSuffix("}"), let open = text.range(of: "{#", options: .backwards) else { return nil }
        let id = text[open.upperBound..<text.index(before: text.endIndex)]
        guard !id.isEmpty, !id.contains(where: { $0.isWhitespace || $0 == "{" || $0 == "}" }) else { return nil }
        var before = text[..<open.lowerBound]
        guard before.last?.isWhitespace ?? true else { return nil }
        while before.last?.isWhitespace == true { before = before.dropLast() }
        return (String(id), String(before))
    }
}
