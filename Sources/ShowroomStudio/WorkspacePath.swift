import Foundation

/// A file the studio may read or write: a path relative to the workspace that stays inside it. Every path a
/// browser sends goes through here first, so `../`, an absolute path or a symbolic link out of the workspace
/// never reaches a file.
struct WorkspacePath: Sendable, Hashable {
    /// The path relative to the workspace root, `sites/aurora/content/about.md`.
    let relative: String
    /// The file's URL.
    let url: URL

    /// Why a path was refused, in words the editor shows.
    struct Refusal: Error, Sendable, CustomStringConvertible {
        let path: String
        let reason: String
        var description: String { "\(path): \(reason)" }
    }

    /// The folders the studio edits; everything else in the workspace (`.git`, `.showroom`, `public`) is not its business.
    static let editableFolders = ["sites", "shared", "templates"]

    /// `relative` inside `workspace`, or a refusal: empty, absolute, with `..`, `.`, a hidden part or a NUL byte,
    /// outside the editable folders, or (once every link is resolved) not inside the workspace's real path.
    static func resolve(_ relative: String, in workspace: URL) throws(Refusal) -> WorkspacePath {
        let parts = relative.split(separator: "/", omittingEmptySubsequences: false)
        guard !relative.isEmpty, !relative.hasPrefix("/"), !relative.contains("\0"),
              parts.allSatisfy({ !$0.isEmpty && $0 != "." && $0 != ".." && !$0.hasPrefix(".") }) else {
            throw Refusal(path: relative, reason: "this is not a path inside the workspace; open files from the studio's lists")
        }
        guard let top = parts.first, editableFolders.contains(String(top)) else {
            throw Refusal(path: relative, reason: "the studio edits files under sites/, shared/ and templates/ only")
        }
        let url = workspace.appendingPathComponent(relative)
        guard let root = realPath(workspace.path) else {
            throw Refusal(path: relative, reason: "the workspace folder cannot be read")
        }
        // The deepest part that exists must resolve inside the workspace (a new file's folder, or the file itself).
        var existing = url.path
        while realPath(existing) == nil, existing.count > root.count {
            existing = (existing as NSString).deletingLastPathComponent
        }
        guard let real = realPath(existing), real == root || real.hasPrefix(root + "/") else {
            throw Refusal(path: relative, reason: "this path leads outside the workspace through a link, so the studio will not touch it")
        }
        return WorkspacePath(relative: relative, url: url)
    }

    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
