import Foundation
import ShowroomTestSupport
import Testing

/// The page editor's per-kind fields, photo pickers and shortcode palette, over real HTTP on loopback, against a copy
/// of the example fleet's Chinese group site, whose news pages have a hero picture of the shared library.
@Suite("showroom studio: editor fields, pickers and shortcodes", .serialized)
struct StudioEditorAidsTests {
    private let fleet = ["group-zh"]
    private let page = "sites/group-zh/content/news/one-platform.md"

    private func open(_ browser: StudioStage.Browser) async throws -> String {
        let editor = try await browser.get("/_studio/edit?site=group-zh&file=\(page)")
        #expect(editor.status == 200)
        return editor.body
    }

    @Test func theHeroHasAPickerOfTheLibrarysPhotosWithThumbnailsAndTheCurrentOneChosen() async throws {
        try await StudioStage.with(fleet: fleet) { stage in
            let editor = try await open(StudioStage.Browser(stage))
            #expect(editor.contains("<details class=\"picker\" data-target=\"f-field.hero\" data-several=\"false\">"))
            let chosen = try #require(editor.firstMatch(of: /<input type="radio" name="pick.field.hero" id="([^"]+)" value="asset:zenith-hero" checked>/))
            #expect(editor.contains("<label for=\"\(chosen.1)\"><img src=\"/_studio/assets/file?id=zenith-hero\""))
            #expect(editor.contains("value=\"asset:aurora-hero\">"), "the other photos are offered")
            #expect(!editor.contains("value=\"asset:aurora-brochure\""), "only photos are offered")
        }
    }

    @Test func theDatesTagsAndGalleryAreOfferedOnAPageThatHasNoneYet() async throws {
        try await StudioStage.with(fleet: fleet) { stage in
            let editor = try await open(StudioStage.Browser(stage))
            #expect(editor.contains("<input id=\"f-field.publishDate\" name=\"field.publishDate\" type=\"date\" value=\"\""))
            #expect(editor.contains("<input id=\"f-field.expiryDate\" name=\"field.expiryDate\" type=\"date\" value=\"\""))
            #expect(editor.contains("<input id=\"f-date\" name=\"date\" type=\"date\" value=\"2026-10-20\""))
            #expect(editor.contains("<input id=\"f-list.tags\" name=\"list.tags\" value=\"\""))
            #expect(editor.contains("data-target=\"f-list.gallery\" data-several=\"true\""))
            #expect(editor.contains("<input type=\"checkbox\" name=\"pick.list.gallery\""))
        }
    }

    @Test func thePaletteOffersTheSitesShortcodesWithTheirRequiredArguments() async throws {
        try await StudioStage.with(fleet: fleet) { stage in
            let editor = try await open(StudioStage.Browser(stage))
            #expect(editor.contains("<details class=\"palette\" id=\"palette\">"))
            #expect(editor.contains("data-insert=\"{{&lt; cta url=&quot;&quot; label=&quot;&quot; &gt;}}\">cta</button> <code>url label inner?</code>"))
            #expect(editor.contains("data-insert=\"{{&lt; spec model=&quot;&quot; key=&quot;&quot; &gt;}}\">spec</button>"))
        }
    }

    @Test func savingTheTagsAPublishDateAndAnotherHeroWritesThemAndKeepsTheOtherLines() async throws {
        try await StudioStage.with(fleet: fleet) { stage in
            let browser = StudioStage.Browser(stage)
            let before = try stage.workspace.read(page)
            let version = try #require(StudioStage.Browser.version(in: try await open(browser)))
            let body = String(before.split(separator: "---\n", maxSplits: 2, omittingEmptySubsequences: false)[2])
            let saved = try await browser.post("/_studio/save", [
                ("site", "group-zh"), ("file", page), ("version", version), ("title", "集团所有网站实现统一平台"),
                ("description", "每个品牌、车型和商城网站如今都来自同一个代码仓库。"), ("date", "2026-10-20"),
                ("field.publishDate", "2026-10-21"), ("field.expiryDate", ""), ("field.hero", "asset:aurora-hero"),
                ("pick.field.hero", "asset:aurora-hero"), ("list.gallery", ""), ("list.tags", "platform, 2026"), ("body", body),
            ])
            #expect(saved.status == 303)
            #expect(try stage.workspace.read(page) == before
                .replacingOccurrences(of: "hero: asset:zenith-hero\n", with: "hero: asset:aurora-hero\npublishDate: 2026-10-21\ntags: [platform, \"2026\"]\n"))
        }
    }
}
