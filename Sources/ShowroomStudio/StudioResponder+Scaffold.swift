import Foundation
import HTTPTypes
import Hummingbird
import ShowroomCore
import ShowroomWorkspace

extension StudioResponder {
    /// `GET /_studio/new-site?kind=…&model=…`: the form, with the shared data's models and brands as choices.
    func newSiteForm(_ visit: Visit) -> Response {
        var form = ScaffoldForm.choices(in: options.workspace)
        for name in ["kind", "model", "brand"] { form.values[name] = visit.query(name) }
        return Self.html(.ok, visit.page.newSite(form))
    }

    /// `POST /_studio/new-site`: `showroom new site` with the form's values. Made: the site's screen (its first build
    /// follows). Refused: the form again with each of the engine's refusals at its field, and nothing written.
    func createSite(_ visit: Visit, form fields: FormFields) async -> Response {
        var form = ScaffoldForm.choices(in: options.workspace)
        form.values = fields.all.filter { $0.key != "csrf" }
        let request = SiteScaffoldRequest(id: form.value("id"), kind: form.value("kind"), model: form.given("model"),
                                          brand: form.given("brand"), title: form.given("title"), locale: form.given("locale") ?? "en")
        let workspace = options.workspace
        switch await StudioServer.onThread({ SiteScaffold.create(request, in: workspace) }) {
        case .success:
            options.log("Made the site sites/\(request.id)/")
            rebuild([request.id])
            return Self.redirect(StudioPage.link("/_studio/site", [("id", request.id)]))
        case .failure(let failure):
            form.problems = ScaffoldForm.problems(failure.diagnostics, fields: ScaffoldForm.siteFields)
            return Self.html(.unprocessableContent, visit.page.newSite(form))
        }
    }

    /// `GET /_studio/new-model`: the form, with the shared data's brands and models as choices.
    func newModelForm(_ visit: Visit) -> Response {
        Self.html(.ok, visit.page.newModel(ScaffoldForm.choices(in: options.workspace)))
    }

    /// `POST /_studio/new-model`: `showroom new model` with the form's values (and its product site when the box is
    /// ticked). Made: what was written and what to fill in; every site is rebuilt, as the shared models changed.
    /// Refused: the form again with each refusal at its field, and nothing written.
    func createModel(_ visit: Visit, form fields: FormFields) async -> Response {
        var form = ScaffoldForm.choices(in: options.workspace)
        form.values = fields.all.filter { $0.key != "csrf" }
        let request = ModelScaffoldRequest(id: form.value("id"), brand: form.value("brand"), like: form.value("like"), name: form.given("name"),
                                           site: form.values["withSite"] == "true" ? form.value("site") : nil)
        let workspace = options.workspace
        switch await StudioServer.onThread({ ModelScaffold.create(request, in: workspace) }) {
        case .success(let result):
            options.log("Added the model \(request.id): \(result.files.joined(separator: ", "))")
            rebuild(siteIDs)
            return Self.html(.ok, visit.page.modelAdded(id: request.id, files: result.files, site: result.site?.lastPathComponent))
        case .failure(let failure):
            form.problems = ScaffoldForm.problems(failure.diagnostics, fields: ScaffoldForm.modelFields)
            return Self.html(.unprocessableContent, visit.page.newModel(form))
        }
    }
}
