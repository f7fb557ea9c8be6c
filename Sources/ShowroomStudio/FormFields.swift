import Foundation

/// The fields of an `application/x-www-form-urlencoded` body (a form's POST, or the script's `URLSearchParams`),
/// the first value of each name.
struct FormFields: Sendable {
    private var values: [String: String] = [:]

    /// Reads `bytes`; nil when they are not UTF-8 or not URL-encoded.
    init?(_ bytes: [UInt8]) {
        guard let text = String(validating: bytes, as: UTF8.self) else { return nil }
        for pair in text.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = Self.decode(parts[0]), let value = Self.decode(parts.count > 1 ? parts[1] : "") else { return nil }
            if values[name] == nil { values[name] = value }
        }
    }

    /// The text fields of an upload form.
    init(fields: [String: String]) {
        values = fields
    }

    /// The value of `name`; nil when the form has no such field.
    subscript(name: String) -> String? { values[name] }

    /// Every field, for the page form's values (`field.<key>`, `yaml.<key>`, `title`, …).
    var all: [String: String] { values }

    private static func decode(_ text: Substring) -> String? {
        text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }
}
