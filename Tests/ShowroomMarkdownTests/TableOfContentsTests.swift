import ShowroomMarkdown
import Testing

@Suite struct TableOfContentsTests {
    private func heading(_ level: Int, _ id: String) -> MarkdownHeading {
        MarkdownHeading(level: level, id: id, title: id.capitalized)
    }

    @Test func headingsNestUnderTheNearestHeadingOfALowerLevelBeforeThem() {
        let rendered = RenderedMarkdown(html: "", headings: [heading(2, "a"), heading(3, "b"), heading(4, "c"), heading(3, "d"),
                                                             heading(2, "e")])
        #expect(rendered.tableOfContents() == [
            TableOfContentsEntry(heading: heading(2, "a"), children: [
                TableOfContentsEntry(heading: heading(3, "b"), children: [TableOfContentsEntry(heading: heading(4, "c"))]),
                TableOfContentsEntry(heading: heading(3, "d")),
            ]),
            TableOfContentsEntry(heading: heading(2, "e")),
        ])
    }

    @Test func levelsOneFiveAndSixAreLeftOutByDefault() {
        let rendered = RenderedMarkdown(html: "", headings: [heading(1, "title"), heading(2, "a"), heading(5, "deep"), heading(6, "deeper")])
        #expect(rendered.tableOfContents() == [TableOfContentsEntry(heading: heading(2, "a"))])
    }

    @Test func aHeadingWithNoneOfALowerLevelBeforeItIsAtTheTop() {
        let rendered = RenderedMarkdown(html: "", headings: [heading(3, "early"), heading(2, "a"), heading(3, "b")])
        #expect(rendered.tableOfContents() == [
            TableOfContentsEntry(heading: heading(3, "early")),
            TableOfContentsEntry(heading: heading(2, "a"), children: [TableOfContentsEntry(heading: heading(3, "b"))]),
        ])
    }

    @Test func theLevelsListedCanBeChosen() {
        let rendered = RenderedMarkdown(html: "", headings: [heading(1, "title"), heading(2, "a"), heading(3, "b")])
        #expect(rendered.tableOfContents(levels: 1...2) == [
            TableOfContentsEntry(heading: heading(1, "title"), children: [TableOfContentsEntry(heading: heading(2, "a"))]),
        ])
    }
}
