/// Reads an `/events` body (one event object or an array of them) straight from its bytes.
///
/// Every page view of the fleet arrives as such a body, and Foundation's `JSONDecoder` spent more on one of them than
/// the rest of the service's own work for the event (it builds a tree of the whole document, then a keyed container
/// per object, then boxes every value). This reader makes one pass and keeps only the fields an event has. It takes
/// and refuses exactly what the decoder does, with the same sentences (`EventPayloadReaderTests` hold the two
/// side by side): a body that is not JSON is refused before any field is looked at, and the first field in the
/// order `EventPayload` declares them is the one an answer names.
struct EventPayloadReader {
    private let bytes: [UInt8]
    private var position = 0
    /// The first problem with a field, kept until the whole body is known to be JSON.
    private var problem: String?
    /// Nesting deeper than this is refused, as the decoder does, rather than read by ever deeper recursion.
    private static let maxDepth = 512

    /// What a field held, as far as an event's fields care.
    private enum Value {
        case string(String)
        case number(Double)
        case null
        /// `true`, `false`, an object or an array: never what an event's field may be.
        case other
    }

    /// Thrown where the bytes stop being JSON.
    private struct NotJSON: Error {}

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// The body's events; refused as the decoder would refuse it (`bad_json`).
    mutating func read() throws(EventRejection) -> [EventPayload] {
        var batch: [EventPayload] = []
        do {
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
            skipWhitespace()
            if peek() == UInt8(ascii: "[") {
                position += 1
                skipWhitespace()
                if peek() == UInt8(ascii: "]") {
                    position += 1
                } else {
                    repeat {
                        if let payload = try readEvent(path: "[\(batch.count)]") { batch.append(payload) }
                    } while try nextElement(closing: UInt8(ascii: "]"))
                }
            } else if let payload = try readEvent(path: nil) {
                batch.append(payload)
            }
            skipWhitespace()
            guard position == bytes.count else { throw NotJSON() }
        } catch {
            throw EventRejection("bad_json", "the body is not valid JSON")
        }
        if let problem { throw EventRejection("bad_json", problem) }
        return batch
    }

    // MARK: Events

    /// One event object at `path` (`[2]` in a batch, nil for the body itself); nil when a field is wrong (`problem`
    /// says which).
    private mutating func readEvent(path: String?) throws(NotJSON) -> EventPayload? {
        skipWhitespace()
        guard peek() == UInt8(ascii: "{") else {
            let value = try readValue(depth: 1)
            if case .null = value { note("\(Self.name(path)) must not be null") } else { note("\(Self.name(path)) must be an object with the event's fields") }
            return nil
        }
        position += 1
        var fields: [EventPayload.CodingKeys: Value] = [:]
        skipWhitespace()
        if peek() == UInt8(ascii: "}") {
            position += 1
        } else {
            repeat {
                skipWhitespace()
                let key = try readString()
                skipWhitespace()
                try expect(UInt8(ascii: ":"))
                // A key given twice keeps its first value, as the decoder does.
                if let field = EventPayload.CodingKeys(rawValue: key), fields[field] == nil {
                    fields[field] = try readValue(depth: 2)
                } else {
                    _ = try readValue(depth: 2)
                }
            } while try nextElement(closing: UInt8(ascii: "}"))
        }
        return payload(from: fields, path: path)
    }

