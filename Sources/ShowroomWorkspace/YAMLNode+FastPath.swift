import ShowroomCore

extension YAMLNode {
    /// Reads the flat `key: value` documents most front matter is (plain or quoted scalars and
    /// `[a, b]` lists, one key per line) without going through libyaml: a large share of a build's time
    /// otherwise. Anything else — nesting, comments, block scalars, anchors, escapes, duplicate keys —
    /// returns nil, and the caller parses the text with Yams, which also produces the located errors.
    static func parseFlat(_ text: String, file: String, lineOffset: Int) -> YAMLNode? {
        var pairs: [(key: String, value: YAMLNode)] = []
        var keys: Set<Substring> = []
        var lineNumber = lineOffset
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            if line.allSatisfy({ $0 == " " }) { continue }
            guard let colon = line.firstIndex(of: ":") else { return nil }
            let key = line[..<colon]
            guard let first = key.first, first.isLetter || first == "_",
                  key.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }),
                  keys.insert(key).inserted
            else { return nil }
            var valueStart = line.index(after: colon)
            guard valueStart < line.endIndex, line[valueStart] == " " else { return nil }
            while valueStart < line.endIndex, line[valueStart] == " " { valueStart = line.index(after: valueStart) }
            var raw = line[valueStart...]
            while raw.last == " " { raw = raw.dropLast() }
            guard !raw.isEmpty else { return nil }
            let column = line.distance(from: line.startIndex, to: valueStart) + 1
            let location = SourceLocation(file: file, line: lineNumber, column: column)
            guard let value = flatValue(raw, at: location) else { return nil }
            pairs.append((String(key), value))
        }
        guard !pairs.isEmpty else { return nil }
        return YAMLNode(.mapping(pairs), at: SourceLocation(file: file, line: lineOffset + 1, column: 1))
    }

    private static func flatValue(_ raw: Substring, at location: SourceLocation) -> YAMLNode? {
        switch raw.first {
        case "\"", "'":
            let quote = raw.first!
            let inner = raw.dropFirst().dropLast()
            guard raw.count >= 2, raw.last == quote, !inner.contains(quote), !inner.contains("\\") else { return nil }
            return YAMLNode(.scalar(String(inner), quoted: true), at: location)
        case "[":
            guard raw.last == "]" else { return nil }
            let inner = raw.dropFirst().dropLast()
            var items: [YAMLNode] = []
            var offset = location.column! + 1
            for part in inner.split(separator: ",", omittingEmptySubsequences: false) {
                let leading = part.prefix { $0 == " " }.count
                let item = part.dropFirst(leading).reversed().drop { $0 == " " }.reversed()
                let text = String(item)
                if inner.allSatisfy({ $0 == " " }) { break }
                guard isPlain(text[...]) else { return nil }
                items.append(YAMLNode(.scalar(text, quoted: false),
                                      at: SourceLocation(file: location.file, line: location.line, column: offset + leading)))
                offset += part.count + 1
            }
            return YAMLNode(.sequence(items), at: location)
        default:
            guard isPlain(raw) else { return nil }
            if ["~", "null", "Null", "NULL"].contains(raw) { return YAMLNode(.null, at: location) }
            return YAMLNode(.scalar(String(raw), quoted: false), at: location)
        }
    }

    /// A plain scalar YAML would read as the same text: no indicator first, no `: ` or ` #` inside.
    private static func isPlain(_ text: Substring) -> Bool {
        guard let first = text.first, !"-?:,[]{}#&*!|>'\"%@`".contains(first), text.last != ":" else { return false }
        var previous: Character = " "
        for character in text {
            if "[]{}\t".contains(character) || (previous == ":" && character == " ") || (previous == " " && character == "#") {
                return false
            }
            previous = character
        }
        return true
    }
}
