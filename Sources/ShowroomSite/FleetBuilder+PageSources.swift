import Foundation
import ShowroomCore
import ShowroomWorkspace

extension FleetBuilder {
    /// Which workspace file each HTML page of each site is rendered from: site id → output path
    /// (`news/aurora-launch/index.html`) → source file (`shared/content/news/aurora-launch.md`).
    ///
    /// Tools that find problems in the built output (`showroom check`) use it to point at the file a
    /// marketer edits rather than at a generated file. Pages that fail to load are simply absent.
    public static func pageSources(_ options: BuildOptions) -> [String: [String: String]] {
        let (workspace, _) = Workspace.load(root: options.workspace, siteIDs: options.sites.isEmpty ? nil : options.sites)
        let sharedPages = mountableSharedPages(workspace).0
        var sources: [String: [String: String]] = [:]
        for site in workspace.sites {
            let (pages, _) = SitePages.collect(site: site, workspace: workspace, sharedPages: sharedPages, now: options.now,
                                               includeDrafts: options.includeDrafts)
            var files: [String: String] = [:]
            for page in pages {
                files[page.outputPath] = page.source.file
                for alias in page.source.aliases {
                    files[SitePage.aliasOutput(alias).outputPath] = page.source.file
                }
            }
            sources[site.id] = files
        }
        return sources
    }
}
