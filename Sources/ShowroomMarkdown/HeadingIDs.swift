import Foundation
import ShowroomCore

/// The ids a page's headings get, made the way Hugo makes them (its default, GitHub's style), so links Hugo users
/// wrote keep working: the text lowercased, letters (any script), digits and `_` kept, each space or `-` a `-`,
/// everything else dropped (`Range & charging` → `range--charging`), `heading` when nothing is left. An id already
/// taken on the page gets `-1`, `-2`, … (`intro`, `intro-1`, `intro-2`). Ids are handed out in page order, and an id
/// the author chose (`{#id}`) counts as taken from where it stands.
struct HeadingIDs {
    private var taken: Set<String> = []

    /// An id for a heading whose text is `text`, not yet taken on the page.
    mutating func make(from text: String) -> String {
        let base = Self.slug(text)
        var id = base
        var number = 0
        while taken.contains(id) {
            number += 1
            id = "\(base)-\(number)"
        }
        taken.insert(id)
        return id
    }

    /// Records an id the author chose, which later headings then do not get.
    mutating func reserve(_ id: String) {
        taken.insert(id)
    }

    static func slug(_ text: String) -> String {
        var slug = ""
        for scalar in text.trimmed.unicodeScalars {
            if scalar.isASCII {
                // Most headings are ASCII: their letters and digits are known without Unicode's tables.
                let byte = UInt8(scalar.value)
                switch byte {
                case UInt8(ascii: " "), UInt8(ascii: "-"): slug += "-"
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"):
                    slug.unicodeScalars.append(scalar)
                case UInt8(ascii: "A")...UInt8(ascii: "Z"): slug.unicodeScalars.append(Unicode.Scalar(byte + 32))
                default: break
                }
            } else if isLetterOrDigit(scalar) {
                slug += scalar.properties.lowercaseMapping
            }
        }
        return slug.isEmpty ? "heading" : slug
    }

    private static func isLetterOrDigit(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .decimalNumber: true
        default: false
        }
    }
}
