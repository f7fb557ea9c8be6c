import Foundation
import ShowroomCore
import ShowroomWorkspace

/// The hashes and stamps of a build's inputs, taken before the build reads them: a record then never pairs an
/// input changed during the build with output made from it as it was before.
struct SourceHashes: Sendable {
    /// The text of each site's site.yaml, by site id.
    var sites: [String: StableHash] = [:]
    /// showroom.yaml's text.
    var fleet = StableHash(high: 0, low: 0)
    /// assets/catalog.yaml's text.
    var catalog = StableHash(high: 0, low: 0)
    /// `templates/`, `shared/`, showroom.yaml and the catalogue (`SiteReuse.sharedStamps`).
    var shared = StableHash(high: 0, low: 0)
    /// Each site folder's stamps (`SiteReuse.folderStamps`), by site id.
    var folders: [String: SiteReuse.Stamps] = [:]
    /// Every library file's stamp, by workspace path.
    var assetFiles: [String: FileStamp] = [:]

    static func take(root: URL, sites: [String]?) -> SourceHashes {
        var hashes = SourceHashes()
        func text(_ path: String) -> StableHash {
            StableHasher.hash((try? String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)) ?? "")
        }
        hashes.fleet = text("showroom.yaml")
        hashes.catalog = text("assets/catalog.yaml")
        hashes.shared = SiteReuse.sharedStamps(root: root)
        let folders = ((try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("sites").path)) ?? [])
            .filter { !$0.hasPrefix(".") && (sites?.contains($0) ?? true) }
        for id in folders {
            hashes.sites[id] = text("sites/\(id)/site.yaml")
            hashes.folders[id] = SiteReuse.folderStamps(folder: "sites/\(id)", root: root)
        }
        for (path, stamp) in WorkspaceFiles.stamps(under: root.appendingPathComponent("assets/files"), inside: root) {
            hashes.assetFiles["assets/files/" + path] = stamp
        }
        return hashes
    }
}
