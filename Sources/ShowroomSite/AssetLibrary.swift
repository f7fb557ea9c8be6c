import Foundation
import ShowroomCore
import ShowroomImages
import ShowroomWorkspace

/// A catalogue asset made ready for output: its content fingerprint, output name and pixel size.
struct PreparedAsset: Sendable {
    var asset: Asset
    /// First 12 hex digits of the file's SHA-256.
    var fingerprint: String
    /// `aurora-hero.3f2a9c1b0d4e.jpg`: safe to cache for a year, because any change changes the name.
    var outputName: String
    var width: Int?
    var height: Int?
    /// The file in the content-addressed cache that site outputs hard-link to.
    var cachedFile: URL
    /// A raster photo's web sizes (nil for SVG, PDF and other files, which are served as they are).
    var photo: PreparedPhoto?

    var path: String { "/assets/\(outputName)" }
    var isImage: Bool { width != nil }
}

/// Fingerprints every catalogue file, remembering results by size and modification time so unchanged
/// files are not hashed again, and keeps one copy of each version in `.showroom/cache/files/` from which
/// every site's output is hard-linked (copied where the file system cannot link). Raster photos also get their
/// web sizes, made once per content and recipe in `.showroom/cache/variants/` (`PreparedPhoto`).
struct AssetLibrary: Sendable {
    var prepared: [String: PreparedAsset]
    /// Output name → asset id, for finding uses in rendered pages (variants' names included).
    var idsByOutputName: [String: String]
    /// How many photos had their web sizes made by this preparation (0 when the cache held them all).
    var photosMade = 0
    /// Each asset's fingerprint for the build records: what pages can show of it (its record, file and web
    /// sizes), so a page that used an asset is rendered again when the asset changes.
    var fingerprints: [String: StableHash] = [:]
    /// All the fingerprints together, for templates whose helpers name an asset only when they render.
    var wholeFingerprint = StableHash(high: 0, low: 0)

    private struct CacheEntry: Codable {
        var size: Int
        var modified: Double
        var sha256: String
        var width: Int?
        var height: Int?
    }

    static func prepare(workspace: Workspace, cacheFolder: URL) -> (AssetLibrary, [Diagnostic]) {
        let recipe = PreparedPhoto.recipe(workspace.fleet.images)
        let variantsCache = cacheFolder.appendingPathComponent("variants")
        let cacheFile = cacheFolder.appendingPathComponent("fingerprints.json")
        let filesCache = cacheFolder.appendingPathComponent("files")
        try? FileManager.default.createDirectory(at: filesCache, withIntermediateDirectories: true)
        let cache = (try? JSONDecoder().decode([String: CacheEntry].self, from: Data(contentsOf: cacheFile))) ?? [:]
        let filesRoot = workspace.root.appendingPathComponent(workspace.catalog.filesFolder)
        let assets = workspace.catalog.assets.values.sorted { $0.id < $1.id }

        let results = ConcurrentMap.map(assets) { asset -> (PreparedAsset?, CacheEntry?, Diagnostic?, Bool) in
            let source = filesRoot.appendingPathComponent(asset.file)
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: source.path),
                  let size = (attributes[.size] as? NSNumber)?.intValue,
                  let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970
            else { return (nil, nil, nil, false) }  // a missing file is reported by the catalogue
            var entry = cache[asset.file]
            if entry?.size != size || entry?.modified != modified {
                guard let data = try? Data(contentsOf: source) else {
                    return (nil, nil, .error(at: SourceLocation(file: "\(workspace.catalog.filesFolder)/\(asset.file)"), "cannot read the asset file"), false)
                }
                let size2 = ImageSize.read(data)
                entry = CacheEntry(size: size, modified: modified, sha256: SHA256.hex(of: data), width: size2?.width, height: size2?.height)
            }
            guard let entry else { return (nil, nil, nil, false) }
            let fingerprint = String(entry.sha256.prefix(12))
            let ext = (asset.file as NSString).pathExtension.lowercased()
            let outputName = ext.isEmpty ? "\(asset.id).\(fingerprint)" : "\(asset.id).\(fingerprint).\(ext)"
            let cached = filesCache.appendingPathComponent(ext.isEmpty ? entry.sha256 : "\(entry.sha256).\(ext)")
            if !FileManager.default.fileExists(atPath: cached.path) {
                let temporary = filesCache.appendingPathComponent(".\(UUID().uuidString)")
                do {
                    try FileManager.default.copyItem(at: source, to: temporary)
                    try FileManager.default.moveItem(at: temporary, to: cached)
                } catch {
                    try? FileManager.default.removeItem(at: temporary)
                    if !FileManager.default.fileExists(atPath: cached.path) {
                        return (nil, nil, .error(at: SourceLocation(file: "\(workspace.catalog.filesFolder)/\(asset.file)"),
                                                 "cannot copy the asset into the build cache: \(error.localizedDescription)"), false)
                    }
                }
            }
            var prepared = PreparedAsset(asset: asset, fingerprint: fingerprint, outputName: outputName,
                                         width: entry.width, height: entry.height, cachedFile: cached)
            var madeNow = false
            if PreparedPhoto.needsVariants(extension: ext) {
                switch PreparedPhoto.prepare(asset, source: source, sha256: entry.sha256, recipe: recipe, cache: variantsCache) {
                case .success(let (photo, made)):
                    prepared.photo = photo
                    madeNow = made
                case .failure(let problem):
                    return (nil, nil, problem, false)
                }
            }
            return (prepared, entry, nil, madeNow)
        }

