import Foundation

/// Notices changed workspace files by comparing modification times and sizes between two scans.
///
/// Polling every ~100 ms is portable (no inotify or FSEvents), cheap for a workspace of a few thousand
/// files, and catches editors that save by writing a new file and renaming it over the old one.
struct WorkspaceWatcher: Sendable {
    /// The folders and files that make up a workspace; the output and records are never watched.
    static let watched = ["showroom.yaml", "sites", "shared", "templates", "assets"]

    struct Stamp: Sendable, Equatable {
        var modified: Date
        var size: Int
    }

    var root: URL
    private(set) var stamps: [String: Stamp] = [:]

    init(root: URL) {
        self.root = root.standardizedFileURL
        stamps = scan()
    }

    /// Files added, changed or removed since the last call, relative to the workspace.
    mutating func changes() -> [String] {
        let current = scan()
        var changed = Set(current.keys.filter { current[$0] != stamps[$0] })
        changed.formUnion(stamps.keys.filter { current[$0] == nil })
        stamps = current
        return changed.sorted()
    }

    private func scan() -> [String: Stamp] {
        var stamps: [String: Stamp] = [:]
        let keys: [URLResourceKey] = [.contentModificationDateKey, .fileSizeKey, .isRegularFileKey]
        let prefix = root.path + "/"
        for entry in Self.watched {
            let url = root.appendingPathComponent(entry)
            var found: [URL] = [url]
            if let enumerator = FileManager.default.enumerator(at: url, includingPropertiesForKeys: keys, options: [.skipsHiddenFiles]) {
                found = enumerator.compactMap { $0 as? URL }
            }
            for file in found {
                guard let values = try? file.resourceValues(forKeys: Set(keys)), values.isRegularFile == true else { continue }
                let path = file.standardizedFileURL.path
                guard path.hasPrefix(prefix) else { continue }
                stamps[String(path.dropFirst(prefix.count))] = Stamp(modified: values.contentModificationDate ?? .distantPast,
                                                                     size: values.fileSize ?? 0)
            }
        }
        return stamps
    }
}
