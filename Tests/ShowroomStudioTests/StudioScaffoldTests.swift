import Foundation
import ShowroomTestSupport
import Testing

/// The "New site" and "New model" forms over real HTTP on loopback, against a copy of the example fleet's Vega
/// product site with all of the fleet's shared data: they call the engine's own `new site` and `new model`, which
/// check every field and write nothing on a refusal.
@Suite("showroom studio: new site and new model", .serialized)
struct StudioScaffoldTests {
    private let fleet = ["vega"]

    /// What git says changed in the workspace (empty when nothing was written).
    private func changes(_ stage: StudioStage) throws -> String {
        try StudioStage.git(["status", "--porcelain", "--untracked-files=all", "--", "sites", "shared"], in: stage.workspace.root)
    }

    @Test func theNewSiteFormOffersTheSharedDatasModelsAndBrands() async throws {
        try await StudioStage.with(fleet: fleet) { stage in
            let form = try await StudioStage.Browser(stage).get("/_studio/new-site")
            #expect(form.status == 200)
            #expect(form.body.contains("<option value=\"atlas\">Meridian Atlas (atlas)</option>"))
            #expect(form.body.contains("<option value=\"lumen\">"))
            #expect(form.body.contains("<label for=\"s-id\">"))
        }
    }

    @Test func aNewProductSiteIsMadeByTheEngineAndItsScreenOpens() async throws {
        try await StudioStage.with(fleet: fleet) { stage in
            let browser = StudioStage.Browser(stage)
            _ = try await browser.get("/_studio/new-site")
            let made = try await browser.post("/_studio/new-site", [
                ("id", "atlas-launch"), ("kind", "product"), ("model", "atlas"), ("brand", ""), ("title", ""), ("locale", "en"),
            ])
            #expect(made.status == 303)
            #expect(made.header("location") == "/_studio/site?id=atlas-launch")
            let siteFile = try stage.workspace.read("sites/atlas-launch/site.yaml")
            #expect(siteFile.contains("model: atlas"))
            #expect(siteFile.contains("brand: meridian"))
            #expect(try await browser.get("/_studio/site?id=atlas-launch").status == 200)
        }
    }

    @Test func aSiteIdThatIsTakenIsRefusedAtItsFieldWithNothingWritten() async throws {
        try await StudioStage.with(fleet: fleet) { stage in
            let browser = StudioStage.Browser(stage)
            _ = try await browser.get("/_studio/new-site")
            let refused = try await browser.post("/_studio/new-site", [("id", "vega"), ("kind", "brand"), ("brand", "meridian"), ("locale", "en")])
            #expect(refused.status == 422)
            #expect(refused.body.contains("id=\"s-id-problem\""))
            #expect(refused.body.contains("a site `vega` already exists"))
            #expect(refused.body.contains("value=\"vega\""), "the form keeps what was typed")
            #expect(try changes(stage).isEmpty)
        }
    }

    @Test func aProductSiteWithoutItsModelIsRefusedAtTheModelFieldInTheFormsWords() async throws {
        try await StudioStage.with(fleet: fleet) { stage in
            let browser = StudioStage.Browser(stage)
            _ = try await browser.get("/_studio/new-site")
            let refused = try await browser.post("/_studio/new-site", [("id", "orbit"), ("kind", "product"), ("model", ""), ("locale", "en")])
            #expect(refused.status == 422)
            let problem = try #require(refused.body.firstMatch(of: /id="s-model-problem"[^>]*>(.*?)<\/ul>/)).1
            #expect(problem.contains("a product site needs the model it sells"))
            #expect(problem.contains("pick the model it sells"))
            #expect(!problem.contains("--model"))
            #expect(try changes(stage).isEmpty)
        }
    }

    @Test func aNewModelIsCopiedByTheEngineWithItsProductSite() async throws {
        try await StudioStage.with(fleet: fleet) { stage in
            let browser = StudioStage.Browser(stage)
            let form = try await browser.get("/_studio/new-model")
            #expect(form.body.contains("<option value=\"vega\">Meridian Vega (vega)</option>"))
            let made = try await browser.post("/_studio/new-model", [
                ("id", "orbit"), ("brand", "meridian"), ("like", "vega"), ("name", "Orbit"), ("withSite", "true"), ("site", ""),
            ])
            #expect(made.status == 200)
            #expect(made.body.contains("shared/data/models.yaml"))
            #expect(made.body.contains("href=\"/_studio/site?id=orbit\""))
            #expect(try stage.workspace.read("shared/data/models.yaml").contains("- id: orbit\n  name: Meridian Orbit"))
            #expect(try stage.workspace.read("sites/orbit/site.yaml").contains("model: orbit"))
        }
    }

    @Test func aModelCopiedFromOneThatDoesNotExistIsRefusedAtItsFieldWithNothingWritten() async throws {
        try await StudioStage.with(fleet: fleet) { stage in
            let browser = StudioStage.Browser(stage)
            _ = try await browser.get("/_studio/new-model")
            let refused = try await browser.post("/_studio/new-model", [("id", "vega"), ("brand", "meridian"), ("like", "nosuch"), ("name", "")])
            #expect(refused.status == 422)
            #expect(refused.body.contains("id=\"s-like-problem\""))
            #expect(refused.body.contains("there is no model `nosuch` to copy"))
            let taken = try #require(refused.body.firstMatch(of: /id="s-id-problem"[^>]*>(.*?)<\/ul>/)).1
            #expect(taken.contains("a model `vega` already exists"))
            #expect(try changes(stage).isEmpty)
        }
    }

    @Test func newSitesAndModelsWithoutTheCSRFTokenOrFromAForeignOriginAreRefused() async throws {
        try await StudioStage.with(fleet: fleet) { stage in
            let browser = StudioStage.Browser(stage)
            _ = try await browser.get("/_studio/new-site")
            let site = [("id", "atlas-launch"), ("kind", "product"), ("model", "atlas"), ("locale", "en")]
            #expect(try await browser.post("/_studio/new-site", site, csrf: .some(nil)).status == 403)
            #expect(try await browser.post("/_studio/new-site", site, origin: .some("http://evil.example")).status == 403)
            let model = [("id", "orbit"), ("brand", "meridian"), ("like", "vega")]
            #expect(try await browser.post("/_studio/new-model", model, csrf: .some(nil)).status == 403)
            #expect(try await browser.post("/_studio/new-model", model, origin: .some(nil)).status == 403)
            #expect(try changes(stage).isEmpty)
        }
    }

    @Test func theNewSiteFormSpeaksChineseToABrowserThatAsksForIt() async throws {
        try await StudioStage.with(fleet: fleet) { stage in
            let form = try await StudioStage.Browser(stage).get("/_studio/new-site", headers: [("Accept-Language", "zh-CN,zh;q=0.9")])
            #expect(form.body.contains("<h1>新建网站</h1>"))
            #expect(form.body.contains("<label for=\"s-id\">网站 ID</label>"))
        }
    }
}
