import Foundation

/// Every library asset's fingerprinted URL on each site, `<output>/.showroom/assets.json`: written by the
/// build, read by the collection service (to redirect counted downloads) and the reports.
///
/// ```json
/// {"assets": {"aurora-hero": {"file": "aurora-hero.3f2a9c1b.jpg",
///                             "sites": {"aurora-ev": "https://aurora.example/assets/aurora-hero.3f2a9c1b.jpg"}}}}
/// ```
public struct AssetManifest: Sendable, Codable, Hashable {
    /// One asset as published: its fingerprinted file name and its URL on each site.
    public struct Entry: Sendable, Codable, Hashable {
        /// The fingerprinted file name (`aurora-hero.3f2a9c1b.jpg`).
        public var file: String
        /// The asset's public URL on each site that publishes it.
        public var sites: [String: String]

        /// An asset published as `file` at the URLs in `sites`.
        public init(file: String, sites: [String: String]) {
            self.file = file
            self.sites = sites
        }
    }

    /// Every published asset, by asset id.
    public var assets: [String: Entry]

    /// A manifest of `assets` (empty by default).
    public init(assets: [String: Entry] = [:]) {
        self.assets = assets
    }

    /// The URL of `asset` on `site`, if the build published it there.
    public func url(of asset: String, on site: String) -> String? {
        assets[asset]?.sites[site]
    }

    /// The manifest in `output`, or nil when there is none or it does not parse.
    public static func read(in output: URL) -> AssetManifest? {
        (try? Data(contentsOf: BuildRecordPaths.assetManifest(in: output))).flatMap { try? JSONDecoder().decode(AssetManifest.self, from: $0) }
    }

    /// The file's bytes as the build writes them: sorted keys, indented.
    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }
}
