import ShowroomCore

/// Rewrites a rendered page in one pass over its bytes, tag-aware (comments, `<script>` and `<style>`
/// contents are skipped, attributes are parsed with their quoting), without building a DOM:
///
/// - inserts the tracking snippet just before `</head>` (after `<meta charset>` and the title), unless the
///   page already carries one;
/// - adds `width`/`height` to `<img>` tags whose `src` the caller can size;
/// - adds attributes to `<a>` tags the caller recognises (download links get `data-asset`).
///
/// libxml2 parses every page in `showroom check`; the build uses this scanner because it is several times
/// faster and never reorders or re-serialises the author's markup.
public struct HTMLRewriter {
    /// Marker attribute that identifies the tracking snippet's `<script>` element.
    public static let snippetMarker = "data-showroom-tracking"

    public enum Failure: Error, Equatable {
        /// The page has no `<head>` element to put the tracking snippet in.
        case noHead
        /// The page carries the tracking snippet more than once.
        case duplicateSnippet(count: Int)
    }

    public var snippet: String
    public var imageSize: (String) -> (width: Int, height: Int)?
    public var linkAttributes: (String) -> [(String, String)]

    public init(
        snippet: String, imageSize: @escaping (String) -> (width: Int, height: Int)? = { _ in nil },
        linkAttributes: @escaping (String) -> [(String, String)] = { _ in [] }
    ) {
        self.snippet = snippet
        self.imageSize = imageSize
        self.linkAttributes = linkAttributes
    }

    public func rewrite(_ html: String) -> Result<String, Failure> {
        var bytes = Array(html.utf8)
        var insertions: [(offset: Int, text: String)] = []
        var headEnd: Int?
        var headClose: Int?
        var snippets = 0
        var index = 0
        let count = bytes.count
        while index < count {
            guard bytes[index] == UInt8(ascii: "<") else {
                index += 1
                continue
            }
            if matches(bytes, at: index, "<!--") {
                index = find(bytes, "-->", from: index + 4).map { $0 + 3 } ?? count
                continue
            }
            if headClose == nil, matches(bytes, at: index, "</head") {
                headClose = index
            }
            guard index + 1 < count, isLetter(bytes[index + 1]) else {
                index += 1
                continue
            }
            let tag = parseTag(bytes, at: index)
            let name = tag.name
            if name == "head", headEnd == nil {
                headEnd = tag.end
            } else if name == "script" {
                if tag.attributes.contains(where: { $0.name == Self.snippetMarker }) { snippets += 1 }
                index = find(bytes, "</script", from: tag.end) ?? count
                continue
            } else if name == "style" {
                index = find(bytes, "</style", from: tag.end) ?? count
                continue
            } else if name == "img", let src = tag.value("src"), tag.value("width") == nil,
                      let size = imageSize(src) {
                insertions.append((tag.attributesEnd, " width=\"\(size.width)\" height=\"\(size.height)\""))
            } else if name == "a", let href = tag.value("href") {
                let extra = linkAttributes(href).filter { attribute in tag.value(attribute.0) == nil }
                if !extra.isEmpty {
                    insertions.append((tag.attributesEnd, extra.map { " \($0.0)=\"\(HTMLEscaping.escape($0.1))\"" }.joined()))
                }
            }
            index = tag.end
        }
        if snippets > 1 { return .failure(.duplicateSnippet(count: snippets)) }
        if snippets == 0 {
            guard let headEnd else { return .failure(.noHead) }
            insertions.append((headClose ?? headEnd, snippet))
        }
        insertions.sort { $0.offset > $1.offset }
        for insertion in insertions {
            bytes.insert(contentsOf: Array(insertion.text.utf8), at: insertion.offset)
        }
        return .success(String(decoding: bytes, as: UTF8.self))
    }

    // MARK: - Scanning

    struct Attribute {
        var name: String
        var value: String?
    }

