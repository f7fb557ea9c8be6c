import Foundation
import ShowroomCore
import ShowroomImages
import ShowroomWorkspace

/// A raster photo's web sizes made ready for output: each variant's fingerprinted name and cached file, and what
/// the asset object offers templates (`srcset` per format, `src`, `placeholder`).
struct PreparedPhoto: Sendable {
    /// One variant file.
    struct File: Sendable {
        var width: Int
        var format: PhotoFormat
        /// `aurora-hero.5c2e91d0a7b3.800.webp`: the fingerprint covers the photo and the recipe, so a new recipe
        /// gives new names and long-cached old ones are never served for it.
        var outputName: String
        var cachedFile: URL
    }

    var variants: PhotoVariants
    /// Every variant, narrowest first.
    var files: [File]

    /// The recipe `showroom.yaml`'s `images:` settings describe.
    static func recipe(_ settings: ImageSettings) -> VariantRecipe {
        VariantRecipe(widths: settings.widths, avif: settings.avif, maxPixels: settings.maxMegapixels * 1_000_000)
    }

    /// Whether a file named `.extension` goes through the photo checks (rasters, and pictures that cannot be
    /// used as they are).
    static func needsVariants(extension fileExtension: String) -> Bool {
        PhotoFile.isRaster(extension: fileExtension) || PhotoFile.unsupportedExtensions.contains(fileExtension)
    }

    /// The variants of `asset`'s file `source` (content SHA-256 `sha256`), made or read from `cache`; a problem is
    /// an error at the asset's record in assets/catalog.yaml. `madeNow` says whether image work was done.
    static func prepare(_ asset: Asset, source: URL, sha256: String, recipe: VariantRecipe, cache: URL)
        -> Result<(photo: PreparedPhoto, madeNow: Bool), Diagnostic>
    {
        switch PhotoVariants.make(source: source, sha256: sha256, recipe: recipe, cache: cache) {
        case .failure(let problem):
            return .failure(.error(at: asset.location, "asset `\(asset.id)` (assets/files/\(asset.file)): \(problem.message)",
                                   hint: problem.fix))
        case .success(let (variants, madeNow)):
            let folder = PhotoVariants.folder(sha256: sha256, recipe: recipe, in: cache)
            let fingerprint = String(SHA256.hex(of: Array("\(sha256) \(recipe.key)".utf8)).prefix(12))
            let files = variants.variants.map { variant in
                File(width: variant.width, format: variant.format,
                     outputName: "\(asset.id).\(fingerprint).\(variant.width).\(variant.format.fileExtension)",
                     cachedFile: folder.appendingPathComponent(variant.file))
            }
            return .success((PreparedPhoto(variants: variants, files: files), madeNow))
        }
    }

    /// `srcset` text for `format`: `/assets/x.800.webp 800w, …`.
    func srcset(_ format: PhotoFormat) -> String {
        files.filter { $0.format == format }.map { "/assets/\($0.outputName) \($0.width)w" }.joined(separator: ", ")
    }

    /// The fallback picture for `<img src>` (browsers without `srcset`): the widest fallback variant up to 1,200
    /// pixels, else the narrowest.
    var src: String {
        let fallbacks = files.filter { $0.format.isFallback }
        let chosen = fallbacks.last { $0.width <= 1200 } ?? fallbacks.first
        return chosen.map { "/assets/\($0.outputName)" } ?? ""
    }
}
