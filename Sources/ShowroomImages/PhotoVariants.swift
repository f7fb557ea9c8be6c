import Foundation

/// The web sizes of one photo: every width in every format, and a placeholder colour, as kept in the build cache
/// under `<cache>/<sha256>-<recipe key>/` (`manifest.json` beside the files).
public struct PhotoVariants: Sendable, Codable, Hashable {
    /// One encoded file.
    public struct Variant: Sendable, Codable, Hashable {
        /// Pixels across.
        public var width: Int
        /// Pixels down.
        public var height: Int
        /// Its format.
        public var format: PhotoFormat
        /// The file's name inside the photo's cache folder (`800.webp`).
        public var file: String
        /// Its size in bytes.
        public var bytes: Int
    }

    /// Every file, narrowest first, formats in `<picture>` order within a width.
    public var variants: [Variant]
    /// The photo's average colour as `#rrggbb`, shown while the picture loads so the page does not flash.
    public var placeholder: String
    /// Whether the photo has transparency (its fallback is PNG).
    public var hasAlpha: Bool

    /// The formats present, best first.
    public var formats: [PhotoFormat] { Array(Set(variants.map(\.format))).sorted() }

    /// The variants in `format`, narrowest first.
    public func variants(in format: PhotoFormat) -> [Variant] { variants.filter { $0.format == format } }

    /// The fallback format (JPEG, or PNG for a photo with transparency).
    public var fallbackFormat: PhotoFormat { hasAlpha ? .png : .jpeg }
}