    struct Tag {
        var name: String
        var attributes: [Attribute]
        /// Offset just after the last attribute (before `/>` or `>`), where new attributes go.
        var attributesEnd: Int
        /// Offset just after `>`.
        var end: Int

        func value(_ name: String) -> String? {
            attributes.first { $0.name == name }?.value
        }
    }

    private func parseTag(_ bytes: [UInt8], at start: Int) -> Tag {
        var index = start + 1
        let count = bytes.count
        let nameStart = index
        while index < count, !isSpace(bytes[index]), bytes[index] != UInt8(ascii: ">"), bytes[index] != UInt8(ascii: "/") {
            index += 1
        }
        let name = String(decoding: bytes[nameStart..<index], as: UTF8.self).lowercased()
        var attributes: [Attribute] = []
        var attributesEnd = index
        while index < count {
            while index < count, isSpace(bytes[index]) { index += 1 }
            guard index < count else { break }
            if bytes[index] == UInt8(ascii: ">") {
                return Tag(name: name, attributes: attributes, attributesEnd: attributesEnd, end: index + 1)
            }
            if bytes[index] == UInt8(ascii: "/") {
                index += 1
                continue
            }
            let attributeStart = index
            while index < count, !isSpace(bytes[index]), bytes[index] != UInt8(ascii: "="), bytes[index] != UInt8(ascii: ">"),
                  !(bytes[index] == UInt8(ascii: "/") && index + 1 < count && bytes[index + 1] == UInt8(ascii: ">")) {
                index += 1
            }
            let attributeName = String(decoding: bytes[attributeStart..<index], as: UTF8.self).lowercased()
            var value: String?
            var probe = index
            while probe < count, isSpace(bytes[probe]) { probe += 1 }
            if probe < count, bytes[probe] == UInt8(ascii: "=") {
                index = probe + 1
                while index < count, isSpace(bytes[index]) { index += 1 }
                if index < count, bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") {
                    let quote = bytes[index]
                    let valueStart = index + 1
                    index = valueStart
                    while index < count, bytes[index] != quote { index += 1 }
                    value = decodeEntities(String(decoding: bytes[valueStart..<min(index, count)], as: UTF8.self))
                    index += 1
                } else {
                    let valueStart = index
                    while index < count, !isSpace(bytes[index]), bytes[index] != UInt8(ascii: ">") { index += 1 }
                    value = decodeEntities(String(decoding: bytes[valueStart..<index], as: UTF8.self))
                }
            } else {
                value = ""
            }
            if !attributeName.isEmpty { attributes.append(Attribute(name: attributeName, value: value)) }
            attributesEnd = min(index, count)
        }
        return Tag(name: name, attributes: attributes, attributesEnd: min(attributesEnd, count), end: count)
    }

    private func matches(_ bytes: [UInt8], at index: Int, _ text: StaticString) -> Bool {
        let count = text.utf8CodeUnitCount
        guard index + count <= bytes.count else { return false }
        return text.withUTF8Buffer { pattern in
            for offset in 0..<count where lower(bytes[index + offset]) != pattern[offset] { return false }
            return true
        }
    }

    private func find(_ bytes: [UInt8], _ text: StaticString, from start: Int) -> Int? {
        var index = start
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "<") || bytes[index] == UInt8(ascii: "-"), matches(bytes, at: index, text) { return index }
            index += 1
        }
        return nil
    }

    private func lower(_ byte: UInt8) -> UInt8 { (65...90).contains(byte) ? byte + 32 : byte }
    private func isLetter(_ byte: UInt8) -> Bool { (65...90).contains(byte) || (97...122).contains(byte) }
    private func isSpace(_ byte: UInt8) -> Bool { byte == 32 || byte == 9 || byte == 10 || byte == 13 || byte == 12 }

    private func decodeEntities(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "&")) else { return text }
        return text.replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "&quot;", with: "\"")
            .replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">")
    }
}
