import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Lists files below a folder, sorted, as paths relative to it; hidden files are skipped.
public enum WorkspaceFiles {
    public static func list(under folder: URL, withExtension ext: String? = nil) -> [String] {
        var paths: [String] = []
        let suffix = ext.map { ".\($0)" }
        walk(folder.standardizedFileURL.path, relative: "", suffix: suffix, into: &paths)
        return paths.sorted()
    }

    /// Recursive listing with readdir(3): several times faster than FileManager's enumerator on large trees.
    private static func walk(_ path: String, relative: String, suffix: String?, into paths: inout [String]) {
        guard let directory = opendir(path) else { return }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(cString: raw.baseAddress!.assumingMemoryBound(to: CChar.self))
            }
            if name.hasPrefix(".") { continue }
            let childPath = path + "/" + name
            let childRelative = relative.isEmpty ? name : relative + "/" + name
            var type = Int32(entry.pointee.d_type)
            if type == Int32(DT_UNKNOWN) || type == Int32(DT_LNK) {
                var info = stat()
                guard stat(childPath, &info) == 0 else { continue }
                type = (info.st_mode & S_IFMT) == S_IFDIR ? Int32(DT_DIR) : ((info.st_mode & S_IFMT) == S_IFREG ? Int32(DT_REG) : 0)
            }
            if type == Int32(DT_DIR) {
                walk(childPath, relative: childRelative, suffix: suffix, into: &paths)
            } else if type == Int32(DT_REG), suffix == nil || name.hasSuffix(suffix!) {
                paths.append(childRelative)
            }
        }
    }

    public static func isDirectory(_ url: URL) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
