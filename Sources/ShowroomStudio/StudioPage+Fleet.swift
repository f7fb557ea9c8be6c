import Foundation
import ShowroomCore

extension StudioPage {
    /// The first screen: every site with its kind, language and last build, and the title search.
    func fleet(_ overview: FleetOverview, problems: [String: [Diagnostic]], query: String) -> String {
        let rows = overview.sites.map { site -> String in
            let found = problems[site.id] ?? []
            let build = found.isEmpty ? "<td class=\"ok\">\(escaped(strings.builtOK))</td>"
                : "<td><span class=\"error\">\(found.errors.count) \(escaped(strings.errors))</span>, \(found.warnings.count) \(escaped(strings.warnings))</td>"
            return "<tr><th scope=\"row\"><a href=\"\(escaped(Self.link("/_studio/site", [("id", site.id)])))\">\(escaped(site.id))</a>"
                + " <small>\(escaped(site.title))</small></th><td>\(escaped(site.kind))</td><td>\(escaped(site.locale))</td>\(build)</tr>"
        }.joined(separator: "\n")
        var results = ""
        if !query.trimmingCharacters(in: .whitespaces).isEmpty {
            let found = overview.search(query)
            results = found.isEmpty ? "<p>\(escaped(strings.noMatches))</p>" : "<ul class=\"results\">" + found.map { hit in
                "<li>\(editLink(site: hit.site, page: hit.page)) <small>\(escaped(hit.site)) · \(escaped(hit.page.file))</small></li>"
            }.joined() + "</ul>"
        }
        return render(title: strings.fleet, content: """
            <form method="get" action="/_studio/" role="search"><label for="q">\(escaped(strings.search))</label>
            <input id="q" name="q" type="search" value="\(escaped(query))" placeholder="\(escaped(strings.searchPlaceholder))">
            <button type="submit">\(escaped(strings.search))</button></form>
            \(results)
            <p><a href="/_studio/new-site" id="new-site">\(escaped(strings.newSite))</a> · <a href="/_studio/new-model" id="new-model">\(escaped(strings.newModel))</a></p>
            <table><thead><tr><th scope="col">\(escaped(strings.site))</th><th scope="col">\(escaped(strings.kind))</th>\
            <th scope="col">\(escaped(strings.locale))</th><th scope="col">\(escaped(strings.lastBuild))</th></tr></thead>
            <tbody>
            \(rows)
            </tbody></table>
            """)
    }

    /// One site: its last build's problems, its own pages and the shared pages it shows.
    func site(_ site: FleetOverview.Site, pages: [FleetOverview.Page], problems: [Diagnostic]) -> String {
        let own = pages.filter { !$0.shared }.map { "<li>\(editLink(site: site.id, page: $0)) <small>\(escaped($0.file))</small></li>" }.joined()
        let shared = pages.filter(\.shared).map { "<li>\(editLink(site: site.id, page: $0)) <small>\(escaped($0.file))</small></li>" }.joined()
        let problemList = problems.isEmpty ? "<p class=\"ok\">\(escaped(strings.builtOK))</p>"
            : "<ul class=\"problems\">" + problems.map(Self.problem).joined() + "</ul>"
        return render(title: "\(site.title) (\(site.id))", content: """
            <p>\(escaped(strings.kind)): \(escaped(site.kind)) · \(escaped(strings.locale)): \(escaped(site.locale))</p>
            <h2>\(escaped(strings.lastBuild))</h2>\(problemList)
            <h2>\(escaped(strings.pages))</h2>
            <p><a href="\(escaped(Self.link("/_studio/new", [("site", site.id)])))" id="new-page">\(escaped(strings.newPage))</a></p><ul>\(own)</ul>
            <h2>\(escaped(strings.mounts))</h2><ul>\(shared)</ul>
            """)
    }

    private func editLink(site: String, page: FleetOverview.Page) -> String {
        "<a href=\"\(escaped(Self.link("/_studio/edit", [("site", site), ("file", page.file)])))\">\(escaped(page.title))</a>"
            + (page.draft ? " <small>(\(escaped(strings.draft)))</small>" : "")
    }
}
