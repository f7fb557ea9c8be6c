import CVips
import Foundation

extension PhotoVariants {
    /// The cache folder of the photo whose content has SHA-256 `sha256`, made by `recipe`.
    public static func folder(sha256: String, recipe: VariantRecipe, in cache: URL) -> URL {
        cache.appendingPathComponent("\(sha256)-\(recipe.key)")
    }

    /// The variants of the photo at `source` (content SHA-256 `sha256`): read from `cache` when an earlier build
    /// made them, else checked, decoded (shrinking while loading), converted to sRGB, stripped of every metadata
    /// field (EXIF positions, camera serials and copyright alike) and encoded, then kept in `cache`. `madeNow` says
    /// whether any image work was done. A photo's folder appears whole or not at all.
    public static func make(source: URL, sha256: String, recipe: VariantRecipe, cache: URL)
        -> Result<(variants: PhotoVariants, madeNow: Bool), PhotoProblem>
    {
        let folder = folder(sha256: sha256, recipe: recipe, in: cache)
        let manifest = folder.appendingPathComponent("manifest.json")
        if let data = try? Data(contentsOf: manifest), let cached = try? JSONDecoder().decode(PhotoVariants.self, from: data) {
            return .success((cached, false))
        }
        let header: PhotoHeader
        switch PhotoFile.inspect(source.path, maxPixels: recipe.maxPixels) {
        case .success(let found): header = found
        case .failure(let problem): return .failure(problem)
        }
        let staging = cache.appendingPathComponent(".\(sha256)-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: staging) }
        do {
            try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
        } catch {
            return .failure(.cannotWrite(reason: error.localizedDescription))
        }
        var variants: [Variant] = []
        var placeholder = "#808080"
        for width in recipe.widths(for: header.width) {
            switch encode(source.path, width: width, formats: recipe.formats(alpha: header.hasAlpha), into: staging,
                          takeColour: variants.isEmpty) {
            case .success(let made):
                variants += made.variants
                if let colour = made.colour { placeholder = colour }
            case .failure(let problem):
                return .failure(problem)
            }
        }
        let result = PhotoVariants(variants: variants, placeholder: placeholder, hasAlpha: header.hasAlpha)
        do {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            try encoder.encode(result).write(to: staging.appendingPathComponent("manifest.json"))
            try FileManager.default.moveItem(at: staging, to: folder)
        } catch {
            // Another build (or site) made the same folder meanwhile: theirs is as good as this one.
            if !FileManager.default.fileExists(atPath: manifest.path) { return .failure(.cannotWrite(reason: error.localizedDescription)) }
        }
        return .success((result, true))
    }

    /// One width of the photo in each of `formats`, written into `folder`; with its average colour when `takeColour`.
    private static func encode(_ path: String, width: Int, formats: [PhotoFormat], into folder: URL, takeColour: Bool)
        -> Result<(variants: [Variant], colour: String?), PhotoProblem>
    {
        var image: UnsafeMutablePointer<VipsImage>?
        guard showroom_vips_thumbnail(path, Int32(width), &image) == 0, let image else {
            return .failure(.corrupt(reason: Vips.takeError()))
        }
        defer { showroom_vips_release(image) }
        let size = (width: Int(vips_image_get_width(image)), height: Int(vips_image_get_height(image)))
        var made: [Variant] = []
        for format in formats {
            var bytes: UnsafeMutableRawPointer?
            var length = 0
            let failed: Int32
            switch format {
            case .avif: failed = showroom_vips_save_avif(image, Int32(VariantRecipe.avifQuality), Int32(VariantRecipe.avifEffort), &bytes, &length)
            case .webp: failed = showroom_vips_save_webp(image, Int32(VariantRecipe.webpQuality), &bytes, &length)
            case .jpeg: failed = showroom_vips_save_jpeg(image, Int32(VariantRecipe.jpegQuality), &bytes, &length)
            case .png: failed = showroom_vips_save_png(image, &bytes, &length)
            }
            guard failed == 0, let bytes else {
                // A truncated file decodes lazily: the first save is where its end is found missing.
                return .failure(.corrupt(reason: Vips.takeError()))
            }
            let encoded = Data(bytes: bytes, count: length)
            g_free(bytes)
            let data = format == .webp ? WebPMetadata.removing(from: encoded) : encoded
            let name = "\(size.width).\(format.fileExtension)"
            do {
                try data.write(to: folder.appendingPathComponent(name))
            } catch {
                return .failure(.cannotWrite(reason: error.localizedDescription))
            }
            made.append(Variant(width: size.width, height: size.height, format: format, file: name, bytes: data.count))
        }
        var colour: String?
        if takeColour {
            var red = 0.0, green = 0.0, blue = 0.0
            if showroom_vips_mean_colour(image, &red, &green, &blue) == 0 {
                colour = "#" + [red, green, blue].map { String(format: "%02x", min(255, max(0, Int($0.rounded())))) }.joined()
            }
        }
        return .success((made, colour))
    }
}
