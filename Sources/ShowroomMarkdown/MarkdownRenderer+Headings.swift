import CCmarkGFM
import Foundation
import ShowroomCore

extension MarkdownRenderer {
    /// Gives every heading its id, in page order, and returns the headings. `## Title {#custom-id}` sets the id
    /// itself (the `{#…}` is not shown); other headings get one made from their text (`HeadingIDs`). cmark-gfm's
    /// headings carry no attributes, so each becomes a custom block holding its own HTML with the id added.
    static func identify(_ headings: [CmarkNode], options: Int32, extensions: UnsafeMutablePointer<cmark_llist>?,
                         shownText: [String: String]) -> [MarkdownHeading] {
        var ids = HeadingIDs()
        var found: [MarkdownHeading] = []
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

            let html = heading.html(options: options, extensions: extensions)
            let tag = "<h\(level)"
            guard html.hasPrefix(tag), let block = CmarkNode.customBlock(
                enter: tag + " id=\"\(HTMLEscaping.escape(id))\"" + html.dropFirst(tag.count).trimmingCharacters(in: .newlines),
                exit: "") else { continue }
            heading.replace(with: block)
        }
        return found
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
