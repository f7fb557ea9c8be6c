/// Escapes text for HTML element content and quoted attribute values: `&`, `<`, `>`, `"` and `'`.
///
/// One implementation for everything that writes HTML (templates, generated pages, the service's pages,
/// reports). It scans UTF-8 bytes and returns the text unchanged, without copying, when nothing needs
/// escaping, which is the common case and matters on the build's hot path.
public enum HTMLEscaping {
    /// `text` with `<`, `>`, `&`, `"` and `'` written as entities, for HTML text and quoted attribute values;
    /// `text` itself when it has none of them.
    public static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x3C || $0 == 0x3E || $0 == 0x26 || $0 == 0x22 || $0 == 0x27 }) else {
            return text
        }
        var escaped: [UInt8] = []
        escaped.reserveCapacity(text.utf8.count + 16)
        for byte in text.utf8 {
            switch byte {
            case 0x3C: escaped.append(contentsOf: [0x26, 0x6C, 0x74, 0x3B])  // &lt;
            case 0x3E: escaped.append(contentsOf: [0x26, 0x67, 0x74, 0x3B])  // &gt;
            case 0x26: escaped.append(contentsOf: [0x26, 0x61, 0x6D, 0x70, 0x3B])  // &amp;
            case 0x22: escaped.append(contentsOf: [0x26, 0x71, 0x75, 0x6F, 0x74, 0x3B])  // &quot;
            case 0x27: escaped.append(contentsOf: [0x26, 0x23, 0x33, 0x39, 0x3B])  // &#39;
            default: escaped.append(byte)
            }
        }
        return String(decoding: escaped, as: UTF8.self)
    }

    /// The text an HTML fragment shows: its tags taken out and its character references decoded
    /// (`<span class="spec">620&nbsp;km</span>` → `620 km`), for a heading's id and its entry in a table of
    /// contents when a shortcode renders inside the heading.
    public static func plainText(_ html: String) -> String {
        var text = ""
        var inTag = false
        for character in html {
            switch character {
            case "<": inTag = true
            case ">" where inTag: inTag = false
            default: if !inTag { text.append(character) }
            }
        }
        return LinkRules.decodeReferences(text)
    }
}
