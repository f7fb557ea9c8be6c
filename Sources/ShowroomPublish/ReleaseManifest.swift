import Foundation
import ShowroomCore

/// What a release holds, file by file: each regular file's path, size and SHA-256.
///
/// Publish takes the manifest of the built site before it copies it and checks the copy against it before
/// `current` moves, so a release with a missing, cut-short or changed file never goes live.
struct ReleaseManifest: Sendable, Equatable {
    struct Entry: Sendable, Equatable {
        var path: String
        var size: Int
        var sha256: String
    }

    /// Sorted by path.
    var files: [Entry]

    /// The manifest of the regular files under `folder`.
    static func of(_ folder: URL) throws -> ReleaseManifest {
        let root = folder.resolvingSymlinksInPath()
        return ReleaseManifest(files: try FileTree.files(under: root).map { path in
            let bytes = try Data(contentsOf: root.appendingPathComponent(path))
            return Entry(path: path, size: bytes.count, sha256: SHA256.hex(of: bytes))
        })
    }

    /// How the files under `folder` differ from this manifest, one plain line each; empty when they match.
    func differences(in folder: URL) throws -> [String] {
        let found = Dictionary(uniqueKeysWithValues: try ReleaseManifest.of(folder).files.map { ($0.path, $0) })
        var differences: [String] = []
        for entry in files {
            guard let copy = found[entry.path] else {
                differences.append("\(entry.path) is missing")
                continue
            }
            if copy.size != entry.size {
                differences.append("\(entry.path) has \(copy.size) bytes instead of \(entry.size)")
            } else if copy.sha256 != entry.sha256 {
                differences.append("\(entry.path) has different content")
            }
        }
        let expected = Set(files.map(\.path))
        differences += found.keys.filter { !expected.contains($0) }.sorted().map { "\($0) should not be there" }
        return differences
    }
}
