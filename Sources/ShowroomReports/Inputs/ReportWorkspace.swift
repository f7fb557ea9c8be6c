import Foundation
import ShowroomWorkspace

/// The parts of the workspace the reports read: the sites (ids and hosts), the asset catalogue, the output folder.
struct ReportWorkspace: Sendable {
    var root: URL
    var sites: [SiteConfig]
    var catalog: AssetCatalog
    var publicFolder: URL

    /// Loads the workspace; template or content problems do not matter to a report, a missing catalogue or sites do.
    static func load(_ root: URL) throws -> ReportWorkspace {
        let (workspace, diagnostics) = Workspace.load(root: root)
        let relevant = diagnostics.errors.filter {
            guard let file = $0.location?.file else { return false }
            return file.hasPrefix("sites/") && file.hasSuffix("site.yaml") || file.hasPrefix("assets/catalog")
        }
        guard relevant.isEmpty else {
            throw ReportError("the workspace at \(root.path) has problems a report cannot work around:\n"
                              + relevant.map(\.description).joined(separator: "\n"))
        }
        guard !workspace.sites.isEmpty else {
            throw ReportError("there are no sites under \(root.path)/sites; pass --workspace with the folder that holds sites/ and assets/")
        }
        let output = workspace.fleet.output
        let publicFolder = output.hasPrefix("/") ? URL(fileURLWithPath: output) : workspace.root.appendingPathComponent(output)
        return ReportWorkspace(root: workspace.root, sites: workspace.sites, catalog: workspace.catalog, publicFolder: publicFolder)
    }

    func requireSite(_ id: String) throws {
        guard sites.contains(where: { $0.id == id }) else {
            throw ReportError("there is no site `\(id)`; the sites are \(sites.map(\.id).joined(separator: ", "))")
        }
    }
}