    /// The event the fields make, checked in the order `EventPayload` declares them.
    private mutating func payload(from fields: [EventPayload.CodingKeys: Value], path: String?) -> EventPayload? {
        func text(_ key: EventPayload.CodingKeys) -> String?? {
            switch fields[key] {
            case .string(let text): return .some(text)
            case nil, .null: return .some(nil)
            case .number, .other: return nil
            }
        }
        func required(_ key: EventPayload.CodingKeys) -> String? {
            switch fields[key] {
            case .string(let text): return text
            case nil: note("`\(key.rawValue)` is missing")
            case .null: note("\(Self.name(path, key)) must not be null")
            case .number, .other: note("\(Self.name(path, key)) must be a string")
            }
            return nil
        }
        func optional(_ key: EventPayload.CodingKeys) -> String?? {
            guard let value = text(key) else {
                note("\(Self.name(path, key)) must be a string")
                return nil
            }
            return value
        }
        guard let site = required(.site), let type = required(.type), let page = required(.page),
              let visitor = optional(.visitor)
        else { return nil }
        var ts: Double?
        switch fields[.ts] {
        case .number(let number): ts = number
        case nil, .null: ts = nil
        case .string, .other:
            note("\(Self.name(path, .ts)) must be a number")
            return nil
        }
        guard let asset = optional(.asset), let url = optional(.url), let step = optional(.step), let field = optional(.field),
              let source = optional(.source), let ref = optional(.ref), let utmSource = optional(.utmSource),
              let utmMedium = optional(.utmMedium), let utmCampaign = optional(.utmCampaign),
              let utmContent = optional(.utmContent), let utmTerm = optional(.utmTerm), let click = optional(.click)
        else { return nil }
        return EventPayload(
            site: site, type: type, page: page, visitor: visitor, ts: ts, asset: asset, url: url, step: step, field: field,
            source: source, ref: ref, utmSource: utmSource, utmMedium: utmMedium, utmCampaign: utmCampaign,
            utmContent: utmContent, utmTerm: utmTerm, click: click)
    }

    /// Keeps the first problem only: that is the one the answer names.
    private mutating func note(_ sentence: String) {
        if problem == nil { problem = sentence }
    }

    /// How an answer names a place in the body: `the body`, `` `[1]` ``, `` `[1].site` ``, `` `site` ``.
    private static func name(_ path: String?, _ key: EventPayload.CodingKeys? = nil) -> String {
        let parts = [path, key?.rawValue].compactMap { $0 }
        return parts.isEmpty ? "the body" : "`\(parts.joined(separator: "."))`"
    }

    // MARK: JSON

    private func peek() -> UInt8? {
        position < bytes.count ? bytes[position] : nil
    }

    private mutating func skipWhitespace() {
        while let byte = peek(), byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { position += 1 }
    }

    private mutating func expect(_ byte: UInt8) throws(NotJSON) {
        guard peek() == byte else { throw NotJSON() }
        position += 1
    }

    /// After an element of an object or array: true when a `,` says another follows, false at the closing bracket
    /// (which may follow one trailing comma, as the decoder allows).
    private mutating func nextElement(closing: UInt8) throws(NotJSON) -> Bool {
        skipWhitespace()
        switch peek() {
        case UInt8(ascii: ","):
            position += 1
            skipWhitespace()
            if peek() == closing {
                position += 1
                return false
            }
            return true
        case closing:
            position += 1
            return false
        default:
            throw NotJSON()
        }
    }

    /// Any JSON value; objects and arrays are checked and passed over.
    private mutating func readValue(depth: Int) throws(NotJSON) -> Value {
        guard depth <= Self.maxDepth else { throw NotJSON() }
        skipWhitespace()
        switch peek() {
        case UInt8(ascii: "\""):
            return .string(try readString())
        case UInt8(ascii: "{"):
            position += 1
            skipWhitespace()
            if peek() == UInt8(ascii: "}") {
                position += 1
                return .other
            }
            repeat {
                skipWhitespace()
                _ = try readString()
                skipWhitespace()
                try expect(UInt8(ascii: ":"))
                _ = try readValue(depth: depth + 1)
            } while try nextElement(closing: UInt8(ascii: "}"))
            return .other
        case UInt8(ascii: "["):
            position += 1
            skipWhitespace()
            if peek() == UInt8(ascii: "]") {
                position += 1
                return .other
            }
            repeat {
                _ = try readValue(depth: depth + 1)
            } while try nextElement(closing: UInt8(ascii: "]"))
            return .other
        case UInt8(ascii: "t"):
            try readWord("true")
            return .other
        case UInt8(ascii: "f"):
            try readWord("false")
            return .other
        case UInt8(ascii: "n"):
            try readWord("null")
            return .null
        default:
            return .number(try readNumber())
        }
    }

