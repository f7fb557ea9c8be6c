import ShowroomMarkdown
import Testing

/// GitHub's alerts (`> [!NOTE]` on the first line of a block quote) render as styled notes.
@Suite struct AlertTests {
    @Test func aNoteBecomesANoteWithItsTitle() {
        let html = MarkdownRenderer.render("> [!NOTE]\n> Charge to 80 % for daily driving.\n").html
        #expect(html == """
            <div class="alert alert-note" role="note">
            <p class="alert-title">Note</p>
            <p>Charge to 80 % for daily driving.</p>
            </div>

            """)
    }

    @Test(arguments: [("NOTE", "note", "Note"), ("TIP", "tip", "Tip"), ("IMPORTANT", "important", "Important"),
                      ("WARNING", "warning", "Warning"), ("CAUTION", "caution", "Caution")])
    func everyKindHasItsClassAndTitle(marker: String, kind: String, title: String) {
        let html = MarkdownRenderer.render("> [!\(marker)]\n> Text\n").html
        #expect(html.hasPrefix("<div class=\"alert alert-\(kind)\" role=\"note\">\n<p class=\"alert-title\">\(title)</p>\n"))
    }

    @Test func theMarkerIsReadInAnyCase() {
        #expect(MarkdownRenderer.render("> [!Warning]\n> Hot surface\n").html.contains("class=\"alert alert-warning\""))
    }

    @Test func everyBlockOfTheQuoteIsInsideTheAlert() {
        let html = MarkdownRenderer.render("> [!TIP]\n>\n> One\n>\n> - two\n\nAfter\n").html
        #expect(html == """
            <div class="alert alert-tip" role="note">
            <p class="alert-title">Tip</p>
            <p>One</p>
            <ul>
            <li>two</li>
            </ul>
            </div>
            <p>After</p>

            """)
    }

    @Test func aTitleCanBeGivenInTheSiteLanguage() {
        let html = MarkdownRenderer.render("> [!CAUTION]\n> 高压\n", alertTitles: [.caution: "小心"]).html
        #expect(html.contains("<p class=\"alert-title\">小心</p>"))
    }

    @Test func aGivenTitleIsEscaped() {
        let html = MarkdownRenderer.render("> [!NOTE]\n> Text\n", alertTitles: [.note: "<b>Note</b>"]).html
        #expect(html.contains("<p class=\"alert-title\">&lt;b&gt;Note&lt;/b&gt;</p>"))
    }

    @Test func anUnknownMarkerLeavesABlockQuote() {
        let html = MarkdownRenderer.render("> [!DANGER]\n> Text\n").html
        #expect(html.hasPrefix("<blockquote>\n<p>[!DANGER]\nText</p>"))
    }

    @Test func aMarkerFollowedByTextOnItsLineLeavesABlockQuote() {
        #expect(MarkdownRenderer.render("> [!NOTE] Heads up\n").html.hasPrefix("<blockquote>"))
    }

    @Test func aMarkerWithNothingAfterItLeavesABlockQuote() {
        #expect(MarkdownRenderer.render("> [!NOTE]\n").html.hasPrefix("<blockquote>"))
    }
}
