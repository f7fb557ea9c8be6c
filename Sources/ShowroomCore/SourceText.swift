import Foundation

/// Reads workspace text files the way marketers' editors write them: UTF-8 with or without a BOM,
/// LF or CRLF line endings. Anything else is a located error, never silently mangled text.
public enum SourceText {
    /// The file's text with a leading BOM removed and CRLF/CR turned into LF.
    /// A file larger than `maxBytes` (one of `InputLimits`) is an error, read no further.
    public static func read(_ url: URL, relativePath: String, maxBytes: Int) throws(Diagnostic) -> String {
        try read(path: url.path, relativePath: relativePath, maxBytes: maxBytes)
    }

    /// The file's text, by path (the build's page loader reads thousands of files this way).
    public static func read(path: String, relativePath: String, maxBytes: Int) throws(Diagnostic) -> String {
        let bytes: [UInt8]
        do {
            bytes = try PosixFile.read(path: path, maxBytes: maxBytes)
        } catch where error.code == .EFBIG {
            throw .error(at: SourceLocation(file: relativePath), "the file is larger than \(InputLimits.shown(maxBytes)), the most a file of this kind may be",
                         hint: "split it into smaller files, or check that it is the file you meant to put here")
        } catch where error.code == .EINVAL {
            throw .error(at: SourceLocation(file: relativePath), "this is not a regular file (a folder, a pipe or a device)",
                         hint: "replace it with an ordinary file")
        } catch {
            throw .error(at: SourceLocation(file: relativePath), "cannot read the file: \(error.message)",
                         hint: "check that the file exists and is readable")
        }
        return try decode(bytes, relativePath: relativePath)
    }

    /// Bytes already read, decoded the same way: BOM removed, line endings made LF; a located error when they
    /// are not UTF-8.
    public static func decode(_ bytes: [UInt8], relativePath: String) throws(Diagnostic) -> String {
        var bytes = bytes
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            let (line, column) = firstInvalidUTF8Position(bytes)
            throw .error(at: SourceLocation(file: relativePath, line: line, column: column),
                         "the file is not valid UTF-8 text",
                         hint: "save the file as UTF-8 (in most editors: Save with Encoding → UTF-8)")
        }
        guard bytes.contains(0x0D) else { return text }
        var unixBytes: [UInt8] = []
        unixBytes.reserveCapacity(bytes.count)
        for (index, byte) in bytes.enumerated() {
            if byte == 0x0D {
                if index + 1 < bytes.count, bytes[index + 1] == 0x0A { continue }
                unixBytes.append(0x0A)
            } else {
                unixBytes.append(byte)
            }
        }
        return String(decoding: unixBytes, as: UTF8.self)
    }

    private static func firstInvalidUTF8Position(_ bytes: [UInt8]) -> (Int, Int) {
        var line = 1
        var lineStart = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let length: Int
            switch byte {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return (line, index - lineStart + 1)
            }
            if index + length > bytes.count { return (line, index - lineStart + 1) }
            for continuation in bytes[(index + 1)..<(index + length)] where continuation & 0xC0 != 0x80 {
                return (line, index - lineStart + 1)
            }
            if byte == 0x0A {
                line += 1
                lineStart = index + 1
            }
            index += length
        }
        return (line, 1)
    }
}
