import Foundation

extension StudioPage {
    /// `/_studio/new-site`: the site's id, its kind, the model it sells and its brand (chosen from the shared data), an
    /// optional title and its language; each refusal of the engine under its field.
    func newSite(_ form: ScaffoldForm) -> String {
        let kinds = ["product", "brand", "store"].map { ScaffoldForm.Choice(id: $0, name: $0) }
        let models = [ScaffoldForm.Choice(id: "", name: strings.noModel)] + form.models
        let brands = [ScaffoldForm.Choice(id: "", name: strings.brandOfModel)] + form.brands
        let locales = [ScaffoldForm.Choice(id: "en", name: "English"), ScaffoldForm.Choice(id: "zh-CN", name: "中文")]
        return render(title: strings.newSite, content: """
            \(otherProblems(form))
            <form method="post" action="/_studio/new-site">\(csrfField)
            \(textField("id", strings.siteID, form: form, hint: strings.idHint, required: true))
            \(choiceField("kind", strings.kind, kinds, form: form, fallback: "product"))
            \(choiceField("model", strings.model, models, form: form, hint: strings.modelHint))
            \(choiceField("brand", strings.brand, brands, form: form))
            \(textField("title", strings.siteTitle, form: form))
            \(choiceField("locale", strings.locale, locales, form: form, fallback: "en"))
            <p><button type="submit" id="create-site">\(escaped(strings.create))</button></p></form>
            """)
    }

    /// `/_studio/new-model`: the model's id and brand, the model it is copied from, an optional name, and whether its
    /// product site is made too.
    func newModel(_ form: ScaffoldForm) -> String {
        let site = form.values["withSite"] == "true"
        return render(title: strings.newModel, content: """
            <p>\(escaped(strings.newModelExplanation))</p>
            \(otherProblems(form))
            <form method="post" action="/_studio/new-model">\(csrfField)
            \(textField("id", strings.modelID, form: form, hint: strings.idHint, required: true))
            \(choiceField("brand", strings.brand, form.brands, form: form))
            \(choiceField("like", strings.likeModel, form.models, form: form))
            \(textField("name", strings.modelName, form: form))
            <p class="field check"><input type="checkbox" id="s-withSite" name="withSite" value="true"\(site ? " checked" : "")>
            <label for="s-withSite">\(escaped(strings.alsoSite))</label></p>
            \(textField("site", strings.siteIDOptional, form: form))
            <p><button type="submit" id="create-model">\(escaped(strings.create))</button></p></form>
            """)
    }

    /// What a new model wrote, and what to do next.
    func modelAdded(id: String, files: [String], site: String?) -> String {
        let list = files.map { "<li><code>\(escaped($0))</code></li>" }.joined()
        let next = site.map { "<a href=\"\(escaped(Self.link("/_studio/site", [("id", $0)])))\">\(escaped($0))</a>" }
            ?? "<a href=\"\(escaped(Self.link("/_studio/new-site", [("model", id), ("kind", "product")])))\">\(escaped(strings.newSite))</a>"
        return render(title: "\(strings.newModel): \(id)", content: """
            <p class="message" role="status">\(escaped(strings.modelAddedAs)) <code>\(escaped(id))</code></p><ul>\(list)</ul>
            <p>\(escaped(strings.fillIn)) <a href="\(escaped(Self.link("/_studio/data/edit", [("file", "shared/data/models.yaml")])))">models.yaml</a></p>
            <p>\(next)</p>
            """)
    }

    private func fieldProblem(_ field: String, _ form: ScaffoldForm) -> (note: String, attributes: String) {
        let found = form.problems.filter { $0.field == field }
        guard !found.isEmpty else { return ("", "") }
        let items = found.map { "<li class=\"error\">\(escaped($0.message))" + ($0.fix.map { "<br><span class=\"fix\">fix: \(escaped($0))</span>" } ?? "") + "</li>" }
        return ("<ul class=\"problems\" id=\"s-\(field)-problem\" role=\"status\">\(items.joined())</ul>",
                " aria-invalid=\"true\" aria-describedby=\"s-\(field)-problem\"")
    }

    private func otherProblems(_ form: ScaffoldForm) -> String {
        let note = fieldProblem("other", form).note
        return note.isEmpty ? "" : "<p>\(escaped(strings.nothingMade))</p>" + note
    }

    private func textField(_ name: String, _ label: String, form: ScaffoldForm, hint: String? = nil, required: Bool = false) -> String {
        let problem = fieldProblem(name, form)
        let hintNote = hint.map { "<small id=\"s-\(name)-hint\">\(escaped($0))</small>" } ?? ""
        let described = hint == nil || !problem.attributes.isEmpty ? "" : " aria-describedby=\"s-\(name)-hint\""
        return """
            <p class="field"><label for="s-\(name)">\(escaped(label))</label>
            <input id="s-\(name)" name="\(name)" value="\(escaped(form.value(name)))"\(required ? " required" : "")\(described)\(problem.attributes)>\(hintNote)</p>\(problem.note)
            """
    }

    private func choiceField(_ name: String, _ label: String, _ choices: [ScaffoldForm.Choice], form: ScaffoldForm, fallback: String = "",
                             hint: String? = nil) -> String {
        let problem = fieldProblem(name, form)
        let chosen = form.values[name] ?? fallback
        let options = choices.map { choice in
            let shown = choice.name == choice.id || choice.id.isEmpty ? choice.name : "\(choice.name) (\(choice.id))"
            return "<option value=\"\(escaped(choice.id))\"\(choice.id == chosen ? " selected" : "")>\(escaped(shown))</option>"
        }.joined()
        let hintNote = hint.map { "<small>\(escaped($0))</small>" } ?? ""
        return """
            <p class="field"><label for="s-\(name)">\(escaped(label))</label>
            <select id="s-\(name)" name="\(name)"\(problem.attributes)>\(options)</select>\(hintNote)</p>\(problem.note)
            """
    }
}
