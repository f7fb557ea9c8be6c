import Foundation
import ShowroomCore

/// What a release changes against the one live before it, by content hash (SHA-256): the files a
/// deployment needs to upload and the ones it may delete.
public struct ReleaseDiff: Sendable, Equatable {
    /// Files new in the release, by path relative to the site.
    public var added: [String]
    /// Files whose content changed.
    public var changed: [String]
    /// Files the release no longer has.
    public var removed: [String]
    /// How many files stayed the same.
    public var unchanged: Int

    /// A diff with the given lists.
    public init(added: [String], changed: [String], removed: [String], unchanged: Int) {
        self.added = added
        self.changed = changed
        self.removed = removed
        self.unchanged = unchanged
    }

    /// Whether the release changes nothing.
    public var isEmpty: Bool { added.isEmpty && changed.isEmpty && removed.isEmpty }

    /// Compares every regular file under `new` with the one at the same path under `old` (nil: nothing live).
    static func between(old: URL?, new: URL) throws -> ReleaseDiff {
        let newFiles = try FileTree.files(under: new)
        let oldFiles = try old.map { try FileTree.files(under: $0) } ?? []
        let oldSet = Set(oldFiles)
        var diff = ReleaseDiff(added: [], changed: [], removed: [], unchanged: 0)
        for path in newFiles {
            guard let old, oldSet.contains(path) else {
                diff.added.append(path)
                continue
            }
            if try FileTree.sameContent(old.appendingPathComponent(path), new.appendingPathComponent(path)) {
                diff.unchanged += 1
            } else {
                diff.changed.append(path)
            }
        }
        diff.removed = oldSet.subtracting(newFiles).sorted()
        return diff
    }

    /// `+ path`, `~ path`, `- path` lines and a count line.
    public var lines: [String] {
        added.map { "+ \($0)" } + changed.map { "~ \($0)" } + removed.map { "- \($0)" }
            + ["\(added.count) added, \(changed.count) changed, \(removed.count) removed, \(unchanged) unchanged"]
    }
}

/// Reading the file trees of releases.
enum FileTree {
    /// Every regular file under `folder`, relative to it, sorted.
    static func files(under folder: URL) throws -> [String] {
        let root = folder.resolvingSymlinksInPath().standardizedFileURL
        guard let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey]) else {
            throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: folder.path])
        }
        let prefix = root.path + "/"
        var files: [String] = []
        while let url = enumerator.nextObject() as? URL {
            guard try url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true else { continue }
            let path = url.standardizedFileURL.path
            if path.hasPrefix(prefix) { files.append(String(path.dropFirst(prefix.count))) }
        }
        return files.sorted()
    }

    /// Whether two files hold the same bytes: sizes first, SHA-256 digests when the sizes agree.
    static func sameContent(_ a: URL, _ b: URL) throws -> Bool {
        let sizeA = try FileManager.default.attributesOfItem(atPath: a.path)[.size] as? Int
        let sizeB = try FileManager.default.attributesOfItem(atPath: b.path)[.size] as? Int
        guard sizeA == sizeB else { return false }
        return try SHA256.hex(of: Data(contentsOf: a)) == SHA256.hex(of: Data(contentsOf: b))
    }
}
