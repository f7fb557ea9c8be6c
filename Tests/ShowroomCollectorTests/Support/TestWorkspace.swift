import Foundation
@testable import ShowroomCollector

/// A tiny workspace in a temporary folder: two sites and a built asset manifest, as the collector reads them.
struct TestWorkspace {
    let root: URL
    var publicFolder: URL { root.appendingPathComponent("public") }
    var databasePath: String { root.appendingPathComponent(".showroom/collector.sqlite").path }

    static let sites: [(id: String, baseURL: String)] = [
        ("aurora-ev", "https://aurora.lumen-motors.example/"),
        ("lumen", "https://www.lumen-motors.example:8443/"),
    ]

    /// The manifest the build would write: `aurora-hero` on both sites, `aurora-brochure` on aurora-ev only.
    static let manifest = """
        {"assets": {
          "aurora-hero": {"file": "aurora-hero.3f2a9c1b.jpg", "sites": {
            "aurora-ev": "https://aurora.lumen-motors.example/assets/aurora-hero.3f2a9c1b.jpg",
            "lumen": "https://www.lumen-motors.example:8443/assets/aurora-hero.3f2a9c1b.jpg"}},
          "aurora-brochure": {"file": "aurora-brochure.77aa01fe.pdf", "sites": {
            "aurora-ev": "https://aurora.lumen-motors.example/assets/aurora-brochure.77aa01fe.pdf"}}
        }}
        """

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("showroom-collector-\(UUID().uuidString)")
        for (id, baseURL) in Self.sites {
            try write("title: \(id)\nkind: product\nbaseURL: \(baseURL)\n", to: "sites/\(id)/site.yaml")
        }
        try write(Self.manifest, to: "public/.showroom/assets.json")
    }

    func write(_ text: String, to path: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    func remove() {
        try? FileManager.default.removeItem(at: root)
    }

    /// Runs `body` with this workspace and removes it afterwards.
    static func with<Result>(_ body: (TestWorkspace) async throws -> Result) async throws -> Result {
        let workspace = try TestWorkspace()
        defer { workspace.remove() }
        return try await body(workspace)
    }
}
