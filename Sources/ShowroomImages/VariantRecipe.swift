import ShowroomCore

/// How a photo's variants are made: the widths, whether AVIF is written, the largest picture accepted, and the
/// encoders' settings. Its `key` names the recipe in the cache, so changing any of it makes new variants.
public struct VariantRecipe: Sendable, Hashable {
    /// Widths in pixels, ascending; a photo gets those narrower than itself, plus its own width when it is
    /// narrower than the widest.
    public var widths: [Int]
    /// Whether AVIF variants are written beside WebP and the fallback.
    public var avif: Bool
    /// The most pixels (width × height) a photo may have: larger ones are refused unread (a decompression bomb
    /// would otherwise take the build's memory).
    public var maxPixels: Int

    /// The widths Showroom makes when `showroom.yaml` names none.
    public static let defaultWidths = [480, 800, 1200, 1600, 2400]
    /// 100 megapixels: above any press camera's 24–61 MP and a medium-format back's 100 MP.
    public static let defaultMaxPixels = 100_000_000

    /// Quality of the WebP, AVIF and JPEG encoders (libvips' `Q`), and the AVIF encoder's effort (0–9).
    static let webpQuality = 78, avifQuality = 52, avifEffort = 2, jpegQuality = 80

    /// A recipe of `widths` (sorted, duplicates dropped).
    public init(widths: [Int] = VariantRecipe.defaultWidths, avif: Bool = true, maxPixels: Int = VariantRecipe.defaultMaxPixels) {
        self.widths = Array(Set(widths)).sorted()
        self.avif = avif
        self.maxPixels = maxPixels
    }

    /// The widths made for a photo `width` pixels wide: never wider than the original.
    public func widths(for width: Int) -> [Int] {
        var chosen = widths.filter { $0 < width }
        if chosen.count < widths.count || chosen.isEmpty { chosen.append(width) }
        return chosen
    }

    /// The formats made for a photo: AVIF (when on), WebP, and JPEG, or PNG when it has transparency.
    public func formats(alpha: Bool) -> [PhotoFormat] {
        (avif ? [.avif] : []) + [.webp, alpha ? .png : .jpeg]
    }

    /// Names the recipe in the cache: every setting that changes the bytes of a variant.
    public var key: String {
        let text = "v1 widths=\(widths) avif=\(avif) webp=\(Self.webpQuality) avifq=\(Self.avifQuality)/\(Self.avifEffort) jpeg=\(Self.jpegQuality)"
        return String(SHA256.hex(of: Array(text.utf8)).prefix(12))
    }
}
