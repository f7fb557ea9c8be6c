/// A format Showroom writes photo variants in: AVIF and WebP for browsers that take them, JPEG (or PNG for
/// pictures with transparency) for every other.
public enum PhotoFormat: String, Sendable, Codable, CaseIterable, Comparable {
    case avif, webp, jpeg, png

    /// The variant files' extension.
    public var fileExtension: String { self == .jpeg ? "jpg" : rawValue }

    /// The type a `<source type="…">` names.
    public var mimeType: String { "image/\(rawValue)" }

    /// Whether it is the `<img>` fallback every browser shows (JPEG or PNG), not a `<source>`.
    public var isFallback: Bool { self == .jpeg || self == .png }

    /// AVIF, WebP, then the fallback: the order `<picture>` lists its sources in, best first.
    public static func < (lhs: PhotoFormat, rhs: PhotoFormat) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
