import Foundation

/// The repository's own workspace, the example fleet (`sites/`, `templates/`, `shared/`, `assets/`), for tests that
/// build the real sites.
public enum ExampleFleet {
    /// The repository's root folder, where the example fleet is.
    public static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// Copies the example fleet, with all its sites or only `sites`, and its `showroom.yaml`, to `destination` (a
    /// new temporary folder when nil), for tests that change it; returns the copy's root.
    @discardableResult
    public static func copy(sites: [String]? = nil, to destination: URL? = nil) throws -> URL {
        let root = destination ?? TemporaryFolder.unusedURL("showroom-fleet")
        let manager = FileManager.default
        try manager.createDirectory(at: root.appendingPathComponent("sites"), withIntermediateDirectories: true)
        for folder in ["templates", "shared", "assets"] {
            try manager.copyItem(at: repository.appendingPathComponent(folder), to: root.appendingPathComponent(folder))
        }
        let siteIDs = try sites ?? manager.contentsOfDirectory(atPath: repository.appendingPathComponent("sites").path)
        for site in siteIDs {
            try manager.copyItem(at: repository.appendingPathComponent("sites/\(site)"), to: root.appendingPathComponent("sites/\(site)"))
        }
        try shareVariantCache(in: root)
        let settings = repository.appendingPathComponent("showroom.yaml")
        if manager.fileExists(atPath: settings.path) {
            try manager.copyItem(at: settings, to: root.appendingPathComponent("showroom.yaml"))
        }
        return root
    }

    /// Where every copy's photo variants are kept: made once per machine and recipe, not once per test.
    public static let variantCache = FileManager.default.temporaryDirectory.appendingPathComponent("showroom-test-photo-variants")

    /// Links the copy's `.showroom/cache/variants` to `variantCache`, so the fleet's photos are resized once for all
    /// tests (the build writes each photo's folder whole, so copies building at once share it safely).
    private static func shareVariantCache(in root: URL) throws {
        let cache = root.appendingPathComponent(".showroom/cache")
        try FileManager.default.createDirectory(at: cache, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: variantCache, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: cache.appendingPathComponent("variants"), withDestinationURL: variantCache)
    }
}
