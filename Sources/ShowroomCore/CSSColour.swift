import Foundation

/// The colours a theme or a data file may give: the CSS forms that cannot carry anything but a colour.
/// A value like `#000;}body{background:url(…)}` would otherwise leave its declaration in a `<style>`.
public enum CSSColour {
    /// The forms, for messages and docs.
    public static let forms = "`#rgb`, `#rgba`, `#rrggbb`, `#rrggbbaa`, `rgb(…)`, `rgba(…)`, `hsl(…)` or `hsla(…)`"

    /// Whether `text` is a colour in one of `forms`: hexadecimal digits after `#`, or one of the four
    /// functions with numbers, `%`, `deg`, `.`, `,`, `/` and spaces between the brackets.
    public static func isColour(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        if bytes.first == UInt8(ascii: "#") {
            let digits = bytes.dropFirst()
            return [3, 4, 6, 8].contains(digits.count) && digits.allSatisfy(isHexDigit)
        }
        guard let open = bytes.firstIndex(of: UInt8(ascii: "(")), bytes.last == UInt8(ascii: ")") else { return false }
        let name = String(decoding: bytes[..<open], as: UTF8.self).lowercased()
        guard ["rgb", "rgba", "hsl", "hsla"].contains(name) else { return false }
        let inside = String(decoding: bytes[(open + 1)..<(bytes.count - 1)], as: UTF8.self).lowercased()
        let numbers = inside.replacingOccurrences(of: "deg", with: "")
        return !numbers.isEmpty && numbers.utf8.allSatisfy { byte in
            (byte >= 0x30 && byte <= 0x39) || " .,%/+-".utf8.contains(byte)
        } && numbers.utf8.contains { $0 >= 0x30 && $0 <= 0x39 }
    }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x46) || (byte >= 0x61 && byte <= 0x66)
    }
}
