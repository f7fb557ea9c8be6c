import Foundation
import ShowroomSite

/// A copy of a fixture workspace in a temporary folder, so a test can change files, build and check it.
struct FixtureWorkspace {
    let root: URL

    /// The moment the fixtures are built at: after the fixture's publish dates, before its expiries.
    static let now = Date(timeIntervalSince1970: 1_780_000_000)  // 2026-05-28

    init(_ name: String = "basic") throws {
        guard let source = Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures") else {
            throw CocoaError(.fileNoSuchFile)
        }
        root = FileManager.default.temporaryDirectory.appendingPathComponent("showroom-preview-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: source, to: root)
    }

    func write(_ path: String, _ text: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func read(_ path: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }

    func build(sites: [String] = []) -> BuildReport {
        FleetBuilder.build(BuildOptions(workspace: root, sites: sites, now: FixtureWorkspace.now))
    }

    /// Runs `git` in the workspace and returns its standard output.
    @discardableResult
    func git(_ arguments: String...) throws -> String {
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

    func remove() {
        try? FileManager.default.removeItem(at: root)
    }
}
