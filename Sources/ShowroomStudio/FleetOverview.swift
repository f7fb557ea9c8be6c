import Foundation
import ShowroomWorkspace

/// The fleet as the studio's first screen lists it: every site with its kind and language, and each site's
/// pages (its own and those it mounts from the shared content), for the lists and the title search.
struct FleetOverview: Sendable {
    /// A page a marketer can open.
    struct Page: Sendable {
        /// The page's title (from its front matter, else its file name).
        var title: String
        /// Its file, relative to the workspace.
        var file: String
        /// Whether it is a draft.
        var draft: Bool
        /// Whether it comes from the shared content (and so shows on other sites too).
        var shared: Bool
    }

    /// A site of the fleet.
    struct Site: Sendable {
        var id: String
        var title: String
        var kind: String
        var locale: String
        /// The shared folders the site mounts (`models/aurora`).
        var mounts: [String]
    }

    var sites: [Site]
    private var workspace: Workspace

    /// Reads the workspace's sites (not their pages: those are read when a site is opened or searched).
    static func load(workspace root: URL) -> FleetOverview {
        let (workspace, _) = Workspace.load(root: root)
        let sites = workspace.sites.map { site in
            Site(id: site.id, title: site.title, kind: site.kind.rawValue, locale: site.locale,
                 mounts: site.mounts.map { $0.from.trimmingCharacters(in: CharacterSet(charactersIn: "/")) })
        }
        return FleetOverview(sites: sites, workspace: workspace)
    }

    /// The pages of `site`: its own first, then the mounted shared ones, each group by file.
    func pages(of site: String) -> [Page] {
        guard let config = workspace.site(site) else { return [] }
        var pages = workspace.loadPages(under: "\(config.folder)/content").0.map {
            Page(title: $0.title, file: $0.file, draft: $0.draft, shared: false)
        }.sorted { $0.file < $1.file }
        var seen = Set(pages.map(\.file))
        for mount in config.mounts {
            let folder = Workspace.sharedContentFolder + "/" + mount.from.trimmingCharacters(in: CharacterSet(charactersIn: "/"))
            for page in workspace.loadPages(under: folder).0.sorted(by: { $0.file < $1.file })
            where (mount.tags.isEmpty || page.isIndex || !Set(page.tags).isDisjoint(with: mount.tags)) && seen.insert(page.file).inserted {
                pages.append(Page(title: page.title, file: page.file, draft: page.draft, shared: true))
            }
        }
        return pages
    }

    /// Every page of every site whose title contains `query` (any case), with its site.
    func search(_ query: String) -> [(site: String, page: Page)] {
        let wanted = query.trimmingCharacters(in: .whitespaces)
        guard !wanted.isEmpty else { return [] }
        return sites.flatMap { site in
            pages(of: site.id).filter { $0.title.localizedCaseInsensitiveContains(wanted) }.map { (site.id, $0) }
        }
    }
}
