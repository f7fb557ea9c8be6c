import ShowroomCore
#if canImport(Glibc)
import Glibc
#endif

/// Rewrites a rendered page in one pass over its UTF-8 bytes, tag-aware (comments, `<script>` and `<style>`
/// contents are skipped, attributes are parsed with their quoting), without building a DOM:
///
/// - inserts the tracking snippet just before `</head>` (after `<meta charset>` and the title), unless the
///   page already carries one;
/// - adds `width`/`height` to `<img>` tags whose `src` the caller can size;
/// - adds attributes to `<a>` tags the caller recognises (download links get `data-asset`);
/// - reports every name that follows one of the caller's `markers` anywhere in the page (the build finds the
///   assets a page uses from `/assets/<file>` and `<collector>/dl/<id>`).
///
/// libxml2 parses every page in `showroom check`; the build uses this scanner because it is several times
/// faster and never reorders or re-serialises the author's markup. Only `<head>`, `<script>`, `<style>`,
/// `<img>` and `<a>` tags have their attributes read; every other tag is skipped without allocating.
public struct HTMLRewriter {
    /// Marker attribute that identifies the tracking snippet's `<script>` element.
    public static let snippetMarker = "data-showroom-tracking"

    /// Why a page cannot take the tracking snippet.
    public enum Failure: Error, Equatable {
        /// The page has no `<head>` element to put the tracking snippet in.
        case noHead
        /// The page carries the tracking snippet more than once.
        case duplicateSnippet(count: Int)
    }

    /// A rewritten page and the names found after the markers.
    public struct Output: Equatable {
        /// The page's UTF-8 bytes, ready to write (the build never needs them as a `String` again).
        public var bytes: [UInt8]
        /// The page as text, for tests and messages.
        public var html: String { String(decoding: bytes, as: UTF8.self) }
        /// For each marker (by index in `markers`), the names that follow it in the page, in page order.
        public var references: [[String]]
    }

    /// The tracking snippet's HTML, inserted before `</head>`.
    public var snippet: String
    /// The width and height of the image at an `<img src>`; nil leaves the tag as it is.
    public var imageSize: (String) -> (width: Int, height: Int)?
    /// The attributes to add to an `<a>` with this `href`; none leaves the tag as it is.
    public var linkAttributes: (String) -> [(String, String)]
    /// Texts whose following name (letters, digits, `-`, `.`, `_`) is reported.
    public var markers: [String]

    /// A rewriter that inserts `snippet`, sizes images and marks links through the given functions, and
    /// reports the names after `markers`.
    public init(
        snippet: String, imageSize: @escaping (String) -> (width: Int, height: Int)? = { _ in nil },
        linkAttributes: @escaping (String) -> [(String, String)] = { _ in [] }, markers: [String] = []
    ) {
        self.snippet = snippet
        self.imageSize = imageSize
        self.linkAttributes = linkAttributes
        self.markers = markers
    }

    /// The page rewritten, with the names found after the markers; a failure when it has no `<head>` or
    /// already carries more than one snippet.
    public func rewrite(_ html: String) -> Result<Output, Failure> {
        var html = html
        return html.withUTF8 { bytes in rewrite(bytes) }
    }

    /// The page, given as its UTF-8 bytes, rewritten as `rewrite(_:)` says.
    public func rewrite(bytes html: [UInt8]) -> Result<Output, Failure> {
        html.withUnsafeBufferPointer { bytes in rewrite(bytes) }
    }

