import CVips
import ShowroomImages
import Foundation

/// Photos made on the spot for tests, with libvips: noise of a given size as JPEG or PNG, and a JPEG that carries
/// a GPS position and a camera serial in its EXIF block.
public enum TestPhotos {
    /// The camera serial `jpegWithGPS` writes into EXIF, to look for in the output.
    public static let cameraSerial = "SN-GPS-4417-CAMERA"

    /// A `width` × `height` JPEG of grey noise.
    public static func jpeg(width: Int, height: Int) -> [UInt8] { encode(width: width, height: height, suffix: ".jpg[Q=85]") }

    /// A `width` × `height` PNG of grey noise with a fully opaque alpha channel when `alpha`.
    public static func png(width: Int, height: Int, alpha: Bool = false) -> [UInt8] {
        encode(width: width, height: height, suffix: ".png", alpha: alpha)
    }

    /// A JPEG whose EXIF block holds a GPS latitude (31° 14′ N, Shanghai) and `cameraSerial` as the camera make.
    public static func jpegWithGPS(width: Int = 640, height: Int = 360) -> [UInt8] {
        let plain = jpeg(width: width, height: height)
        let tiff = exifBlock()
        let length = 2 + 6 + tiff.count
        let app1: [UInt8] = [0xFF, 0xE1, UInt8(length >> 8), UInt8(length & 0xFF)] + Array("Exif".utf8) + [0, 0] + tiff
        return Array(plain.prefix(2)) + app1 + Array(plain.dropFirst(2))
    }

    /// Whether the picture at `path` carries the metadata field `name` (`exif-ifd3-GPSLatitude`, `exif-data`, …).
    public static func has(_ name: String, in path: String) -> Bool {
        precondition(Vips.started, "libvips did not start")
        return showroom_vips_file_has_field(path, name) != 0
    }

    /// A little-endian TIFF structure: IFD0 with Make and a pointer to a GPS IFD holding GPSLatitudeRef and GPSLatitude.
    private static func exifBlock() -> [UInt8] {
        func short(_ value: Int) -> [UInt8] { [UInt8(value & 0xFF), UInt8(value >> 8 & 0xFF)] }
        func long(_ value: Int) -> [UInt8] { short(value & 0xFFFF) + short(value >> 16) }
        func entry(_ tag: Int, _ type: Int, _ count: Int, _ value: [UInt8]) -> [UInt8] {
            short(tag) + short(type) + long(count) + value + [UInt8](repeating: 0, count: 4 - value.count)
        }
        let make = Array(cameraSerial.utf8) + [0]
        let makeOffset = 8 + 2 + 2 * 12 + 4
        let gpsOffset = (makeOffset + make.count + 1) & ~1
        let latitudeOffset = gpsOffset + 2 + 2 * 12 + 4
        var bytes: [UInt8] = Array("II".utf8) + short(42) + long(8)
        bytes += short(2) + entry(0x010F, 2, make.count, long(makeOffset)) + entry(0x8825, 4, 1, long(gpsOffset)) + long(0)
        bytes += make
        while bytes.count < gpsOffset { bytes.append(0) }
        bytes += short(2) + entry(0x0001, 2, 2, Array("N".utf8) + [0]) + entry(0x0002, 5, 3, long(latitudeOffset)) + long(0)
        bytes += long(31) + long(1) + long(14) + long(1) + long(0) + long(1)
        return bytes
    }

    private static func encode(width: Int, height: Int, suffix: String, alpha: Bool = false) -> [UInt8] {
        precondition(Vips.started, "libvips did not start")
        guard var image = showroom_vips_noise(Int32(width), Int32(height)) else { fatalError("libvips could not make noise") }
        if alpha {
            var withAlpha: UnsafeMutablePointer<VipsImage>?
            precondition(showroom_vips_add_alpha(image, &withAlpha) == 0, "libvips could not add alpha")
            showroom_vips_release(image)
            image = withAlpha!
        }
        defer { showroom_vips_release(image) }
        var bytes: UnsafeMutableRawPointer?
        var length = 0
        precondition(showroom_vips_save_by_suffix(image, suffix, &bytes, &length) == 0, "libvips could not encode \(suffix)")
        defer { g_free(bytes) }
        return Array(UnsafeRawBufferPointer(start: bytes, count: length))
    }
}
