import ShowroomMarkdown
import Testing

/// Headings get ids the way Hugo gives them, so a Hugo user's `#anchors` keep working.
@Suite struct HeadingIDTests {
    private func ids(_ markdown: String) -> [String] {
        MarkdownRenderer.render(markdown).headings.map(\.id)
    }

    @Test func aHeadingCarriesItsIDInItsElement() {
        let html = MarkdownRenderer.render("## Range\n\nText").html
        #expect(html.contains("<h2 id=\"range\">Range</h2>"))
    }

    @Test func anIDIsTheTextLowercasedWithPunctuationDroppedAndSpacesAsDashes() {
        #expect(ids("## What's New, in 2026?") == ["whats-new-in-2026"])
    }

    @Test func everySpaceAndDashBecomesADashAsInHugo() {
        #expect(ids("## Range & charging - fast") == ["range--charging---fast"])
    }

    @Test func lettersOfEveryScriptAreKept() {
        #expect(ids("## Über uns\n\n## 续航与充电") == ["über-uns", "续航与充电"])
    }

    @Test func markupCountsOnlyByItsText() {
        #expect(ids("## The *quiet* `Aurora` [story](/stories/)") == ["the-quiet-aurora-story"])
    }

    @Test func aHeadingWithNothingToMakeAnIDFromIsCalledHeading() {
        #expect(ids("## ???") == ["heading"])
    }

    @Test func repeatedHeadingsAreNumberedFromOne() {
        #expect(ids("## Intro\n\n## Intro\n\n### Intro") == ["intro", "intro-1", "intro-2"])
    }

    @Test func aCustomIDAfterTheTextSetsTheID() {
        let html = MarkdownRenderer.render("## Charging at home {#charging}").html
        #expect(html.contains("<h2 id=\"charging\">Charging at home</h2>"))
    }

    @Test func aCustomIDIsNotShown() {
        let rendered = MarkdownRenderer.render("## Charging at home {#charging}")
        #expect(!rendered.html.contains("{#"))
        #expect(rendered.headings.first?.title == "Charging at home")
    }

    @Test func aCustomIDCountsAsTakenForLaterHeadings() {
        #expect(ids("## Start {#intro}\n\n## Intro") == ["intro", "intro-1"])
    }

    @Test func braceTextInsideAHeadingIsNotACustomID() {
        let rendered = MarkdownRenderer.render("## Set x{#y} and {#a b}")
        #expect(rendered.headings.first?.id == "set-xy-and-a-b")
        #expect(rendered.html.contains("{#a b}"))
    }

    @Test func aCustomIDIsEscapedInTheAttribute() {
        let html = MarkdownRenderer.render("## Quote {#a\"onclick=x}").html
        #expect(html.contains("id=\"a&quot;onclick=x\""))
    }

    @Test func theHeadingsAreReturnedInPageOrderWithLevelIDAndPlainTitle() {
        let headings = MarkdownRenderer.render("# Aurora\n\nText\n\n## The *quiet* one\n\nMore\n\nCharging\n---\n").headings
        #expect(headings == [
            MarkdownHeading(level: 1, id: "aurora", title: "Aurora"),
            MarkdownHeading(level: 2, id: "the-quiet-one", title: "The quiet one"),
            MarkdownHeading(level: 2, id: "charging", title: "Charging"),
        ])
    }

    @Test func aHeadingKeepsItsInlineMarkupAndRewrittenLinks() {
        let html = MarkdownRenderer.render("## See *the* [range](asset:range)") { _ in "/assets/range.pdf" }.html
        #expect(html.contains("<h2 id=\"see-the-range\">See <em>the</em> <a href=\"/assets/range.pdf\">range</a></h2>"))
    }
}

/// The ids are added to the rendered headings in order; nothing else in a page's HTML can take one.
@Suite struct HeadingIDPlacementTests {
    @Test func headingTagsWrittenAsTextOrCodeTakeNoID() {
        let html = MarkdownRenderer.render("Text with <h2> in it and `<h3>` as code.\n\n## Real\n\n    <h4>indented code</h4>\n\n### Next").html
        #expect(html.contains("<h2 id=\"real\">Real</h2>"))
        #expect(html.contains("<h3 id=\"next\">Next</h3>"))
        #expect(html.contains("<code>&lt;h3&gt;</code>"))
        #expect(html.contains("&lt;h4&gt;indented code&lt;/h4&gt;"))
    }

    @Test func aHeadingInsideAnAlertOrAQuoteGetsItsIDInPageOrder() {
        let html = MarkdownRenderer.render("## First\n\n> [!NOTE]\n> ## Inside the note\n\n> ## Quoted\n\n## Last").html
        #expect(html.contains("<h2 id=\"first\">First</h2>"))
        #expect(html.contains("<h2 id=\"inside-the-note\">Inside the note</h2>"))
        #expect(html.contains("<h2 id=\"quoted\">Quoted</h2>"))
        #expect(html.contains("<h2 id=\"last\">Last</h2>"))
    }
}
