import Foundation

/// A `multipart/form-data` body, as the upload form sends it: its text fields and at most one file. The file's
/// name as the browser gives it is never used for anything on disk.
struct UploadForm: Sendable {
    /// The text fields, first value of each name.
    var fields: [String: String]
    /// The bytes of the file field, when one was chosen.
    var file: [UInt8]?

    /// Reads `body` sent with `contentType` (`multipart/form-data; boundary=…`); nil when it is not such a body.
    init?(_ body: [UInt8], contentType: String) {
        guard contentType.lowercased().hasPrefix("multipart/form-data"),
              let boundaryRange = contentType.range(of: "boundary=") else { return nil }
        let boundary = contentType[boundaryRange.upperBound...].split(separator: ";").first.map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "\" ")) } ?? ""
        guard !boundary.isEmpty else { return nil }
        let delimiter = Array("--\(boundary)".utf8)
        var fields: [String: String] = [:]
        var file: [UInt8]?
        var parts = Self.split(body, by: delimiter)
        guard parts.count >= 2 else { return nil }
        parts.removeFirst()  // the preamble before the first boundary
        for part in parts {
            guard !part.starts(with: Array("--".utf8)) else { break }  // the closing boundary
            var bytes = part[...]
            if bytes.starts(with: [13, 10]) { bytes = bytes.dropFirst(2) }
            if bytes.reversed().starts(with: [10, 13]) { bytes = bytes.dropLast(2) }
            guard let headerEnd = Self.find([13, 10, 13, 10], in: bytes) else { return nil }
            let headers = String(decoding: bytes[bytes.startIndex..<headerEnd], as: UTF8.self)
            let content = Array(bytes[(headerEnd + 4)...])
            guard let disposition = headers.split(separator: "\r\n").first(where: { $0.lowercased().hasPrefix("content-disposition:") }),
                  let name = Self.parameter("name", in: String(disposition)) else { return nil }
            if Self.parameter("filename", in: String(disposition)) != nil {
                if name == "file", !content.isEmpty { file = content }
            } else if fields[name] == nil {
                guard let text = String(validating: content, as: UTF8.self) else { return nil }
                fields[name] = text
            }
        }
        self.fields = fields
        self.file = file
    }

    /// The value of `name="…"` in a Content-Disposition header.
    private static func parameter(_ name: String, in header: String) -> String? {
        guard let start = header.range(of: "; \(name)=\"") else { return nil }
        let rest = header[start.upperBound...]
        guard let end = rest.firstIndex(of: "\"") else { return nil }
        return String(rest[..<end])
    }

    private static func split(_ bytes: [UInt8], by delimiter: [UInt8]) -> [[UInt8]] {
        var parts: [[UInt8]] = []
        var start = 0
        var index = 0
        while index + delimiter.count <= bytes.count {
            if bytes[index] == delimiter[0], bytes[index..<(index + delimiter.count)].elementsEqual(delimiter) {
                parts.append(Array(bytes[start..<index]))
                index += delimiter.count
                start = index
            } else {
                index += 1
            }
        }
        parts.append(Array(bytes[start...]))
        return parts
    }

    private static func find(_ needle: [UInt8], in bytes: ArraySlice<UInt8>) -> Int? {
        var index = bytes.startIndex
        while index + needle.count <= bytes.endIndex {
            if bytes[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }
}

/// What an uploaded file is, read from its first bytes (never from its name or the browser's word for it): the
/// types the library takes, each with the extension the file is stored under.
enum UploadType: String, Sendable, CaseIterable {
    case png, jpeg = "jpg", webp, pdf, mp4

    /// The type of `bytes`; nil for anything else (SVG among them: it can carry scripts, and the studio does not
    /// clean it).
    init?(_ bytes: [UInt8]) {
        func starts(_ prefix: [UInt8], at offset: Int = 0) -> Bool {
            bytes.count >= offset + prefix.count && bytes[offset..<(offset + prefix.count)].elementsEqual(prefix)
        }
        if starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) {
            self = .png
        } else if starts([0xFF, 0xD8, 0xFF]) {
            self = .jpeg
        } else if starts(Array("RIFF".utf8)), starts(Array("WEBP".utf8), at: 8) {
            self = .webp
        } else if starts(Array("%PDF-".utf8)) {
            self = .pdf
        } else if starts(Array("ftyp".utf8), at: 4) {
            self = .mp4
        } else {
            return nil
        }
    }

    /// Whether `bytes` look like an SVG drawing (for a refusal that says so).
    static func looksLikeSVG(_ bytes: [UInt8]) -> Bool {
        let head = String(decoding: bytes.prefix(512), as: UTF8.self).lowercased()
        return head.contains("<svg") || head.hasPrefix("<?xml")
    }
}
