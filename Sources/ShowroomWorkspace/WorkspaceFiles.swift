import Foundation

/// Lists files below a folder, sorted, as paths relative to it; hidden files are skipped.
public enum WorkspaceFiles {
    public static func list(under folder: URL, withExtension ext: String? = nil) -> [String] {
        guard let enumerator = FileManager.default.enumerator(
            at: folder, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles])
        else { return [] }
        let base = folder.standardizedFileURL.path
        var paths: [String] = []
        for case let url as URL in enumerator {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            if let ext, url.pathExtension != ext { continue }
            var path = url.standardizedFileURL.path
            if path.hasPrefix(base) { path.removeFirst(base.count) }
            while path.hasPrefix("/") { path.removeFirst() }
            paths.append(path)
        }
        return paths.sorted()
    }

    public static func isDirectory(_ url: URL) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
