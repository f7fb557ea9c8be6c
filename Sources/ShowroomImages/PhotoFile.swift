import CVips
import Foundation

/// What a raster picture's header says, read without decoding its pixels.
public struct PhotoHeader: Sendable, Hashable {
    /// Pixels across and down, before any orientation tag is applied.
    public var width: Int
    /// Pixels down.
    public var height: Int
    /// Whether it has an alpha channel (its fallback is then PNG, not JPEG).
    public var hasAlpha: Bool
}

/// Raster pictures in the asset library: which files get variants, and the checks made before any pixel is decoded
/// (the format the content really is, against its name; the pixel limit).
public enum PhotoFile {
    /// Extensions of the pictures the build makes variants from.
    public static let rasterExtensions: Set<String> = ["jpg", "jpeg", "png", "webp", "avif", "tif", "tiff"]

    /// Extensions of pictures a browser cannot show or the build cannot resize: refused with a fix.
    public static let unsupportedExtensions: Set<String> = [
        "bmp", "heic", "heif", "jp2", "j2k", "jxl", "psd", "ico", "tga", "exr", "raw", "cr2", "cr3", "nef", "arw", "dng",
    ]

    /// Whether a file named `.extension` gets variants.
    public static func isRaster(extension fileExtension: String) -> Bool { rasterExtensions.contains(fileExtension.lowercased()) }

    /// The format family a file's content is in, by the libvips loader that reads it (`jpeg`, `png`, …).
    static func family(ofLoader loader: String) -> String? {
        let name = loader.lowercased()
        for family in ["jpeg", "png", "webp", "heif", "tiff", "gif", "svg", "pdf", "jp2k", "jxl", "magick"] where name.contains(family) {
            return family
        }
        return nil
    }

    /// The family a file's extension promises.
    static func family(ofExtension fileExtension: String) -> String {
        switch fileExtension.lowercased() {
        case "jpg", "jpeg": return "jpeg"
        case "tif", "tiff": return "tiff"
        case "avif", "heic", "heif": return "heif"
        case let other: return other
        }
    }

    /// What to call a content family in a message, and the extension it should have.
    static func displayName(of family: String) -> String {
        ["jpeg": "JPEG", "png": "PNG", "webp": "WebP", "heif": "AVIF/HEIF", "tiff": "TIFF", "gif": "GIF", "svg": "SVG",
         "pdf": "PDF", "jp2k": "JPEG 2000", "jxl": "JPEG XL"][family] ?? family.uppercased()
    }

    static func preferredExtension(of displayName: String) -> String {
        ["JPEG": "jpg", "PNG": "png", "WebP": "webp", "AVIF/HEIF": "avif", "TIFF": "tif", "GIF": "gif", "SVG": "svg",
         "PDF": "pdf", "JPEG 2000": "jp2", "JPEG XL": "jxl"][displayName] ?? displayName.lowercased()
    }

    /// Checks the picture at `path` by its header: the format its content is in must be the one its name says,
    /// and its size within `maxPixels`. Nothing is decoded yet.
    public static func inspect(_ path: String, maxPixels: Int) -> Result<PhotoHeader, PhotoProblem> {
        let fileExtension = (path as NSString).pathExtension.lowercased()
        if unsupportedExtensions.contains(fileExtension) { return .failure(.unsupported(format: fileExtension)) }
        guard Vips.started else { return .failure(.cannotWrite(reason: "libvips could not start")) }
        guard let loader = showroom_vips_loader(path).map({ String(cString: $0) }), let family = family(ofLoader: loader),
              family != "magick"
        else { return .failure(.unreadable) }
        guard family == self.family(ofExtension: fileExtension) else {
            return .failure(.typeMismatch(content: displayName(of: family), fileExtension: fileExtension))
        }
        guard let image = showroom_vips_open_header(path) else { return .failure(.corrupt(reason: Vips.takeError())) }
        defer { showroom_vips_release(image) }
        let header = PhotoHeader(width: Int(vips_image_get_width(image)), height: Int(vips_image_get_height(image)),
                                 hasAlpha: vips_image_hasalpha(image) != 0)
        guard header.width * header.height <= maxPixels else {
            return .failure(.tooManyPixels(width: header.width, height: header.height, limit: maxPixels))
        }
        return .success(header)
    }
}
