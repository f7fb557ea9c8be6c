import ShowroomCore
#if canImport(Glibc)
import Glibc
#endif

extension YAMLNode {
    /// Reads the flat `key: value` documents most front matter is (plain or quoted scalars and
    /// `[a, b]` lists, one key per line) without going through libyaml: a large share of a build's time
    /// otherwise. Anything else — nesting, comments, block scalars, anchors, escapes, duplicate keys,
    /// keys that are not ASCII — returns nil, and the caller parses the text with Yams, which also produces
    /// the located errors.
    ///
    /// It works on the UTF-8 bytes: every character that decides anything here is ASCII, and a UTF-8
    /// sequence never contains an ASCII byte. Columns count code points, as libyaml's do.
    static func parseFlat(_ text: String, file: String, lineOffset: Int) -> YAMLNode? {
        var text = text
        return text.withUTF8 { FlatReader(bytes: $0, file: file).document(lineOffset: lineOffset) }
    }
}

private struct FlatReader {
    let bytes: UnsafeBufferPointer<UInt8>
    let file: String

    func document(lineOffset: Int) -> YAMLNode? {
        guard !containsCharacterLibyamlRejects() else { return nil }
        var pairs: [(key: String, value: YAMLNode)] = []
        var firstLine: Int?
        var lineNumber = lineOffset
        var lineStart = 0
        // Lines as `split(separator: "\n", omittingEmptySubsequences: false)` gives them.
        while lineStart <= bytes.count {
            let lineEnd = next(UInt8(ascii: "\n"), in: lineStart..<bytes.count) ?? bytes.count
            defer { lineStart = lineEnd + 1 }
            lineNumber += 1
            let line = lineStart..<lineEnd
            if line.allSatisfy({ bytes[$0] == UInt8(ascii: " ") }) { continue }
            guard let colon = next(UInt8(ascii: ":"), in: line) else { return nil }
            let keyRange = lineStart..<colon
            guard let first = keyRange.first, isASCIILetter(bytes[first]) || bytes[first] == UInt8(ascii: "_"),
                  keyRange.allSatisfy({ isKeyByte(bytes[$0]) })
            else { return nil }
            let key = string(keyRange)
            guard !pairs.contains(where: { $0.key == key }) else { return nil }
            var valueStart = colon + 1
            guard valueStart < lineEnd, bytes[valueStart] == UInt8(ascii: " ") else { return nil }
            while valueStart < lineEnd, bytes[valueStart] == UInt8(ascii: " ") { valueStart += 1 }
            var valueEnd = lineEnd
            while valueEnd > valueStart, bytes[valueEnd - 1] == UInt8(ascii: " ") { valueEnd -= 1 }
            guard valueStart < valueEnd else { return nil }
            // The key, the colon and the spaces are ASCII: one byte per character.
            let location = SourceLocation(file: file, line: lineNumber, column: valueStart - lineStart + 1)
            guard let value = value(valueStart..<valueEnd, at: location) else { return nil }
            pairs.append((key, value.keyed(atLine: lineNumber, column: 1)))
            if firstLine == nil { firstLine = lineNumber }
        }
        guard let firstLine else { return nil }
        // libyaml places the mapping at its first key.
        return YAMLNode(.mapping(pairs), at: SourceLocation(file: file, line: firstLine, column: 1))
    }

    /// Control characters, DEL, NEL and the Unicode line and paragraph separators: libyaml rejects some and
    /// breaks lines at others, so a document holding any of them is left to libyaml. (Tabs too: they are
    /// indentation errors in some places and content in others.)
    private func containsCharacterLibyamlRejects() -> Bool {
        for index in bytes.indices {
            let byte = bytes[index]
            if (byte < 0x20 && byte != UInt8(ascii: "\n")) || byte == 0x7F { return true }
            if byte == 0xC2, index + 1 < bytes.count, (0x80...0x9F).contains(bytes[index + 1]) { return true }
            if byte == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80, bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9 {
                return true
            }
        }
        return false
    }

