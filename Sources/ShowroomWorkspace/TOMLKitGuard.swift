/// TOML that the toml++ inside TOMLKit 0.6.0 does not refuse but asserts on, which stops a debug build outright
/// (and is undefined behaviour in a release build): each is found here first, outside strings and comments,
/// so it becomes a located error like any other invalid TOML. The front matter fuzz target found them.
///
/// - a date whose `T` has no time after it (`2026-03-15T`, `2026-03-15Tnoon`);
/// - a table header whose name does not start with a letter, a digit, `_`, `-` or a quote (`[=params]`).
enum TOMLKitGuard {
    /// The first such place: 1-based line, column in characters, and what was expected there.
    static func problem(in text: String) -> (line: Int, column: Int, message: String)? {
        let bytes = Array(text.utf8)
        var index = 0, line = 1, lineStart = 0
        /// Open `[` and `{` of values (a `[` that opens a line outside them is a table header).
        var depth = 0
        func isDigit(_ index: Int) -> Bool {
            bytes.indices.contains(index) && (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index])
        }
        func column(of index: Int) -> Int {
            bytes[lineStart..<index].reduce(1) { count, byte in byte & 0xC0 == 0x80 ? count : count + 1 }
        }
        func opensLine(_ index: Int) -> Bool {
            bytes[lineStart..<index].allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
        }
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\n"):
                line += 1
                lineStart = index + 1
            case UInt8(ascii: "#"):
                while index + 1 < bytes.count, bytes[index + 1] != UInt8(ascii: "\n") { index += 1 }
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                index = endOfString(bytes, at: index, line: &line, lineStart: &lineStart)
                continue
            case UInt8(ascii: "[") where depth == 0 && opensLine(index):
                var name = index + 1
                if name < bytes.count, bytes[name] == UInt8(ascii: "[") { name += 1 }
                while name < bytes.count, bytes[name] == UInt8(ascii: " ") || bytes[name] == UInt8(ascii: "\t") { name += 1 }
                if name < bytes.count, !isKeyStart(bytes[name]) {
                    return (line, column(of: name), "a table name in `[…]` starts with a letter, a digit, `_`, `-` or a quote")
                }
                while index + 1 < bytes.count, bytes[index + 1] != UInt8(ascii: "\n") { index += 1 }
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                depth += 1
            case UInt8(ascii: "]"), UInt8(ascii: "}"):
                depth = max(0, depth - 1)
            default:
                let separator = index + 10
                if isDigit(index), !isDigit(index - 1), separator < bytes.count, (0..<4).allSatisfy({ isDigit(index + $0) }),
                   bytes[index + 4] == UInt8(ascii: "-"), isDigit(index + 5), isDigit(index + 6), bytes[index + 7] == UInt8(ascii: "-"),
                   isDigit(index + 8), isDigit(index + 9), bytes[separator] == UInt8(ascii: "T") || bytes[separator] == UInt8(ascii: "t"),
                   !isDigit(separator + 1) {
                    return (line, column(of: separator), "expected a time after the date's `T` (`2026-03-15T09:30:00`)")
                }
            }
            index += 1
        }
        return nil
    }

    private static func isKeyStart(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
            || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") || byte == UInt8(ascii: "]")
    }

    /// The index just past the string that opens at `start` (`"…"`, `'…'`, `"""…"""` or `'''…'''`), or of the
    /// line break that cuts a one-line string short.
    private static func endOfString(_ bytes: [UInt8], at start: Int, line: inout Int, lineStart: inout Int) -> Int {
        let quote = bytes[start]
        let triple = start + 2 < bytes.count && bytes[start + 1] == quote && bytes[start + 2] == quote
        var index = start + (triple ? 3 : 1)
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\\"), quote == UInt8(ascii: "\""), index + 1 < bytes.count, bytes[index + 1] != UInt8(ascii: "\n") {
                index += 2
                continue
            }
            if byte == UInt8(ascii: "\n") {
                if !triple { return index }
                line += 1
                lineStart = index + 1
            } else if byte == quote {
                if !triple { return index + 1 }
                if index + 2 < bytes.count, bytes[index + 1] == quote, bytes[index + 2] == quote { return index + 3 }
            }
            index += 1
        }
        return index
    }
}
