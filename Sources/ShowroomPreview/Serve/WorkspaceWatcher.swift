import Foundation
import ShowroomWorkspace

/// Notices changed workspace files by comparing sizes and times between two scans.
///
/// Scanning is portable (no inotify or FSEvents) and catches editors that save by writing a new file and
/// renaming it over the old one. A scan lists folders with readdir(3) and stats each file: about a
/// millisecond for the example fleet, where FileManager's enumerator took close to 20 ms. With file events
/// (`FileEvents`) serve rescans only the paths they name (`changes(at:)`): a whole scan of a workspace of
/// 25 sites of 2,000 pages stats 50,000 files, a third of a second.
struct WorkspaceWatcher: Sendable {
    /// The folders and files that make up a workspace; the output and records are never watched.
    static let watched = ["showroom.yaml", "sites", "shared", "templates", "assets"]

    var root: URL
    /// The sites served, whose folders are watched whole; of the others only `site.yaml` (every site's host
    /// is in the tracking snippet). Nil: every site.
    let sites: Set<String>?
    private(set) var stamps: [String: FileStamp] = [:]

    init(root: URL, sites: [String]? = nil) {
        self.root = root.standardizedFileURL
        self.sites = sites.map(Set.init)
        stamps = scan()
    }

    /// Files added, changed or removed since the last call, relative to the workspace; with `named`, also the
    /// files among those paths (what file events named), whose stamps may not show a second save in one tick.
    mutating func changes(including named: Set<String> = []) -> [String] {
        let current = scan()
        var changed = Set(current.keys.filter { current[$0] != stamps[$0] })
        changed.formUnion(named.filter { current[$0] != nil || stamps[$0] != nil })
        changed.formUnion(stamps.keys.filter { current[$0] == nil })
        stamps = current
        return changed.sorted()
    }

    /// What changed at the paths file events named (files or folders, relative to the workspace): each named
    /// file counts as changed, a named folder is scanned, and what is gone from either is removed.
    mutating func changes(at named: Set<String>) -> [String] {
        var changed: Set<String> = []
        for path in named where isWatched(path) {
            var isFolder: ObjCBool = false
            let full = root.appendingPathComponent(path).path
            let prefix = path + "/"
            if FileManager.default.fileExists(atPath: full, isDirectory: &isFolder), isFolder.boolValue {
                var current: [String: FileStamp] = [:]
                for (relative, stamp) in WorkspaceFiles.stamps(under: root.appendingPathComponent(path), inside: root) where isWatched(prefix + relative) {
                    current[prefix + relative] = stamp
                }
                for (file, stamp) in current where stamps[file] != stamp {
                    changed.insert(file)
                    stamps[file] = stamp
                }
                for file in stamps.keys where file.hasPrefix(prefix) && current[file] == nil {
                    changed.insert(file)
                    stamps[file] = nil
                }
            } else if let stamp = FileStamp(path: full) {
                changed.insert(path)
                stamps[path] = stamp
            } else {
                if stamps.removeValue(forKey: path) != nil { changed.insert(path) }
                for file in stamps.keys where file.hasPrefix(prefix) {
                    changed.insert(file)
                    stamps[file] = nil
                }
            }
        }
        return changed.sorted()
    }

    /// Whether changes at `path` concern the preview: inside a watched entry and, for `sites/`, in a served
    /// site's folder or another site's `site.yaml`.
    func isWatched(_ path: String) -> Bool {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard let first = parts.first, Self.watched.contains(String(first)), !parts.contains(where: { $0.hasPrefix(".") }) else { return false }
        guard first == "sites", let sites, parts.count >= 2 else { return true }
        return sites.contains(String(parts[1])) || (parts.count == 3 && parts[2] == "site.yaml") || parts.count == 2
    }

    private func scan() -> [String: FileStamp] {
        var stamps: [String: FileStamp] = [:]
        for entry in Self.watched {
            let url = root.appendingPathComponent(entry)
            if let stamp = FileStamp(path: url.path) {
                stamps[entry] = stamp
                continue
            }
            if entry == "sites", let sites {
                let folders = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
                for folder in folders where !folder.hasPrefix(".") {
                    if sites.contains(folder) {
                        for (relative, stamp) in WorkspaceFiles.stamps(under: url.appendingPathComponent(folder), inside: root) {
                            stamps["sites/\(folder)/\(relative)"] = stamp
                        }
                    } else if let stamp = FileStamp(path: url.appendingPathComponent("\(folder)/site.yaml").path) {
                        stamps["sites/\(folder)/site.yaml"] = stamp
                    }
                }
                continue
            }
            for (relative, stamp) in WorkspaceFiles.stamps(under: url, inside: root) { stamps[entry + "/" + relative] = stamp }
        }
        return stamps
    }
}
