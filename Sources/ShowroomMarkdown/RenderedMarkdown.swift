/// A page's Markdown as HTML, with the headings it holds (for the page's table of contents).
public struct RenderedMarkdown: Sendable, Hashable {
    /// The body as HTML (what a layout prints as `page.content`).
    public var html: String
    /// Every heading, in the order the page shows them, with the id its element carries.
    public var headings: [MarkdownHeading]

    /// A rendering with every field given.
    public init(html: String, headings: [MarkdownHeading] = []) {
        self.html = html
        self.headings = headings
    }
}

/// A heading of a page: `## Range` is level 2, with the id `range` and the title `Range`.
public struct MarkdownHeading: Sendable, Hashable {
    /// 1 to 6, as `#` to `######`.
    public var level: Int
    /// The element's `id`: written as `{#id}` after the heading's text, else made from the text (see `HeadingIDs`).
    public var id: String
    /// The heading's text without markup.
    public var title: String

    /// A heading with every field given.
    package init(level: Int, id: String, title: String) {
        self.level = level
        self.id = id
        self.title = title
    }
}
