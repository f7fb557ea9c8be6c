import Foundation
import ShowroomTestSupport
import Testing

/// The "New page" form over real HTTP on loopback, against a copy of the example fleet's Chinese group site, whose
/// `news` section has pages with a hero picture.
@Suite("showroom studio: new page", .serialized)
struct StudioNewPageTests {
    private let fleet = ["group-zh"]
    private let news = "sites/group-zh/content/news"

    /// The names of the files in the news section.
    private func newsFiles(_ stage: StudioStage) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: stage.workspace.root.appendingPathComponent(news).path).sorted()
    }

    @Test func aNewPageTakesTheFrontMatterOfItsSectionsNewestPageAndOpensInTheEditor() async throws {
        try await StudioStage.with(fleet: fleet) { stage in
            let browser = StudioStage.Browser(stage)
            let form = try await browser.get("/_studio/new?site=group-zh")
            #expect(form.body.contains("<option value=\"news\" selected>news/</option>"))
            let made = try await browser.post("/_studio/new", [("site", "group-zh"), ("section", "news"), ("title", "夏季试驾活动"),
                                                              ("slug", "summer-test-drive")])
            #expect(made.status == 303)
            let location = try #require(made.header("location"))
            #expect(location.contains("file=sites/group-zh/content/news/summer-test-drive.md"))
            let text = try stage.workspace.read("\(news)/summer-test-drive.md")
            #expect(text.hasPrefix("---\ntitle: 夏季试驾活动\ndate: 20"))
            // one-platform.md (2026-10-20) is the newest page of the section.
            #expect(text.hasSuffix("draft: true\nhero: asset:zenith-hero\n---\n"))
            let editor = try await browser.get(location)
            #expect(editor.status == 200)
            #expect(editor.body.contains("value=\"夏季试驾活动\""))
        }
    }

    @Test func withoutAnAddressThePageIsNamedAfterItsTitle() async throws {
        try await StudioStage.with(fleet: fleet) { stage in
            let browser = StudioStage.Browser(stage)
            _ = try await browser.get("/_studio/new?site=group-zh")
            let made = try await browser.post("/_studio/new", [
                ("site", "group-zh"), ("section", "news"), ("title", "Summer offer: 0% finance"), ("slug", ""),
            ])
            #expect(made.status == 303)
            #expect(try stage.workspace.read("\(news)/summer-offer-0-finance.md").contains("title: \"Summer offer: 0% finance\""))
        }
    }

    @Test func anAddressAlreadyTakenIsRefusedAndTheExistingPageStays() async throws {
        try await StudioStage.with(fleet: fleet) { stage in
            let before = try stage.workspace.read("\(news)/one-platform.md")
            let browser = StudioStage.Browser(stage)
            _ = try await browser.get("/_studio/new?site=group-zh")
            let refused = try await browser.post("/_studio/new", [
                ("site", "group-zh"), ("section", "news"), ("title", "Another"), ("slug", "one-platform"),
            ])
            #expect(refused.status == 409)
            #expect(refused.body.contains("sites/group-zh/content/news/one-platform.md already exists"))
            #expect(try stage.workspace.read("\(news)/one-platform.md") == before)
        }
    }

    @Test func anInvalidAddressIsRefusedWithNothingWritten() async throws {
        try await StudioStage.with(fleet: fleet) { stage in
            let browser = StudioStage.Browser(stage)
            let before = try newsFiles(stage)
            _ = try await browser.get("/_studio/new?site=group-zh")
            for slug in ["../../escape", "Summer Offer", "a/b", ".hidden"] {
                let refused = try await browser.post("/_studio/new", [("site", "group-zh"), ("section", "news"), ("title", "Offer"), ("slug", slug)])
                #expect(refused.status == 422)
                #expect(refused.body.contains("cannot be an address: use lower-case letters, digits and single hyphens"))
            }
            let untitled = try await browser.post("/_studio/new", [("site", "group-zh"), ("section", "news"), ("title", "夏季"), ("slug", "")])
            #expect(untitled.status == 422)
            #expect(untitled.body.contains("write the address yourself"))
            #expect(try newsFiles(stage) == before)
        }
    }

    @Test func aNewPageOutsideTheSitesSectionsOrWithoutTheCSRFTokenIsRefused() async throws {
        try await StudioStage.with(fleet: fleet) { stage in
            let browser = StudioStage.Browser(stage)
            _ = try await browser.get("/_studio/new?site=group-zh")
            let outside = try await browser.post("/_studio/new", [("site", "group-zh"), ("section", "../../../shared/content"), ("title", "X"), ("slug", "x")])
            #expect(outside.status == 403)
            let noSite = try await browser.post("/_studio/new", [("site", "../shared"), ("section", ""), ("title", "X"), ("slug", "x")])
            #expect(noSite.status == 403)
            let forged = try await browser.post("/_studio/new", [("site", "group-zh"), ("section", "news"), ("title", "X"), ("slug", "x")], csrf: .some(nil))
            #expect(forged.status == 403)
            #expect(!FileManager.default.fileExists(atPath: stage.workspace.root.appendingPathComponent("\(news)/x.md").path))
            #expect(!FileManager.default.fileExists(atPath: stage.workspace.root.appendingPathComponent("shared/content/x.md").path))
        }
    }
}
