/// Why a picture in the asset library cannot be made into variants, in words a marketer can act on.
public enum PhotoProblem: Error, Sendable, Equatable {
    /// The file ends early or its data is damaged (`reason` is the decoder's words).
    case corrupt(reason: String)
    /// The file is not a picture the build reads at all.
    case unreadable
    /// The file is a picture in a format the build does not make variants from (`.bmp`, `.heic`, …).
    case unsupported(format: String)
    /// The picture has more pixels than the limit (a decompression bomb, or a scan far larger than the web needs).
    case tooManyPixels(width: Int, height: Int, limit: Int)
    /// The file's content is one format and its name says another.
    case typeMismatch(content: String, fileExtension: String)
    /// A variant could not be encoded or written (disk full, …).
    case cannotWrite(reason: String)

    /// What is wrong, for the diagnostic's message.
    public var message: String {
        switch self {
        case .corrupt(let reason):
            return "the picture is damaged or cut short and cannot be read to the end (\(reason))"
        case .unreadable:
            return "the file is not a picture the build can read (it is neither JPEG, PNG, WebP, AVIF nor TIFF)"
        case .unsupported(let format):
            return "`.\(format)` pictures cannot be resized for the web: the build makes variants from JPEG, PNG, WebP, AVIF and TIFF"
        case .tooManyPixels(let width, let height, let limit):
            return "the picture is \(width) × \(height) pixels (\(Self.megapixels(width * height)) megapixels), more than the limit of \(Self.megapixels(limit)) megapixels"
        case .typeMismatch(let content, let fileExtension):
            return "the file is named `.\(fileExtension)` but holds a \(content) picture"
        case .cannotWrite(let reason):
            return "the picture's web sizes cannot be written to the build cache: \(reason)"
        }
    }

    /// What to do about it, for the diagnostic's `fix:`.
    public var fix: String {
        switch self {
        case .corrupt, .unreadable:
            return "export or download the picture again (the copy in assets/files is incomplete), then rebuild"
        case .unsupported:
            return "export the picture as JPEG (photos) or PNG (graphics with transparency) and change `file:` to the new name"
        case .tooManyPixels:
            return "export the picture at most 8,000 pixels wide, or raise `images: maxMegapixels` in showroom.yaml if it really is that large"
        case .typeMismatch(let content, _):
            return "rename the file to end in `.\(PhotoFile.preferredExtension(of: content))` (and change `file:`), or export it again as the format its name says"
        case .cannotWrite:
            return "check that the disk has room and .showroom/cache is writable, then rebuild"
        }
    }

    private static func megapixels(_ pixels: Int) -> String {
        let tenths = (pixels + 50_000) / 100_000
        return tenths % 10 == 0 ? "\(tenths / 10)" : "\(tenths / 10).\(tenths % 10)"
    }
}
