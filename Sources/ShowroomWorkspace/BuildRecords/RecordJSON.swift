/// The JSON of the build records, written straight into bytes. A large fleet's records hold a row per page and
/// asset, and Foundation's encoder spent a twentieth of a build on them; this writes the same bytes as
/// `JSONEncoder` with `.sortedKeys` and `.withoutEscapingSlashes` (a test holds the two together).
enum RecordJSON {
    /// `text` as a JSON string: `"` and `\` escaped, control characters as `\n`, `\t`, … or `\u00XX`, the rest
    /// as it is (UTF-8).
    static func append(_ text: String, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case UInt8(ascii: "\\"): output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case 0x08: output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "b")])
            case 0x0C: output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "f")])
            case 0x0A: output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case 0x0D: output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case 0x09: output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case 0..<0x20:
                let digits = Array("0123456789abcdef".utf8)
                output.append(contentsOf: Array("\\u00".utf8))
                output.append(digits[Int(byte >> 4)])
                output.append(digits[Int(byte & 0xF)])
            default: output.append(byte)
            }
        }
        output.append(UInt8(ascii: "\""))
    }

    /// `"key":` for a key written by the caller in sorted order.
    static func appendKey(_ key: String, to output: inout [UInt8]) {
        append(key, to: &output)
        output.append(UInt8(ascii: ":"))
    }

    /// `separator`, then `"key":` and the value `value` writes: one member of an object, keys in sorted order.
    static func appendMember(_ key: String, after separator: String = ",", to output: inout [UInt8],
                             _ value: (inout [UInt8]) -> Void) {
        output.append(contentsOf: separator.utf8)
        appendKey(key, to: &output)
        value(&output)
    }

    static func append(_ number: Int, to output: inout [UInt8]) {
        output.append(contentsOf: String(number).utf8)
    }

    /// `[…]` of strings.
    static func append(_ texts: [String], to output: inout [UInt8]) {
        output.append(UInt8(ascii: "["))
        for (index, text) in texts.enumerated() {
            if index > 0 { output.append(UInt8(ascii: ",")) }
            append(text, to: &output)
        }
        output.append(UInt8(ascii: "]"))
    }

    /// `{…}` of strings by key, keys sorted.
    static func append(_ map: [String: String], to output: inout [UInt8]) {
        output.append(UInt8(ascii: "{"))
        for (index, key) in map.keys.sorted().enumerated() {
            if index > 0 { output.append(UInt8(ascii: ",")) }
            appendKey(key, to: &output)
            append(map[key]!, to: &output)
        }
        output.append(UInt8(ascii: "}"))
    }
}

extension UsageIndex.Use {
    /// `{"asset":…,"column":…,"file":…,"line":…,"page":…,"site":…}`, the unknown line and column left out.
    func appendJSON(to output: inout [UInt8]) {
        RecordJSON.appendMember("asset", after: "{", to: &output) { RecordJSON.append(asset, to: &$0) }
        if let column { RecordJSON.appendMember("column", to: &output) { RecordJSON.append(column, to: &$0) } }
        RecordJSON.appendMember("file", to: &output) { RecordJSON.append(file, to: &$0) }
        if let line { RecordJSON.appendMember("line", to: &output) { RecordJSON.append(line, to: &$0) } }
        RecordJSON.appendMember("page", to: &output) { RecordJSON.append(page, to: &$0) }
        RecordJSON.appendMember("site", to: &output) { RecordJSON.append(site, to: &$0) }
        output.append(UInt8(ascii: "}"))
    }
}

extension UsageIndex.Entry {
    /// `{"title":…,"uses":[…]}` on one line, as `usage.json` holds each asset; no title when it has none.
    package func encodedJSON() -> [UInt8] {
        Self.encodedJSON(title: title, rows: [Self.rows(of: uses)])
    }

    /// The uses as JSON objects joined by commas: the inside of `"uses":[…]`.
    package static func rows(of uses: [UsageIndex.Use]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(uses.count * 120)
        for (index, use) in uses.enumerated() {
            if index > 0 { output.append(UInt8(ascii: ",")) }
            use.appendJSON(to: &output)
        }
        return output
    }

    /// `{"title":…,"uses":[…]}` with the uses given as pieces of `rows(of:)` (one site's each, in order), so
    /// the index can be made from sites' pieces without decoding their records; empty pieces are skipped.
    package static func encodedJSON(title: String?, rows: [[UInt8]]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(64 + rows.reduce(0) { $0 + $1.count + 1 })
        output.append(UInt8(ascii: "{"))
        if let title {
            RecordJSON.appendKey("title", to: &output)
            RecordJSON.append(title, to: &output)
            output.append(UInt8(ascii: ","))
        }
        RecordJSON.appendKey("uses", to: &output)
        output.append(UInt8(ascii: "["))
        var first = true
        for piece in rows where !piece.isEmpty {
            if !first { output.append(UInt8(ascii: ",")) }
            output.append(contentsOf: piece)
            first = false
        }
        output.append(contentsOf: [UInt8(ascii: "]"), UInt8(ascii: "}")])
        return output
    }
}
