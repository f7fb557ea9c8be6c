#if canImport(Glibc)
import Glibc
#endif

/// Finds the shortcode tags of a Markdown body in one pass over its bytes, leaving alone what Markdown shows as
/// code: fenced blocks (```` ``` ```` or `~~~`, three or more, indented at most three spaces) and code spans
/// (a run of backticks up to the next run of the same length).
struct ShortcodeScanner {
    private let bytes: [UInt8]
    private var position = 0
    private var line = 1
    private var lineStart = 0
    private(set) var tags: [ShortcodeTag] = []
    private(set) var errors: [ShortcodeSyntaxError] = []

    init(_ body: String) {
        bytes = Array(body.utf8)
    }

    /// Scans the whole body.
    mutating func scan() {
        // Most bodies hold no shortcode at all: one search for `{{<` settles them.
        guard Self.containsTagOpening(bytes) else {
            position = bytes.count
            return
        }
        var fence: (byte: UInt8, length: Int)? = nil
        while position < bytes.count {
            if position == lineStart, let run = fenceRun() {
                if let open = fence {
                    if run.byte == open.byte, run.length >= open.length { fence = nil }
                } else {
                    fence = run
                }
                skipLine()
                continue
            }
            if fence != nil {
                skipLine()
                continue
            }
            switch bytes[position] {
            case UInt8(ascii: "\n"):
                advance()
            case UInt8(ascii: "`"):
                skipCodeSpan()
            case UInt8(ascii: "{") where matches("{{<"):
                readTag()
            default:
                advance()
            }
        }
    }

    private var column: Int { position - lineStart + 1 }

    /// Whether `{{<` occurs anywhere in `bytes` (code included), found with `memchr`.
    private static func containsTagOpening(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress, buffer.count >= 3 else { return false }
            var index = 0
            while index + 3 <= buffer.count {
                guard let found = memchr(base + index, Int32(UInt8(ascii: "{")), buffer.count - index) else { return false }
                let at = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                if at + 2 < buffer.count, buffer[at + 1] == UInt8(ascii: "{"), buffer[at + 2] == UInt8(ascii: "<") { return true }
                index = at + 1
            }
            return false
        }
    }

    private func matches(_ text: String) -> Bool {
        let wanted = Array(text.utf8)
        return position + wanted.count <= bytes.count && Array(bytes[position..<position + wanted.count]) == wanted
    }

    private mutating func advance() {
        if bytes[position] == UInt8(ascii: "\n") {
            line += 1
            lineStart = position + 1
        }
        position += 1
    }

    private mutating func skipLine() {
        while position < bytes.count, bytes[position] != UInt8(ascii: "\n") { position += 1 }
        if position < bytes.count { advance() }
    }

    /// At a line start: the fence this line opens or closes (up to three spaces, then three or more ` or ~).
    private func fenceRun() -> (byte: UInt8, length: Int)? {
        var index = position
        while index < bytes.count, index - position < 3, bytes[index] == UInt8(ascii: " ") { index += 1 }
        guard index < bytes.count, bytes[index] == UInt8(ascii: "`") || bytes[index] == UInt8(ascii: "~") else { return nil }
        let byte = bytes[index]
        var length = 0
        while index + length < bytes.count, bytes[index + length] == byte { length += 1 }
        return length >= 3 ? (byte, length) : nil
    }

    /// A run of backticks: skips to the end of the next run of the same length, or past the run alone when
    /// none follows (it is then literal text).
    private mutating func skipCodeSpan() {
        var length = 0
        while position + length < bytes.count, bytes[position + length] == UInt8(ascii: "`") { length += 1 }
        var index = position + length
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "`") else { index += 1; continue }
            var run = 0
            while index + run < bytes.count, bytes[index + run] == UInt8(ascii: "`") { run += 1 }
            if run == length {
                while position < index + run { advance() }
                return
            }
            index += run
        }
        for _ in 0..<length { advance() }
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
    }

    private mutating func skipSpaces() {
        while position < bytes.count, [UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n")].contains(bytes[position]) { advance() }
    }

    private mutating func readName() -> String {
        let start = position
        while position < bytes.count, Self.isNameByte(bytes[position]) { advance() }
        return String(decoding: bytes[start..<position], as: UTF8.self)
    }

    /// Reads one tag from `{{<`; on a syntax error, records it and goes on after the tag's `>}}` (or the `{{<`).
    private mutating func readTag() {
        let start = position, startLine = line, startColumn = column
        for _ in 0..<3 { advance() }
        skipSpaces()
        let isClosing = position < bytes.count && bytes[position] == UInt8(ascii: "/")
        if isClosing { advance() }
        let name = readName()
        guard !name.isEmpty else {
            return fail("a shortcode needs a name after `{{<`", hint: "write it as {{< name key=\"value\" >}}")
        }
        var arguments: [ShortcodeTag.Argument] = []
        while true {
            skipSpaces()
            if matches(">}}") || matches("/>}}") {
                let closer = matches(">}}") ? 3 : 4
                for _ in 0..<closer { advance() }
                break
            }
            guard position < bytes.count else {
                errors.append(ShortcodeSyntaxError(line: startLine, column: startColumn, message: "`{{< \(name)` is never ended with `>}}`",
                                                   hint: "end the tag with >}}"))
                return
            }
            if isClosing {
                return fail("a closing tag takes no arguments", hint: "write it as {{< /\(name) >}}")
            }
            let argumentLine = line, argumentColumn = column
            let key = readName()
            guard !key.isEmpty, position < bytes.count, bytes[position] == UInt8(ascii: "=") else {
                return fail("the arguments of `{{< \(name) >}}` must be written key=\"value\"",
                            hint: "quote every value with double quotes: \(key.isEmpty ? "key" : key)=\"…\"",
                            at: (argumentLine, argumentColumn))
            }
            advance()
            guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else {
                return fail("the value of `\(key)` must be in double quotes", hint: "write \(key)=\"…\"")
            }
            advance()
            var value: [UInt8] = []
            while position < bytes.count, bytes[position] != UInt8(ascii: "\"") {
                if bytes[position] == UInt8(ascii: "\\"), position + 1 < bytes.count, bytes[position + 1] == UInt8(ascii: "\"") { advance() }
                value.append(bytes[position])
                advance()
            }
            guard position < bytes.count else {
                errors.append(ShortcodeSyntaxError(line: argumentLine, column: argumentColumn,
                                                   message: "the value of `\(key)` has no closing `\"`", hint: "end the value with \""))
                return
            }
            advance()
            if arguments.contains(where: { $0.name == key }) {
                errors.append(ShortcodeSyntaxError(line: argumentLine, column: argumentColumn, message: "`\(key)` is given twice",
                                                   hint: "keep one `\(key)=\"…\"`"))
            }
            arguments.append(.init(name: key, value: String(decoding: value, as: UTF8.self), line: argumentLine, column: argumentColumn))
        }
        tags.append(ShortcodeTag(name: name, isClosing: isClosing, arguments: arguments, start: start, end: position,
                                 line: startLine, column: startColumn, endLine: line))
    }

    /// Records a syntax error at the current place and skips to the tag's `>}}`.
    private mutating func fail(_ message: String, hint: String, at place: (line: Int, column: Int)? = nil) {
        errors.append(ShortcodeSyntaxError(line: place?.line ?? line, column: place?.column ?? column, message: message, hint: hint))
        while position < bytes.count, !matches(">}}") { advance() }
        if position < bytes.count { for _ in 0..<3 { advance() } }
    }
}
