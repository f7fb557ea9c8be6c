/// Where the keys and values of a TOML document are written. TOMLKit gives values without positions, so these
/// come from reading the document's lines once it has parsed: table headers (`[params]`, `[[gallery]]`),
/// `key = value` lines (dotted and quoted keys too) and where each value starts. What sits inside an inline
/// table or an array has no entry of its own: it shares its key's.
///
/// A path is the keys from the top, with an entry of an array of tables as its index: `["gallery", "1", "title"]`.
struct TOMLKeyPositions {
    /// A 1-based line and a column in characters.
    struct Position: Hashable {
        var line: Int
        var column: Int
    }

    private(set) var keys: [[String]: Position] = [:]
    private(set) var values: [[String]: Position] = [:]

    private let bytes: [UInt8]
    private var index = 0
    private var line = 1
    private var lineStart = 0
    /// How many entries each array of tables (`[[name]]`) has so far.
    private var entries: [[String]: Int] = [:]

    /// Reads `text`, which TOMLKit has already accepted as valid TOML.
    init(_ text: String) {
        bytes = Array(text.utf8)
        var table: [String] = []
        while index < bytes.count {
            skipSpaces()
            guard index < bytes.count else { break }
            switch bytes[index] {
            case UInt8(ascii: "\n"): newLine()
            case UInt8(ascii: "#"): skipToEndOfLine()
            case UInt8(ascii: "["): table = header()
            default: keyValue(in: table)
            }
        }
    }

    // MARK: - Statements

    /// `[a.b]` or `[[a.b]]`: the table that the lines below fill.
    private mutating func header() -> [String] {
        let start = here
        let isArray = index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "[")
        index += isArray ? 2 : 1
        let names = keyNames()
        skipToEndOfLine()
        // A name that is an array of tables means its latest entry.
        var path: [String] = []
        for name in names.dropLast() {
            path.append(name.text)
            if let count = entries[path] { path.append(String(count - 1)) }
        }
        guard let last = names.last else { return path }
        path.append(last.text)
        record(path, key: last.position, value: start)
        if isArray {
            let count = entries[path, default: 0]
            entries[path] = count + 1
            path.append(String(count))
            record(path, key: last.position, value: start)
        }
        return path
    }

    /// `key = value` (or `a.b = value`) inside `table`.
    private mutating func keyValue(in table: [String]) {
        let names = keyNames()
        skipSpaces()
        guard !names.isEmpty, index < bytes.count, bytes[index] == UInt8(ascii: "=") else {
            skipToEndOfLine()
            return
        }
        index += 1
        skipSpaces()
        let valueStart = here
        var path = table
        for name in names {
            path.append(name.text)
            record(path, key: name.position, value: valueStart)
        }
        skipValue()
    }

    private mutating func record(_ path: [String], key: Position, value: Position) {
        if keys[path] == nil { keys[path] = key }
        if values[path] == nil { values[path] = value }
    }

    // MARK: - Keys

    /// `a`, `a.b`, `"a b".c`, `'literal'`, with the position of each.
    private mutating func keyNames() -> [(text: String, position: Position)] {
        var names: [(String, Position)] = []
        while index < bytes.count {
            skipSpaces()
            let position = here
            guard index < bytes.count else { break }
            let name: String
            switch bytes[index] {
            case UInt8(ascii: "\""): name = quoted(escapes: true)
            case UInt8(ascii: "'"): name = quoted(escapes: false)
            default:
                let start = index
                while index < bytes.count, Self.isBareKeyByte(bytes[index]) { index += 1 }
                guard index > start else { return names }
                name = String(decoding: bytes[start..<index], as: UTF8.self)
            }
            names.append((name, position))
            skipSpaces()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ".") else { break }
            index += 1
        }
        return names
    }

    /// A one-line string at `index` (at its quote): a key's text, or a value being skipped.
    private mutating func quoted(escapes: Bool) -> String {
        let quote = bytes[index]
        index += 1
        var text: [UInt8] = []
        while index < bytes.count, bytes[index] != quote, bytes[index] != UInt8(ascii: "\n") {
            if escapes, bytes[index] == UInt8(ascii: "\\"), index + 1 < bytes.count {
                index += 1
                text.append(contentsOf: Self.unescaped(bytes[index]))
            } else {
                text.append(bytes[index])
            }
            index += 1
        }
        if index < bytes.count, bytes[index] == quote { index += 1 }
        return String(decoding: text, as: UTF8.self)
    }

    /// The common escapes, for keys; others (`\u00E9`) are left as written, so such a key gets no position.
    private static func unescaped(_ letter: UInt8) -> [UInt8] {
        switch letter {
        case UInt8(ascii: "n"): return [0x0A]
        case UInt8(ascii: "t"): return [0x09]
        default: return [letter]
        }
    }

    private static func isBareKeyByte(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
    }

    // MARK: - Values

    /// Steps over a value to the end of its line: through strings (multi-line ones too), and through arrays and
    /// inline tables that span lines.
    private mutating func skipValue() {
        var depth = 0
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                if index + 2 < bytes.count, bytes[index + 1] == bytes[index], bytes[index + 2] == bytes[index] {
                    skipMultiLineString()
                } else {
                    _ = quoted(escapes: bytes[index] == UInt8(ascii: "\""))
                }
                continue
            case UInt8(ascii: "["), UInt8(ascii: "{"): depth += 1
            case UInt8(ascii: "]"), UInt8(ascii: "}"): depth -= 1
            case UInt8(ascii: "#"):
                skipToEndOfLine()
                continue
            case UInt8(ascii: "\n"):
                if depth <= 0 { return }
                newLine()
                continue
            default: break
            }
            index += 1
        }
    }

    /// `"""…"""` or `'''…'''`, which may hold line breaks, escaped quotes and up to two quotes before the closing three.
    private mutating func skipMultiLineString() {
        let quote = bytes[index]
        index += 3
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "\\"), quote == UInt8(ascii: "\""), index + 1 < bytes.count, bytes[index + 1] != UInt8(ascii: "\n") {
                index += 2
                continue
            }
            if bytes[index] == UInt8(ascii: "\n") {
                newLine()
                continue
            }
            if bytes[index] == quote, index + 2 < bytes.count, bytes[index + 1] == quote, bytes[index + 2] == quote {
                index += 3
                while index < bytes.count, bytes[index] == quote { index += 1 }
                return
            }
            index += 1
        }
    }

    // MARK: - Position

    private var here: Position {
        Position(line: line, column: bytes[lineStart..<index].reduce(1) { count, byte in byte & 0xC0 == 0x80 ? count : count + 1 })
    }

    private mutating func newLine() {
        index += 1
        line += 1
        lineStart = index
    }

    private mutating func skipSpaces() {
        while index < bytes.count, bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t") { index += 1 }
    }

    private mutating func skipToEndOfLine() {
        while index < bytes.count, bytes[index] != UInt8(ascii: "\n") { index += 1 }
    }
}
