import Foundation
import HTTPTypes
import Hummingbird

extension StudioResponder {
    /// The sites of the workspace, sorted.
    var siteIDs: [String] {
        let folders = (try? FileManager.default.contentsOfDirectory(atPath: options.workspace.appendingPathComponent("sites").path)) ?? []
        return folders.filter(isSite).sorted()
    }

    /// `GET /_studio/new?site=…`: the form, for the named site or the first.
    func newPageForm(_ visit: Visit) -> Response {
        let sites = siteIDs
        guard let site = visit.query("site").flatMap({ sites.contains($0) ? $0 : nil }) ?? sites.first else {
            return Self.html(.notFound, visit.page.refusal(title: "No site", explanation: "The workspace has no site to add a page to."))
        }
        let sections = NewPage.sections(of: site, in: options.workspace)
        return Self.html(.ok, visit.page.newPage(.init(sites: sites, site: site, sections: sections, section: sections.last ?? "")))
    }

    /// `POST /_studio/new`: makes the page and opens its editor; refused, with nothing written, for a site or section
    /// that does not exist (403), an empty title or an invalid address (422), or an address already taken (409).
    func createPage(_ visit: Visit, form: FormFields) -> Response {
        let sites = siteIDs
        guard let site = form["site"], sites.contains(site) else {
            return Self.html(.forbidden, visit.page.refusal(title: "Refused", explanation: "There is no such site; nothing was made. Pick one from the list."))
        }
        let sections = NewPage.sections(of: site, in: options.workspace)
        guard let section = form["section"], sections.contains(section) else {
            return Self.html(.forbidden, visit.page.refusal(title: "Refused", explanation: "\(site) has no such section; nothing was made. Pick one from the list."))
        }
        let title = (form["title"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let typed = (form["slug"] ?? "").trimmingCharacters(in: .whitespaces)
        var screen = StudioPage.NewPageForm(sites: sites, site: site, sections: sections, section: section, title: title, slug: typed)
        guard !title.isEmpty, !title.contains("\n") else {
            screen.problem = ("title", "Write the page's title; nothing was made.")
            return Self.html(.unprocessableContent, visit.page.newPage(screen))
        }
        let slug = typed.isEmpty ? NewPage.slug(from: title) : typed
        guard NewPage.isValid(slug: slug) else {
            screen.problem = ("slug", typed.isEmpty
                ? "The title has no letters an address can be made of; write the address yourself (e.g. summer-offer). Nothing was made."
                : "`\(typed)` cannot be an address: use lower-case letters, digits and single hyphens, e.g. summer-offer. Nothing was made.")
            return Self.html(.unprocessableContent, visit.page.newPage(screen))
        }
        let page = NewPage(site: site, section: section, title: title, slug: slug)
        do {
            let path = try WorkspacePath.resolve(page.file, in: options.workspace)
            let taken = "\(page.file) already exists: pick another address, or open that page from the site's list. Nothing was made."
            let sameIndex = FileManager.default.fileExists(atPath: path.url.deletingPathExtension().appendingPathComponent("index.md").path)
            guard !sameIndex else {
                screen.problem = ("slug", taken)
                return Self.html(.conflict, visit.page.newPage(screen))
            }
            let today = Self.today()
            guard try StoredFile.create(page.text(sample: NewPage.sample(site: site, section: section, in: options.workspace), today: today), at: path) else {
                screen.problem = ("slug", taken)
                return Self.html(.conflict, visit.page.newPage(screen))
            }
            options.log("Made \(page.file)")
            rebuild([site])
            return Self.redirect(StudioPage.link("/_studio/edit", [("site", site), ("file", page.file)]))
        } catch let refusal as WorkspacePath.Refusal {
            return Self.html(.forbidden, visit.page.refusal(title: "Refused", explanation: refusal.description + "; nothing was made"))
        } catch let failure as StoredFile.Failure {
            return Self.html(.unprocessableContent, visit.page.refusal(title: "Not made", explanation: "\(failure)"))
        } catch {
            return Self.html(.internalServerError, visit.page.refusal(title: "Not made", explanation: "\(error)"))
        }
    }

    /// Today's date as front matter writes it (`2026-12-03`), in the machine's time zone.
    private static func today() -> String {
        let parts = Calendar.current.dateComponents([.year, .month, .day], from: Date())
        return String(format: "%04d-%02d-%02d", parts.year ?? 2026, parts.month ?? 1, parts.day ?? 1)
    }
}