    private func rewrite(_ bytes: UnsafeBufferPointer<UInt8>) -> Result<Output, Failure> {
        let scanner = Scanner(bytes: bytes)
        var insertions: [(offset: Int, text: String)] = []
        var headEnd: Int?
        var headClose: Int?
        var snippets = 0
        var index = 0
        let count = bytes.count
        while let open = scanner.next(UInt8(ascii: "<"), from: index) {
            index = open
            if scanner.matches("<!--", at: index) {
                index = scanner.find("-->", from: index + 4).map { $0 + 3 } ?? count
                continue
            }
            if headClose == nil, scanner.matches("</head", at: index) {
                headClose = index
            }
            guard index + 1 < count, Scanner.isLetter(bytes[index + 1]) else {
                index += 1
                continue
            }
            let name = scanner.tagName(at: index)
            switch name.kind {
            case .head where headEnd == nil:
                headEnd = scanner.tag(afterName: name.end).end
                index = headEnd!
            case .script:
                let tag = scanner.tag(afterName: name.end)
                if tag.has(Self.snippetMarker, in: scanner) { snippets += 1 }
                index = scanner.find("</script", from: tag.end) ?? count
            case .style:
                let tag = scanner.tag(afterName: name.end)
                index = scanner.find("</style", from: tag.end) ?? count
            case .img:
                let tag = scanner.tag(afterName: name.end)
                if let src = tag.value("src", in: scanner), !tag.has("width", in: scanner), let size = imageSize(src) {
                    insertions.append((tag.attributesEnd, " width=\"\(size.width)\" height=\"\(size.height)\""))
                }
                index = tag.end
            case .a:
                let tag = scanner.tag(afterName: name.end)
                if let href = tag.value("href", in: scanner) {
                    let extra = linkAttributes(href).filter { attribute in !tag.has(attribute.0, in: scanner) }
                    if !extra.isEmpty {
                        insertions.append((tag.attributesEnd, extra.map { " \($0.0)=\"\(HTMLEscaping.escape($0.1))\"" }.joined()))
                    }
                }
                index = tag.end
            default:
                index = scanner.skipTag(afterName: name.end)
            }
        }
        if snippets > 1 { return .failure(.duplicateSnippet(count: snippets)) }
        if snippets == 0 {
            guard let headEnd else { return .failure(.noHead) }
            insertions.append((headClose ?? headEnd, snippet))
        }
        insertions.sort { $0.offset < $1.offset }

        var output: [UInt8] = []
        output.reserveCapacity(count + insertions.reduce(0) { $0 + $1.text.utf8.count })
        var copied = 0
        for insertion in insertions {
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<insertion.offset]))
            output.append(contentsOf: insertion.text.utf8)
            copied = insertion.offset
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<count]))
        return .success(Output(bytes: output, references: references(in: scanner)))
    }

    /// Every name after a marker, anywhere in the page (text, attributes, inline styles and scripts).
    private func references(in scanner: Scanner) -> [[String]] {
        markers.map { marker in
            let pattern = Array(marker.utf8)
            var names: [String] = []
            var index = 0
            while let start = scanner.find(exactly: pattern, from: index) {
                var end = start + pattern.count
                while end < scanner.bytes.count, Scanner.isNameByte(scanner.bytes[end]) { end += 1 }
                names.append(String(decoding: UnsafeBufferPointer(rebasing: scanner.bytes[(start + pattern.count)..<end]), as: UTF8.self))
                index = end
            }
            return names
        }
    }
}

// MARK: - Scanning

/// Byte-level helpers over one page; offsets are indexes into `bytes`.
private struct Scanner {
    let bytes: UnsafeBufferPointer<UInt8>

    enum TagKind { case head, script, style, img, a, other }

    struct Tag {
        /// Attribute names and values as byte ranges; a value is nil for a bare attribute.
        var attributes: [(name: Range<Int>, value: Range<Int>?)]
        /// Offset just after the last attribute (before `/>` or `>`), where new attributes go.
        var attributesEnd: Int
        /// Offset just after `>`.
        var end: Int

        func has(_ name: String, in scanner: Scanner) -> Bool {
            attributes.contains { scanner.equalsIgnoringCase($0.name, name) }
        }

        /// The decoded value of the first attribute called `name`; "" for a bare attribute.
        func value(_ name: String, in scanner: Scanner) -> String? {
            guard let attribute = attributes.first(where: { scanner.equalsIgnoringCase($0.name, name) }) else { return nil }
            guard let range = attribute.value else { return "" }
            return Scanner.decodeEntities(String(decoding: UnsafeBufferPointer(rebasing: scanner.bytes[range]), as: UTF8.self))
        }
    }

