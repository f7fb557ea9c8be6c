import Foundation

extension StudioPage {
    /// What the "New page" form shows: the sites to pick from, the chosen site's sections, what was typed, and
    /// why the page was not made.
    struct NewPageForm: Sendable {
        var sites: [String]
        var site: String
        var sections: [String]
        var section = ""
        var title = ""
        var slug = ""
        /// The refusal, under the field it concerns (`title` or `slug`).
        var problem: (field: String, message: String)?
    }

    /// `/_studio/new?site=…`: pick the site (a form of its own, which reloads the sections), then the section, the
    /// title and, if wanted, the address.
    func newPage(_ form: NewPageForm) -> String {
        let sites = form.sites.map { "<option\($0 == form.site ? " selected" : "")>\(escaped($0))</option>" }.joined()
        let sections = form.sections.map { section in
            "<option value=\"\(escaped(section))\"\(section == form.section ? " selected" : "")>\(escaped(section.isEmpty ? "/" : section + "/"))</option>"
        }.joined()
        func problem(_ field: String) -> (note: String, attributes: String) {
            guard let problem = form.problem, problem.field == field else { return ("", "") }
            return ("<span class=\"error\" id=\"n-\(field)-problem\" role=\"status\">\(escaped(problem.message))</span>",
                    " aria-invalid=\"true\" aria-describedby=\"n-\(field)-problem\"")
        }
        let title = problem("title")
        let slug = problem("slug")
        return render(title: strings.newPage, content: """
            <form method="get" action="/_studio/new"><p class="field"><label for="n-site">\(escaped(strings.site))</label>
            <select id="n-site" name="site">\(sites)</select> <button type="submit">\(escaped(strings.section))…</button></p></form>
            <form method="post" action="/_studio/new">\(csrfField)<input type="hidden" name="site" value="\(escaped(form.site))">
            <p class="field"><label for="n-section">\(escaped(strings.section)) (\(escaped(form.site)))</label>
            <select id="n-section" name="section">\(sections)</select></p>
            <p class="field"><label for="n-title">\(escaped(strings.title))</label>
            <input id="n-title" name="title" required value="\(escaped(form.title))"\(title.attributes)>\(title.note)</p>
            <p class="field"><label for="n-slug">\(escaped(strings.slug))</label>
            <input id="n-slug" name="slug" value="\(escaped(form.slug))" aria-describedby="n-slug-hint"\(slug.attributes)>
            <small id="n-slug-hint">\(escaped(strings.slugHint))</small>\(slug.note)</p>
            <p><button type="submit" id="create">\(escaped(strings.create))</button></p></form>
            """)
    }
}
