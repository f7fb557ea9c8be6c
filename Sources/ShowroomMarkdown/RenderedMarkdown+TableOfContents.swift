/// An entry of a page's table of contents: a heading, and the headings below it (of a higher level, up to the next
/// heading of its own level or lower).
public struct TableOfContentsEntry: Sendable, Hashable {
    /// The heading the entry links to.
    public var heading: MarkdownHeading
    /// The entries nested under it, in page order.
    public var children: [TableOfContentsEntry]

    /// An entry for `heading` with `children` under it.
    package init(heading: MarkdownHeading, children: [TableOfContentsEntry] = []) {
        self.heading = heading
        self.children = children
    }
}

extension RenderedMarkdown {
    /// The levels a table of contents lists unless told otherwise: `##` to `####`. A page's title is its layout's
    /// `<h1>`, so a `#` in Markdown is rare, and below `####` an entry helps nobody find their way.
    public static let tableOfContentsLevels = 2...4

    /// The headings of `levels`, nested: each under the nearest heading before it of a lower level. A heading with
    /// none (an `###` before any `##`) is at the top, not under an empty entry.
    public func tableOfContents(levels: ClosedRange<Int> = tableOfContentsLevels) -> [TableOfContentsEntry] {
        let listed = headings.filter { levels.contains($0.level) }
        var position = 0
        func entries(below level: Int) -> [TableOfContentsEntry] {
            var list: [TableOfContentsEntry] = []
            while position < listed.count, listed[position].level > level {
                let heading = listed[position]
                position += 1
                list.append(TableOfContentsEntry(heading: heading, children: entries(below: heading.level)))
            }
            return list
        }
        return entries(below: 0)
    }
}
