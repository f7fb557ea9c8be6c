import Foundation
import ShowroomCore
import ShowroomSite

/// A copy of a fixture workspace under `Fixtures/` in a temporary folder, so a test can change files, build,
/// check and publish it without touching the fixture.
public struct FixtureWorkspace: Sendable {
    /// The copy's root folder (where `showroom.yaml` and `sites/` are).
    public let root: URL

    /// The moment the fixtures are built at: after the fixture's publish dates, before its expiries.
    public static let now = Date(timeIntervalSince1970: 1_780_000_000)  // 2026-05-28

    /// Copies the fixture workspace `Fixtures/<name>`: `basic` (three sites, shared content, data, templates and
    /// assets), `new-site` (a workspace to scaffold sites into) or `asset-library` (a commented catalogue and files to
    /// add with `assets add`).
    public init(_ name: String = "basic") throws {
        root = try TemporaryFolder("showroom", copying: Fixture.url(name)).url
    }

    /// A workspace already in `root` (a copy of the example fleet, say), with the same helpers.
    public init(root: URL) {
        self.root = root
    }

    /// Writes `text` to `path` (relative to the root), creating the folders on the way.
    public func write(_ path: String, _ text: String) throws {
        try writeBytes(path, Array(text.utf8))
    }

    /// Writes `bytes` to `path` (relative to the root) as they are, for files that are not UTF-8 text.
    public func writeBytes(_ path: String, _ bytes: [UInt8]) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
    }

    /// The text of `path` (relative to the root).
    public func read(_ path: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }

    /// Removes the file or folder `path` (relative to the root).
    public func remove(_ path: String) throws {
        try FileManager.default.removeItem(at: root.appendingPathComponent(path))
    }

    /// Removes the whole copy.
    public func remove() {
        try? FileManager.default.removeItem(at: root)
    }

    /// Builds the workspace (all sites, or `sites`) into its `public/` folder at the fixture's moment.
    public func build(sites: [String] = [], drafts: Bool = false, now: Date = FixtureWorkspace.now) -> BuildReport {
        FleetBuilder.build(BuildOptions(workspace: root, sites: sites, includeDrafts: drafts, now: now))
    }

    /// The text of a built file, `path` relative to `public/` (`aurora/index.html`); nil when there is none.
    public func output(_ path: String) -> String? {
        try? String(contentsOf: root.appendingPathComponent("public/\(path)"), encoding: .utf8)
    }

    /// Whether the build wrote `path` (relative to `public/`).
    public func exists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: root.appendingPathComponent("public/\(path)").path)
    }

    /// Every file under `public/<site>` with its bytes, for comparing two builds.
    public func snapshot(_ site: String) throws -> [String: Data] {
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

    /// Runs `git` in the workspace (with a test identity, unsigned) and returns its standard output; throws when
    /// git fails.
    @discardableResult
    public func git(_ arguments: String...) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-c", "user.name=Showroom Tests", "-c", "user.email=tests@example.test",
                             "-c", "commit.gpgsign=false"] + arguments
        process.currentDirectoryURL = root
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw CocoaError(.executableLoad) }
        return String(decoding: data, as: UTF8.self)
    }
}

/// The files under this target's `Fixtures/` folder.
public enum Fixture {
    /// The URL of `path` inside `Fixtures/` (`basic`, `front-matter/offer-toml.md`); throws when there is none.
    public static func url(_ path: String) throws -> URL {
        guard let folder = Bundle.module.url(forResource: "Fixtures", withExtension: nil) else {
            throw CocoaError(.fileNoSuchFile)
        }
        let url = folder.appendingPathComponent(path)
        guard FileManager.default.fileExists(atPath: url.path) else { throw CocoaError(.fileNoSuchFile) }
        return url
    }

    /// The text of the file `path` inside `Fixtures/`.
    public static func text(_ path: String) throws -> String {
        try String(contentsOf: url(path), encoding: .utf8)
    }
}

extension BuildReport {
    /// The first error whose message contains `text`.
    public func error(containing text: String) -> Diagnostic? {
        allDiagnostics.errors.first { $0.message.contains(text) }
    }
}