    /// The offset of the next `byte` at or after `start`.
    func next(_ byte: UInt8, from start: Int) -> Int? {
        guard start < bytes.count, let base = bytes.baseAddress else { return nil }
        guard let found = memchr(base + start, Int32(byte), bytes.count - start) else { return nil }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    /// The tag name starting after `<` at `start`, and where it ends.
    func tagName(at start: Int) -> (kind: TagKind, end: Int) {
        var index = start + 1
        while index < bytes.count, !Self.isSpace(bytes[index]), bytes[index] != UInt8(ascii: ">"), bytes[index] != UInt8(ascii: "/") {
            index += 1
        }
        let range = (start + 1)..<index
        let kind: TagKind
        switch range.count {
        case 1: kind = equalsIgnoringCase(range, "a") ? .a : .other
        case 3: kind = equalsIgnoringCase(range, "img") ? .img : .other
        case 4: kind = equalsIgnoringCase(range, "head") ? .head : .other
        case 5: kind = equalsIgnoringCase(range, "style") ? .style : .other
        case 6: kind = equalsIgnoringCase(range, "script") ? .script : .other
        default: kind = .other
        }
        return (kind, index)
    }

    /// Skips a tag's attributes, read exactly as `tag` reads them, and returns the offset just after its `>`.
    func skipTag(afterName nameEnd: Int) -> Int {
        tag(afterName: nameEnd, collecting: false).end
    }

    /// Parses the attributes of the tag whose name ends at `nameEnd` (only finds its end when not `collecting`).
    func tag(afterName nameEnd: Int, collecting: Bool = true) -> Tag {
        var index = nameEnd
        let count = bytes.count
        var attributes: [(name: Range<Int>, value: Range<Int>?)] = []
        var attributesEnd = index
        while index < count {
            while index < count, Self.isSpace(bytes[index]) { index += 1 }
            guard index < count else { break }
            if bytes[index] == UInt8(ascii: ">") {
                return Tag(attributes: attributes, attributesEnd: attributesEnd, end: index + 1)
            }
            if bytes[index] == UInt8(ascii: "/") {
                index += 1
                continue
            }
            let nameStart = index
            while index < count, !Self.isSpace(bytes[index]), bytes[index] != UInt8(ascii: "="), bytes[index] != UInt8(ascii: ">"),
                  !(bytes[index] == UInt8(ascii: "/") && index + 1 < count && bytes[index + 1] == UInt8(ascii: ">")) {
                index += 1
            }
            let name = nameStart..<index
            var value: Range<Int>?
            var probe = index
            while probe < count, Self.isSpace(bytes[probe]) { probe += 1 }
            if probe < count, bytes[probe] == UInt8(ascii: "=") {
                index = probe + 1
                while index < count, Self.isSpace(bytes[index]) { index += 1 }
                if index < count, bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") {
                    let valueStart = index + 1
                    index = next(bytes[index], from: valueStart) ?? count
                    value = valueStart..<index
                    index += 1
                } else {
                    let valueStart = index
                    while index < count, !Self.isSpace(bytes[index]), bytes[index] != UInt8(ascii: ">") { index += 1 }
                    value = valueStart..<index
                }
            }
            if collecting, !name.isEmpty { attributes.append((name, value)) }
            attributesEnd = min(index, count)
        }
        return Tag(attributes: attributes, attributesEnd: min(attributesEnd, count), end: count)
    }

    /// Whether `text` (lower-case ASCII) is at `index`, ignoring the case of the page's letters.
    func matches(_ text: StaticString, at index: Int) -> Bool {
        let length = text.utf8CodeUnitCount
        guard index + length <= bytes.count else { return false }
        return text.withUTF8Buffer { pattern in
            for offset in 0..<length where Self.lower(bytes[index + offset]) != pattern[offset] { return false }
            return true
        }
    }

    /// The offset of the next `pattern` at or after `start`, byte for byte.
    func find(exactly pattern: [UInt8], from start: Int) -> Int? {
        guard let first = pattern.first else { return nil }
        var index = start
        while let candidate = next(first, from: index) {
            guard candidate + pattern.count <= bytes.count else { return nil }
            if memcmp(bytes.baseAddress! + candidate, pattern, pattern.count) == 0 { return candidate }
            index = candidate + 1
        }
        return nil
    }

    /// The offset of the next `text` (lower-case ASCII, starting with `<` or `-`), ignoring case.
    func find(_ text: StaticString, from start: Int) -> Int? {
        let first = text.withUTF8Buffer { $0[0] }
        var index = start
        while let candidate = next(first, from: index) {
            if matches(text, at: candidate) { return candidate }
            index = candidate + 1
        }
        return nil
    }

    func equalsIgnoringCase(_ range: Range<Int>, _ text: String) -> Bool {
        guard range.count == text.utf8.count else { return false }
        var index = range.lowerBound
        for byte in text.utf8 {
            if Self.lower(bytes[index]) != byte { return false }
            index += 1
        }
        return true
    }

    static func lower(_ byte: UInt8) -> UInt8 { (65...90).contains(byte) ? byte + 32 : byte }
    static func isLetter(_ byte: UInt8) -> Bool { (65...90).contains(byte) || (97...122).contains(byte) }
    static func isSpace(_ byte: UInt8) -> Bool { byte == 32 || byte == 9 || byte == 10 || byte == 13 || byte == 12 }
    static func isNameByte(_ byte: UInt8) -> Bool {
        (48...57).contains(byte) || (65...90).contains(byte) || (97...122).contains(byte) || byte == 45 || byte == 46 || byte == 95
    }

    static func decodeEntities(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "&")) else { return text }
        return text.replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "&quot;", with: "\"")
            .replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">")
    }
}
