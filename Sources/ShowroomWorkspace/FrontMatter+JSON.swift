import ShowroomCore

extension FrontMatter {
    /// Reads the JSON object a page opens with; as in Hugo, it ends at its matching `}` and the body is what
    /// follows (from the next line when only spaces follow on the same one).
    ///
    /// A small reader of its own rather than Foundation's: it keeps the written order of keys, the line and
    /// column of every key and value, and says where the JSON goes wrong and what it expected there.
    static func readJSON(_ text: String, file: String) throws(Diagnostic) -> FrontMatter {
        let limit = InputLimits.frontMatterBytes
        var reader = JSONReader(bytes: Array(text.utf8.prefix(limit)), continuesPastLimit: text.utf8.count > limit, file: file)
        let values = try reader.document()
        let bodyStart = text.utf8.index(text.utf8.startIndex, offsetBy: reader.index)
        return FrontMatter(format: .json, values: values, body: String(Substring(text.unicodeScalars[bodyStart...])), bodyLine: reader.line)
    }
}

/// Reads one JSON object from the start of `bytes` into located nodes (RFC 8259; text is already UTF-8).
private struct JSONReader {
    let bytes: [UInt8]
    /// Whether the file goes on past `bytes` (the most front matter may be).
    let continuesPastLimit: Bool
    let file: String
    var index = 0
    var line = 1
    var lineStart = 0
    var depth = 0

    static let maximumDepth = 128
    static let hint = "JSON front matter is one object, e.g. `{\"title\": \"Aurora launch\", \"tags\": [\"ev\"]}`: "
        + "keys and text in double quotes, a comma between entries and none after the last"

    init(bytes: [UInt8], continuesPastLimit: Bool, file: String) {
        self.bytes = bytes
        self.continuesPastLimit = continuesPastLimit
        self.file = file
    }

    /// The object; afterwards `index` and `line` are where the body starts.
    mutating func document() throws(Diagnostic) -> YAMLNode {
        let node = try object(of: nil)
        while index < bytes.count, bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t") { index += 1 }
        if index < bytes.count, bytes[index] == UInt8(ascii: "\n") {
            index += 1
            line += 1
            lineStart = index
        }
        return node
    }

    // MARK: - Values

    private mutating func value(of owner: String?) throws(Diagnostic) -> YAMLNode {
        skipWhitespace()
        let location = here
        switch try peek() {
        case UInt8(ascii: "{"): return try object(of: owner)
        case UInt8(ascii: "["): return try array(of: owner)
        case UInt8(ascii: "\""): return YAMLNode(.scalar(try string(), quoted: true), at: location)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return YAMLNode(.scalar(try number(), quoted: false), at: location)
        case UInt8(ascii: "t"): try word("true"); return YAMLNode(.scalar("true", quoted: false), at: location)
        case UInt8(ascii: "f"): try word("false"); return YAMLNode(.scalar("false", quoted: false), at: location)
        case UInt8(ascii: "n"): try word("null"); return YAMLNode(.null, at: location)
        default:
            throw unexpected("a value (text in double quotes, a number, true, false, null, a list `[…]` or an object `{…}`)"
                             + (owner.map { " for `\($0)`" } ?? ""))
        }
    }

