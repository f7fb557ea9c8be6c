import Foundation
import ShowroomCore

/// What a release holds, file by file: each regular file's path, size and SHA-256.
///
/// Publish takes the manifest of the built site before it copies it and checks the copy against it before
/// `current` moves, so a release with a missing, cut-short or changed file never goes live. It then writes
/// the manifest beside the release (`releases/<name>.manifest.json`, outside the document root): that file
/// marks the folder as one publish made, the only kind it prunes or rolls back to, and rollback checks the
/// release against it again.
struct ReleaseManifest: Codable, Sendable, Equatable {
    struct Entry: Codable, Sendable, Equatable {
        var path: String
        var size: Int
        var sha256: String
    }

    /// Tells whoever finds the file beside a release what it is.
    var madeBy = "showroom publish: the folder of the same name is a release it made, holding exactly these files"
    /// Sorted by path.
    var files: [Entry]

    init(files: [Entry]) { self.files = files }

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

extension ReleaseManifest {
    func write(to file: URL) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        try encoder.encode(self).write(to: file, options: .atomic)
    }

    static func read(from file: URL) throws -> ReleaseManifest {
        try JSONDecoder().decode(ReleaseManifest.self, from: Data(contentsOf: file))
    }
}
