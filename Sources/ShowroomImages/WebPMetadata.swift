import Foundation

/// Debian's libvips 8.14 writes an `EXIF` chunk into WebP files even when asked to strip metadata (a small block of
/// its own: resolution, colour space, pixel size). The chunk and any `XMP ` or `ICCP` chunk are cut from the RIFF
/// container here, and the VP8X header's flags for them cleared, so a variant carries pixels only.
enum WebPMetadata {
    /// `webp` without its `EXIF`, `XMP ` and `ICCP` chunks; unchanged when it is not a RIFF/WebP container.
    static func removing(from webp: Data) -> Data {
        let bytes = [UInt8](webp)
        guard bytes.count >= 12, bytes[0..<4] == [0x52, 0x49, 0x46, 0x46][...], bytes[8..<12] == [0x57, 0x45, 0x42, 0x50][...]
        else { return webp }
        var chunks: [[UInt8]] = []
        var index = 12
        while index + 8 <= bytes.count {
            let length = Int(bytes[index + 4]) | Int(bytes[index + 5]) << 8 | Int(bytes[index + 6]) << 16 | Int(bytes[index + 7]) << 24
            let end = index + 8 + length + (length & 1)
            guard end <= bytes.count else { return webp }
            let name = String(decoding: bytes[index..<(index + 4)], as: UTF8.self)
            if !["EXIF", "XMP ", "ICCP"].contains(name) {
                var chunk = Array(bytes[index..<end])
                // VP8X flags: ICC profile (bit 5), EXIF (bit 3), XMP (bit 2).
                if name == "VP8X", chunk.count > 8 { chunk[8] &= ~UInt8(0b0010_1100) }
                chunks.append(chunk)
            }
            index = end
        }
        let body = chunks.flatMap { $0 }
        let size = 4 + body.count
        let header: [UInt8] = Array("RIFF".utf8) + [UInt8(size & 0xFF), UInt8(size >> 8 & 0xFF), UInt8(size >> 16 & 0xFF), UInt8(size >> 24 & 0xFF)]
            + Array("WEBP".utf8)
        return Data(header + body)
    }
}
