import ShowroomCore

/// How the build makes photos' web sizes: `images:` in `showroom.yaml` (every value has a default).
///
/// ```yaml
/// images:
///   widths: [480, 800, 1200, 1600, 2400]
///   avif: true
///   maxMegapixels: 100
/// ```
public struct ImageSettings: Sendable, Hashable {
    /// The widths in pixels each photo is made in (never wider than the photo itself).
    public var widths: [Int] = [480, 800, 1200, 1600, 2400]
    /// Whether AVIF variants are made beside WebP and the JPEG/PNG fallback.
    public var avif = true
    /// The largest picture accepted, in megapixels: larger ones are a build error (a decompression bomb or a
    /// scan far larger than any page needs).
    public var maxMegapixels = 100

    /// The settings of a `showroom.yaml` without `images:`.
    public static let `default` = ImageSettings()

    /// The settings written in `node` (the `images:` mapping), defaults for what it leaves out, and every problem.
    static func read(_ node: YAMLNode) -> (ImageSettings, [Diagnostic]) {
        var reader = FieldReader(node, what: "`images` in showroom.yaml")
        var settings = ImageSettings.default
        if let list = reader.field("widths") {
            var widths: [Int] = []
            for item in list.items ?? [list] {
                if let text = item.scalarText, let width = Int(text), (16...8192).contains(width) {
                    widths.append(width)
                } else {
                    reader.report(.error(at: item.location, "`widths` lists picture widths in pixels from 16 to 8192, found `\(item.scalarText ?? item.kindName)`",
                                         hint: "write the widths as whole numbers, e.g. `widths: [480, 800, 1200, 1600, 2400]`"))
                }
            }
            if !widths.isEmpty { settings.widths = Array(Set(widths)).sorted() }
        }
        if let avif = reader.bool("avif") { settings.avif = avif }
        if let limit = reader.int("maxMegapixels") {
            if limit >= 1 {
                settings.maxMegapixels = limit
            } else {
                reader.report(.error(at: node["maxMegapixels"]?.location, "`maxMegapixels` must be at least 1, found \(limit)",
                                     hint: "write the largest picture to accept in megapixels, e.g. `maxMegapixels: 100`"))
            }
        }
        return (settings, reader.finish())
    }
}