    private mutating func readWord(_ word: StaticString) throws(NotJSON) {
        let count = word.utf8CodeUnitCount
        guard position + count <= bytes.count else { throw NotJSON() }
        for offset in 0..<count where bytes[position + offset] != word.utf8Start[offset] { throw NotJSON() }
        position += count
    }

    /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`, as a double.
    private mutating func readNumber() throws(NotJSON) -> Double {
        let start = position
        func digits() throws(NotJSON) {
            let first = position
            while let byte = peek(), (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) { position += 1 }
            if position == first { throw NotJSON() }
        }
        if peek() == UInt8(ascii: "-") { position += 1 }
        if peek() == UInt8(ascii: "0") {
            position += 1
        } else {
            try digits()
        }
        if peek() == UInt8(ascii: ".") {
            position += 1
            try digits()
        }
        if peek() == UInt8(ascii: "e") || peek() == UInt8(ascii: "E") {
            position += 1
            if peek() == UInt8(ascii: "+") || peek() == UInt8(ascii: "-") { position += 1 }
            try digits()
        }
        guard let number = Double(String(decoding: bytes[start..<position], as: UTF8.self)) else { throw NotJSON() }
        return number
    }

    /// A string literal, its escapes resolved; the body is known to be UTF-8 already.
    private mutating func readString() throws(NotJSON) -> String {
        try expect(UInt8(ascii: "\""))
        let start = position
        // The common case: no escapes, so the text is the bytes as they are.
        while let byte = peek(), byte != UInt8(ascii: "\""), byte != UInt8(ascii: "\\") {
            guard byte >= 0x20 else { throw NotJSON() }
            position += 1
        }
        guard let end = peek() else { throw NotJSON() }
        if end == UInt8(ascii: "\"") {
            position += 1
            return String(decoding: bytes[start..<(position - 1)], as: UTF8.self)
        }
        var text = Array(bytes[start..<position])
        while true {
            guard let byte = peek() else { throw NotJSON() }
            position += 1
            switch byte {
            case UInt8(ascii: "\""):
                return String(decoding: text, as: UTF8.self)
            case UInt8(ascii: "\\"):
                try readEscape(into: &text)
            case ..<0x20:
                throw NotJSON()
            default:
                text.append(byte)
            }
        }
    }

    /// One escape after its backslash, appended as UTF-8.
    private mutating func readEscape(into text: inout [UInt8]) throws(NotJSON) {
        guard let letter = peek() else { throw NotJSON() }
        position += 1
        switch letter {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): text.append(letter)
        case UInt8(ascii: "b"): text.append(0x08)
        case UInt8(ascii: "f"): text.append(0x0C)
        case UInt8(ascii: "n"): text.append(0x0A)
        case UInt8(ascii: "r"): text.append(0x0D)
        case UInt8(ascii: "t"): text.append(0x09)
        case UInt8(ascii: "u"):
            var scalar = UInt32(try readHex())
            if (0xD800..<0xDC00).contains(scalar) {
                // A high surrogate must be followed by an escaped low one.
                guard peek() == UInt8(ascii: "\\") else { throw NotJSON() }
                position += 1
                try expect(UInt8(ascii: "u"))
                let low = UInt32(try readHex())
                guard (0xDC00..<0xE000).contains(low) else { throw NotJSON() }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            }
            guard let character = Unicode.Scalar(scalar) else { throw NotJSON() }
            text.append(contentsOf: String(character).utf8)
        default:
            throw NotJSON()
        }
    }

    /// Four hex digits.
    private mutating func readHex() throws(NotJSON) -> UInt16 {
        guard position + 4 <= bytes.count else { throw NotJSON() }
        var value: UInt16 = 0
        for _ in 0..<4 {
            let byte = bytes[position]
            let digit: UInt8 = switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
            default: throw NotJSON()
            }
            value = value << 4 | UInt16(digit)
            position += 1
        }
        return value
    }
}