    private mutating func object(of owner: String?) throws(Diagnostic) -> YAMLNode {
        let location = here
        try enter()
        index += 1
        var pairs: [(key: String, value: YAMLNode)] = []
        var keys: Set<String> = []
        skipWhitespace()
        if try peek() == UInt8(ascii: "}") {
            index += 1
            depth -= 1
            return YAMLNode(.mapping(pairs), at: location)
        }
        while true {
            skipWhitespace()
            let keyLocation = here
            guard try peek() == UInt8(ascii: "\"") else {
                throw unexpected("a key in double quotes (`\"title\"`)")
            }
            let key = try string()
            guard keys.insert(key).inserted else {
                throw .error(at: keyLocation, "the key `\(key)` is written twice in the same object", hint: "keep one of them")
            }
            skipWhitespace()
            guard try peek() == UInt8(ascii: ":") else {
                throw unexpected("`:` after the key `\(key)`")
            }
            index += 1
            let value = try value(of: key)
            pairs.append((key, value.keyed(atLine: keyLocation.line ?? 0, column: keyLocation.column)))
            skipWhitespace()
            switch try peek() {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "}"):
                index += 1
                depth -= 1
                return YAMLNode(.mapping(pairs), at: location)
            default: throw unexpected("`,` or `}` after the value of `\(key)`")
            }
        }
    }

    private mutating func array(of owner: String?) throws(Diagnostic) -> YAMLNode {
        let location = here
        try enter()
        index += 1
        var items: [YAMLNode] = []
        skipWhitespace()
        if try peek() == UInt8(ascii: "]") {
            index += 1
            depth -= 1
            return YAMLNode(.sequence(items), at: location)
        }
        let what = owner.map { "an entry of `\($0)`" } ?? "an entry"
        while true {
            items.append(try value(of: owner))
            skipWhitespace()
            switch try peek() {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "]"):
                index += 1
                depth -= 1
                return YAMLNode(.sequence(items), at: location)
            default: throw unexpected("`,` or `]` after \(what)")
            }
        }
    }

    private mutating func enter() throws(Diagnostic) {
        depth += 1
        if depth > Self.maximumDepth {
            throw .error(at: here, "the JSON front matter nests lists and objects more than \(Self.maximumDepth) levels deep",
                         hint: "keep front matter to a few levels; larger structures belong in a file under shared/data")
        }
    }

    // MARK: - Scalars

    /// A string at `index` (which is at its opening quote), its escapes resolved.
    private mutating func string() throws(Diagnostic) -> String {
        index += 1
        var text: [UInt8] = []
        while true {
            guard index < bytes.count else { throw endOfInput() }
            switch bytes[index] {
            case UInt8(ascii: "\""):
                index += 1
                return String(decoding: text, as: UTF8.self)
            case UInt8(ascii: "\\"):
                text.append(contentsOf: String(try escape()).utf8)
            case 0..<0x20:
                throw .error(at: here, "text in JSON cannot hold a line break or a tab as it is",
                             hint: "close the text with `\"` before the line ends, or write a line break as `\\n` and a tab as `\\t`")
            default:
                text.append(bytes[index])
                index += 1
            }
        }
    }

    /// The escape at `index` (a backslash), as the character it stands for.
    private mutating func escape() throws(Diagnostic) -> Unicode.Scalar {
        let start = here
        index += 1
        guard index < bytes.count else { throw endOfInput() }
        let letter = bytes[index]
        index += 1
        switch letter {
        case UInt8(ascii: "\""): return "\""
        case UInt8(ascii: "\\"): return "\\"
        case UInt8(ascii: "/"): return "/"
        case UInt8(ascii: "b"): return "\u{08}"
        case UInt8(ascii: "f"): return "\u{0C}"
        case UInt8(ascii: "n"): return "\n"
        case UInt8(ascii: "r"): return "\r"
        case UInt8(ascii: "t"): return "\t"
        case UInt8(ascii: "u"):
            let high = try hexQuad(escapeAt: start)
            if (0xD800..<0xDC00).contains(high), index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") {
                index += 2
                let low = try hexQuad(escapeAt: start)
                if (0xDC00..<0xE000).contains(low), let scalar = Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)) {
                    return scalar
                }
            } else if let scalar = Unicode.Scalar(high) {
                return scalar
            }
            throw .error(at: start, "the escape `\\u\(String(high, radix: 16, uppercase: true))` is half of a character",
                         hint: "write the character itself, or both halves of the pair (`\\uD83D\\uDE97` for 🚗)")
        default:
            throw .error(at: start, "`\\\(Character(Unicode.Scalar(letter)))` is not an escape JSON knows",
                         hint: "write a backslash as `\\\\`; the escapes are \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX")
        }
    }

    private mutating func hexQuad(escapeAt start: SourceLocation) throws(Diagnostic) -> UInt32 {
        guard index + 4 <= bytes.count, let value = UInt32(String(decoding: bytes[index..<(index + 4)], as: UTF8.self), radix: 16) else {
            throw .error(at: start, "`\\u` must be followed by four hexadecimal digits", hint: "write e.g. `\\u00E9` for é")
        }
        index += 4
        return value
    }

    /// A number as JSON writes it (`-12`, `0.5`, `1e6`), kept as its text.
    private mutating func number() throws(Diagnostic) -> String {
        let start = index
        func digits(_ reader: inout JSONReader) -> Int {
            let first = reader.index
            while reader.index < reader.bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(reader.bytes[reader.index]) {
                reader.index += 1
            }
            return reader.index - first
        }
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        let integerStart = index
        let integerDigits = digits(&self)
        var valid = integerDigits > 0 && !(integerDigits > 1 && bytes[integerStart] == UInt8(ascii: "0"))
        if valid, index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            valid = digits(&self) > 0
        }
        if valid, index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            valid = digits(&self) > 0
        }
        guard valid else {
            index = start
            throw unexpected("a number such as `12`, `-3`, `0.5` or `1e6` (no leading zeros, digits on both sides of the point)")
        }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    private mutating func word(_ word: String) throws(Diagnostic) {
        guard bytes[index...].starts(with: word.utf8) else { throw unexpected("`true`, `false` or `null` (in lowercase)") }
        index += word.utf8.count
    }

    // MARK: - Position and errors

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"): index += 1
            case UInt8(ascii: "\n"):
                index += 1
                line += 1
                lineStart = index
            default: return
            }
        }
    }

    /// The byte at `index`; at the end of the input, the error that the object never closes.
    private func peek() throws(Diagnostic) -> UInt8 {
        guard index < bytes.count else { throw endOfInput() }
        return bytes[index]
    }

    /// Where `index` is, columns counted in characters (code points) as for YAML.
    private var here: SourceLocation {
        let column = bytes[lineStart..<index].reduce(1) { count, byte in byte & 0xC0 == 0x80 ? count : count + 1 }
        return SourceLocation(file: file, line: line, column: column)
    }

    private func unexpected(_ expected: String) -> Diagnostic {
        guard index < bytes.count else { return endOfInput() }
        var end = index + 1
        while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
        let found = String(decoding: bytes[index..<end], as: UTF8.self)
        return .error(at: here, "invalid JSON: expected \(expected), found `\(found)`", hint: Self.hint)
    }

    private func endOfInput() -> Diagnostic {
        if continuesPastLimit {
            return .error(at: SourceLocation(file: file, line: 1, column: 1),
                          "the JSON front matter does not close within \(InputLimits.shown(InputLimits.frontMatterBytes)), the most a page's front matter may be",
                          hint: "check that every `{`, `[` and `\"` is closed; move long values into the page's body or into a file under shared/data")
        }
        return .error(at: SourceLocation(file: file, line: 1, column: 1), "the front matter starts with `{` but its JSON object never closes",
                      hint: "check that every `{`, `[` and `\"` is closed, and end the object with `}` before the page's text")
    }
}
