import Foundation
import ShowroomCore
import ShowroomSite

/// A copy of a fixture workspace in a temporary folder, so a test can change files and build it.
struct FixtureWorkspace {
    let root: URL

    /// The moment the fixtures are built at: after the fixture's publish dates, before its expiries.
    static let now = Date(timeIntervalSince1970: 1_780_000_000)  // 2026-05-28

    init(_ name: String = "basic") throws {
        guard let source = Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures") else {
            throw CocoaError(.fileNoSuchFile)
        }
        root = FileManager.default.temporaryDirectory.appendingPathComponent("showroom-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: source, to: root)
    }

    func write(_ path: String, _ text: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func writeBytes(_ path: String, _ bytes: [UInt8]) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
    }

    func remove(_ path: String) throws {
        try FileManager.default.removeItem(at: root.appendingPathComponent(path))
    }

    func build(sites: [String] = [], drafts: Bool = false, now: Date = FixtureWorkspace.now) -> BuildReport {
        FleetBuilder.build(BuildOptions(workspace: root, sites: sites, includeDrafts: drafts, now: now))
    }

    func output(_ path: String) -> String? {
        try? String(contentsOf: root.appendingPathComponent("public/\(path)"), encoding: .utf8)
    }

    func exists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: root.appendingPathComponent("public/\(path)").path)
    }

    /// Every file under `public/<site>` with its bytes, for comparing two builds.
    func snapshot(_ site: String) throws -> [String: Data] {
        let folder = root.appendingPathComponent("public/\(site)")
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
        while let url = enumerator?.nextObject() as? URL {
            if let data = try? Data(contentsOf: url), !url.hasDirectoryPath {
                files[url.path.replacingOccurrences(of: folder.path, with: "")] = data
            }
        }
        return files
    }
}

extension BuildReport {
    /// The first error whose message contains `text`.
    func error(containing text: String) -> Diagnostic? {
        allDiagnostics.errors.first { $0.message.contains(text) }
    }
}