    private func value(_ raw: Range<Int>, at location: SourceLocation) -> YAMLNode? {
        let first = bytes[raw.lowerBound], last = bytes[raw.upperBound - 1]
        switch first {
        case UInt8(ascii: "\""), UInt8(ascii: "'"):
            guard raw.count >= 2, last == first else { return nil }
            let inner = (raw.lowerBound + 1)..<(raw.upperBound - 1)
            guard !inner.contains(where: { bytes[$0] == first || bytes[$0] == UInt8(ascii: "\\") }) else { return nil }
            return YAMLNode(.scalar(string(inner), quoted: true), at: location)
        case UInt8(ascii: "["):
            guard last == UInt8(ascii: "]") else { return nil }
            let inner = (raw.lowerBound + 1)..<(raw.upperBound - 1)
            var items: [YAMLNode] = []
            guard !inner.allSatisfy({ bytes[$0] == UInt8(ascii: " ") }) else { return YAMLNode(.sequence(items), at: location) }
            var column = location.column! + 1
            var partStart = inner.lowerBound
            while partStart <= inner.upperBound {
                let partEnd = next(UInt8(ascii: ","), in: partStart..<inner.upperBound) ?? inner.upperBound
                var itemStart = partStart, itemEnd = partEnd
                while itemStart < itemEnd, bytes[itemStart] == UInt8(ascii: " ") { itemStart += 1 }
                while itemEnd > itemStart, bytes[itemEnd - 1] == UInt8(ascii: " ") { itemEnd -= 1 }
                guard isPlain(itemStart..<itemEnd), !Self.nullWords.contains(string(itemStart..<itemEnd)) else { return nil }
                items.append(YAMLNode(.scalar(string(itemStart..<itemEnd), quoted: false),
                                      at: SourceLocation(file: location.file, line: location.line, column: column + itemStart - partStart)))
                column += characters(partStart..<partEnd) + 1
                partStart = partEnd + 1
            }
            return YAMLNode(.sequence(items), at: location)
        default:
            guard isPlain(raw) else { return nil }
            let text = string(raw)
            if Self.nullWords.contains(text) { return YAMLNode(.null, at: location) }
            return YAMLNode(.scalar(text, quoted: false), at: location)
        }
    }

    /// A plain scalar YAML would read as the same text: no indicator first, no `: ` or ` #` inside.
    private func isPlain(_ range: Range<Int>) -> Bool {
        guard let first = range.first, !Self.indicators[Int(bytes[first])], bytes[range.upperBound - 1] != UInt8(ascii: ":")
        else { return false }
        var previous = UInt8(ascii: " ")
        for index in range {
            let byte = bytes[index]
            if Self.forbidden[Int(byte)] || (previous == UInt8(ascii: ":") && byte == UInt8(ascii: " "))
                || (previous == UInt8(ascii: " ") && byte == UInt8(ascii: "#")) {
                return false
            }
            previous = byte
        }
        return true
    }

    private static let nullWords: Set<String> = ["~", "null", "Null", "NULL"]
    private static let indicators = table("-?:,[]{}#&*!|>'\"%@`")
    private static let forbidden = table("[]{}\t\r")

    /// A 256-entry membership table: cheaper per byte than hashing into a `Set`.
    private static func table(_ members: String) -> [Bool] {
        var table = [Bool](repeating: false, count: 256)
        for byte in members.utf8 { table[Int(byte)] = true }
        return table
    }

    private func next(_ byte: UInt8, in range: Range<Int>) -> Int? {
        guard !range.isEmpty, let found = memchr(bytes.baseAddress! + range.lowerBound, Int32(byte), range.count) else { return nil }
        return bytes.baseAddress!.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    private func string(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    /// The number of characters in `range` as libyaml counts them (Unicode code points): every byte that
    /// does not continue a UTF-8 sequence.
    private func characters(_ range: Range<Int>) -> Int {
        range.reduce(0) { count, index in bytes[index] & 0xC0 == 0x80 ? count : count + 1 }
    }

    private func isASCIILetter(_ byte: UInt8) -> Bool { (65...90).contains(byte) || (97...122).contains(byte) }
    private func isKeyByte(_ byte: UInt8) -> Bool {
        isASCIILetter(byte) || (48...57).contains(byte) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
    }
}
