import Foundation

/// The build's record of every library asset's fingerprinted URL on each site: `public/.showroom/assets.json`.
///
/// ```json
/// {"assets": {"aurora-hero": {"file": "aurora-hero.3f2a9c1b.jpg",
///                             "sites": {"aurora-ev": "https://aurora.example/assets/aurora-hero.3f2a9c1b.jpg"}}}}
/// ```
public struct AssetManifest: Sendable, Decodable, Hashable {
    public struct Entry: Sendable, Decodable, Hashable {
        public var file: String
        /// The asset's public URL on each site that publishes it.
        public var sites: [String: String]
    }

    public var assets: [String: Entry]

    public init(assets: [String: Entry] = [:]) {
        self.assets = assets
    }

    /// Where the build writes the manifest inside its output folder.
    public static let relativePath = ".showroom/assets.json"

    /// The URL of `asset` on `site`, if the build published it there.
    public func url(of asset: String, on site: String) -> String? {
        assets[asset]?.sites[site]
    }
}

/// Keeps the manifest current while the service runs: re-reads the file when its modification time or size
/// changes, so a rebuild is picked up without a restart. Checks at most once a second.
public final class AssetManifestFile: Sendable {
    public let url: URL
    private let state: Locked<State>

    private struct State {
        var manifest = AssetManifest()
        var stamp: FileStamp?
        var checkedAt = Date.distantPast
    }

    private struct FileStamp: Equatable {
        var modified: Date
        var size: Int
    }

    public init(publicFolder: URL) {
        url = publicFolder.appendingPathComponent(AssetManifest.relativePath)
        state = Locked(State())
    }

    /// The manifest as of the last change on disk (empty while there is none, or while it does not parse).
    public func current(now: Date = Date()) -> AssetManifest {
        state.withLock { state in
            guard now.timeIntervalSince(state.checkedAt) >= 1 else { return state.manifest }
            state.checkedAt = now
            let attributes = try? FileManager.default.attributesOfItem(atPath: url.path)
            let stamp = attributes.map {
                FileStamp(modified: $0[.modificationDate] as? Date ?? .distantPast, size: ($0[.size] as? NSNumber)?.intValue ?? 0)
            }
            guard stamp != state.stamp else { return state.manifest }
            if let data = try? Data(contentsOf: url), let manifest = try? JSONDecoder().decode(AssetManifest.self, from: data) {
                state.manifest = manifest
                state.stamp = stamp
            } else if stamp == nil {
                state.manifest = AssetManifest()
                state.stamp = nil
            }
            return state.manifest
        }
    }

    /// Forces the next `current()` to look at the file again (after a miss, a rebuild may have added the asset).
    public func expire() {
        state.withLock { $0.checkedAt = .distantPast }
    }
}
