import ShowroomCore

/// How a value is written where it lands, and which values may not land there at all: active links in URL
/// attributes and CSS that could leave its declaration.
enum OutputEscaping {
    /// HTML text and quoted attributes: `& < > " '`. One pass: the runs between those bytes are copied whole.
    static func html(_ text: String, into output: inout [UInt8]) {
        let copied: Void? = text.utf8.withContiguousStorageIfAvailable { bytes in
            var start = 0
            for index in bytes.indices where isHTMLSpecial(bytes[index]) {
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
                appendHTML(bytes[index], into: &output)
                start = index + 1
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
        }
        if copied == nil {
            for byte in text.utf8 { appendHTML(byte, into: &output) }
        }
    }

    /// `& < > " '`: all below 0x40, so one shift of a 64-bit mask answers.
    @inline(__always)
    private static func isHTMLSpecial(_ byte: UInt8) -> Bool {
        let mask: UInt64 = 1 << 0x26 | 1 << 0x3C | 1 << 0x3E | 1 << 0x22 | 1 << 0x27
        return byte < 0x40 && (mask >> UInt64(byte)) & 1 != 0
    }

    /// Unquoted attribute values also end at spaces, `=` and backticks: those are written as references.
    static func unquotedAttribute(_ text: String, into output: inout [UInt8]) {
        for byte in text.utf8 {
            switch byte {
            case 0x20, 0x09, 0x0A, 0x0C, 0x0D, 0x3D, 0x60: output.append(contentsOf: "&#\(byte);".utf8)
            default: appendHTML(byte, into: &output)
            }
        }
    }

    @inline(__always)
    private static func appendHTML(_ byte: UInt8, into output: inout [UInt8]) {
        switch byte {
        case 0x26: output.append(contentsOf: [0x26, 0x61, 0x6D, 0x70, 0x3B])  // &amp;
        case 0x3C: output.append(contentsOf: [0x26, 0x6C, 0x74, 0x3B])  // &lt;
        case 0x3E: output.append(contentsOf: [0x26, 0x67, 0x74, 0x3B])  // &gt;
        case 0x22: output.append(contentsOf: [0x26, 0x71, 0x75, 0x6F, 0x74, 0x3B])  // &quot;
        case 0x27: output.append(contentsOf: [0x26, 0x23, 0x33, 0x39, 0x3B])  // &#39;
        default: output.append(byte)
        }
    }

    /// The content of a JavaScript string (JSON's rules, plus `<`, `>`, `&` and `'` as `\u` escapes, so the
    /// value can neither end the string nor the `<script>` element).
    static func javaScriptString(_ text: String, into output: inout [UInt8]) {
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output.append(contentsOf: "\\\"".utf8)
            case "\\": output.append(contentsOf: "\\\\".utf8)
            case "\n": output.append(contentsOf: "\\n".utf8)
            case "\r": output.append(contentsOf: "\\r".utf8)
            case "\t": output.append(contentsOf: "\\t".utf8)
            case "<", ">", "&", "'", "`", "\u{2028}", "\u{2029}":
                output.append(contentsOf: hexEscape(scalar.value).utf8)
            default:
                if scalar.value < 0x20 { output.append(contentsOf: hexEscape(scalar.value).utf8) } else {
                    output.append(contentsOf: String(scalar).utf8)
                }
            }
        }
    }

    private static func hexEscape(_ value: UInt32) -> String {
        let digits = String(value, radix: 16)
        return "\\u" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    /// Why `text` may not be a link's address (each candidate of a `srcset`-style list), or nil when it may.
    static func unsafeURL(_ text: String, list: Bool) -> String? {
        let candidates = list ? text.split(separator: ",").map { String(String($0).trimmed.split(separator: " ").first ?? "") } : [text]
        for candidate in candidates {
            if let problem = LinkRules.activeSchemeProblem(candidate) { return problem }
        }
        return nil
    }

    /// CSS functions a value may use: colours and arithmetic, nothing that loads or runs anything.
    static let cssFunctions: Set<String> = [
        "rgb", "rgba", "hsl", "hsla", "hwb", "lab", "lch", "oklab", "oklch", "color", "color-mix", "calc", "min", "max",
        "clamp", "var",
    ]

    /// Why `text` is not a safe CSS value (a colour, a length, a keyword), or nil when it is.
    static func unsafeCSS(_ text: String) -> String? {
        for byte in text.utf8 {
            let allowed = (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || " #%.,+-_/()!*".utf8.contains(byte)
            if !allowed {
                let character = String(decoding: [byte], as: UTF8.self)
                return byte < 0x80 ? "`\(shown(character))` could end the CSS declaration" : "only ASCII letters, digits and #%.,+-_/()!* are allowed"
            }
        }
        if zip(text.utf8, text.utf8.dropFirst()).contains(where: { $0 == UInt8(ascii: "/") && $1 == UInt8(ascii: "*") }) {
            return "`/*` would start a CSS comment"
        }
        var word = ""
        for character in text {
            if character.isLetter || character == "-" || character.isNumber {
                word.append(character)
            } else {
                if character == "(", !cssFunctions.contains(word.lowercased()) {
                    return "the CSS function `\(word)(` is not allowed (it could load a URL or run code)"
                }
                word = ""
            }
        }
        return nil
    }

    static func isAttributeNameByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
            || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ":") || byte == UInt8(ascii: " ")
    }

    /// A value as shown in a message: long values cut (the diagnostic escapes control characters).
    static func shown(_ text: String) -> String {
        text.unicodeScalars.count > 80 ? String(String.UnicodeScalarView(text.unicodeScalars.prefix(80))) + "…" : text
    }
}