        var prepared: [String: PreparedAsset] = [:]
        var newCache: [String: CacheEntry] = [:]
        var diagnostics: [Diagnostic] = []
        var photosMade = 0
        for (asset, entry, diagnostic, madeNow) in results {
            if let asset, let entry {
                prepared[asset.asset.id] = asset
                newCache[asset.asset.file] = entry
            }
            if let diagnostic { diagnostics.append(diagnostic) }
            if madeNow { photosMade += 1 }
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        if let data = try? encoder.encode(newCache) { try? data.write(to: cacheFile, options: .atomic) }
        var names: [String: String] = [:]
        for asset in prepared.values {
            names[asset.outputName] = asset.asset.id
            for variant in asset.photo?.files ?? [] { names[variant.outputName] = asset.asset.id }
        }
        var library = AssetLibrary(prepared: prepared, idsByOutputName: names, photosMade: photosMade)
        var whole = StableHasher()
        for id in prepared.keys.sorted() {
            let fingerprint = Self.fingerprint(of: prepared[id]!)
            library.fingerprints[id] = fingerprint
            whole.combine(id)
            whole.combine(fingerprint)
        }
        library.wholeFingerprint = whole.finalize()
        return (library, diagnostics)
    }

    private static func fingerprint(of prepared: PreparedAsset) -> StableHash {
        var hasher = StableHasher()
        let asset = prepared.asset
        for text in [asset.id, asset.file, asset.title, asset.kind.rawValue, asset.currency] { hasher.combine(text) }
        hasher.combine(asset.model)
        hasher.combine(asset.owner)
        hasher.combine(asset.tags.count)
        for tag in asset.tags { hasher.combine(tag) }
        hasher.combine(asset.cost.bitPattern)
        hasher.combine(asset.licenceExpiry.map { String($0.timeIntervalSince1970) })
        for locale in asset.alt.keys.sorted() {
            hasher.combine(locale)
            hasher.combine(asset.alt[locale]!)
        }
        hasher.combine(asset.downloadable)
        hasher.combine(asset.location)
        hasher.combine(prepared.outputName)
        hasher.combine(prepared.width ?? -1)
        hasher.combine(prepared.height ?? -1)
        if let photo = prepared.photo {
            hasher.combine(photo.variants.placeholder)
            hasher.combine(photo.variants.hasAlpha)
            for variant in photo.variants.variants {
                hasher.combine(variant.width)
                hasher.combine(variant.height)
                hasher.combine(variant.format.rawValue)
                hasher.combine(variant.file)
            }
            for file in photo.files { hasher.combine(file.outputName) }
        }
        return hasher.finalize()
    }

    /// Places `asset` in a site's output, with a photo's web sizes: hard links to the cached copies, or copies.
    /// Returns how many files it placed.
    @discardableResult
    func place(_ asset: PreparedAsset, in files: SiteFiles) throws -> Int {
        var placed = 0
        let variants: [(URL, String)] = (asset.photo?.files ?? []).map { ($0.cachedFile, $0.outputName) }
        let sources = [(asset.cachedFile, asset.outputName)] + variants
        for (source, name) in sources where !files.contains("assets/" + name) {
            try files.copy(source, to: "assets/" + name, hardLink: true)
            placed += 1
        }
        return placed
    }

    /// What comes before an asset's name in a page: its output file, or its counted-download address.
    static func referenceMarkers(collector: String) -> [String] { ["/assets/", "\(collector)/dl/"] }

    /// The asset ids behind the names an `HTMLRewriter` found after `referenceMarkers` in a page.
    func assetIDs(fromReferences references: [[String]]) -> Set<String> {
        var found: Set<String> = []
        for name in references.first ?? [] {
            if let id = idsByOutputName[name] { found.insert(id) }
        }
        for name in references.dropFirst().first ?? [] {
            if let id = idsByOutputName[name] {
                found.insert(id)
            } else if prepared[name] != nil {
                found.insert(name)
            }
        }
        return found
    }
}
