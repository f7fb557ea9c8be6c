import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Lists files below a folder, sorted, as paths relative to it; hidden files are skipped.
public enum WorkspaceFiles {
    public static func list(under folder: URL, withExtension ext: String? = nil) -> [String] {
        var paths: [String] = []
        let suffix = ext.map { ".\($0)" }
        walk(folder.standardizedFileURL.path, relative: "") { relative, _ in
            if suffix == nil || relative.hasSuffix(suffix!) { paths.append(relative) }
        }
        return paths.sorted()
    }

    /// The size and modification time of every file below `folder`, by path relative to it.
    public static func stamps(under folder: URL) -> [String: FileStamp] {
        var stamps: [String: FileStamp] = [:]
        walk(folder.standardizedFileURL.path, relative: "") { relative, path in
            if let stamp = FileStamp(path: path) { stamps[relative] = stamp }
        }
        return stamps
    }

    /// Recursive listing with readdir(3): several times faster than FileManager's enumerator on large trees.
    /// Calls `visit` with the relative and the full path of every regular file. Symbolic links to folders
    /// are followed, each folder once, so a link loop ends.
    private static func walk(_ path: String, relative: String, visit: (String, String) -> Void) {
        var seen: Set<[UInt64]> = []
        walk(path, relative: relative, seen: &seen, visit: visit)
    }

    private static func walk(_ path: String, relative: String, seen: inout Set<[UInt64]>, visit: (String, String) -> Void) {
        var info = stat()
        guard stat(path, &info) == 0, seen.insert([UInt64(info.st_dev), UInt64(info.st_ino)]).inserted else { return }
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
                walk(childPath, relative: childRelative, seen: &seen, visit: visit)
            } else if type == Int32(DT_REG) {
                visit(childRelative, childPath)
            }
        }
    }

    public static func isDirectory(_ url: URL) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
