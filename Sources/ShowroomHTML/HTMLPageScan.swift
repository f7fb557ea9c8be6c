import CLibXML2
import Foundation
import ShowroomCore

/// One built HTML page as libxml2's HTML parser reads it, for `showroom check`: its parse errors, the links it
/// makes, the anchors it offers and how many tracking snippets it carries. The project's one HTML reader.
public struct HTMLPageScan: Sendable {
    /// A link or embedded resource in the page, with the line of its element in the built file.
    public struct Link: Sendable, Hashable {
        /// The `href` or `src` as written.
        public var target: String
        /// The line of the element in the built file.
        public var line: Int
        /// Whether a `#fragment` of this link must name an anchor (`<a href>`, `<area href>`); resources
        /// (`<img src>`, `<link href>`) only need their file.
        public var isNavigation: Bool
    }

    /// A problem libxml2's parser reported, at its place in the built file.
    public struct ParseError: Sendable, Hashable {
        /// The 1-based line.
        public var line: Int
        /// The 1-based column.
        public var column: Int
        /// libxml2's message.
        public var message: String
    }

    /// What the parser could not make sense of (HTML5 elements libxml2 does not know left out).
    public var errors: [ParseError] = []
    /// Every link and embedded resource, in page order.
    public var links: [Link] = []
    /// Every `id`, and every `name` of an `<a>`: the targets `#fragment`s may point at.
    public var anchors: Set<String> = []
    /// How many tracking snippets the page carries (exactly one is right).
    public var trackingSnippets = 0

    /// libxml2 2.9 does not know the HTML5 elements and reports each as an error; they are valid HTML.
    static let html5Elements: Set<String> = [
        "article", "aside", "audio", "bdi", "canvas", "data", "datalist", "details", "dialog", "figcaption", "figure",
        "footer", "header", "main", "mark", "meter", "nav", "output", "picture", "progress", "section", "source",
        "summary", "template", "time", "track", "video", "wbr", "svg", "path", "circle", "rect", "g", "use", "symbol",
        "line", "polyline", "polygon", "ellipse", "defs", "lineargradient", "radialgradient", "stop", "clippath",
        "mask", "text", "tspan", "search", "slot", "math",
    ]

    /// Reads `html`; `snippetMarker` is the attribute that marks the tracking snippet's `<script>`.
    ///
    /// The page is read with libxml2's HTML parser through its SAX interface: the parser reports each element
    /// with its attributes and every error, and no document tree is built, which would cost more than the
    /// reading itself.
    public static func scan(_ html: String, snippetMarker: String) -> HTMLPageScan {
        var text = html
        return text.withUTF8 { scan(utf8: $0, snippetMarker: snippetMarker) }
    }

    /// Reads a page given as its UTF-8 bytes (as the build writes it).
    public static func scan(_ utf8: [UInt8], snippetMarker: String) -> HTMLPageScan {
        utf8.withUnsafeBufferPointer { scan(utf8: $0, snippetMarker: snippetMarker) }
    }

    private static func scan(utf8 bytes: UnsafeBufferPointer<UInt8>, snippetMarker: String) -> HTMLPageScan {
        let reader = SAXReader(marker: snippetMarker)
        var collector = ErrorCollector()
        var parsed = false
        withUnsafeMutablePointer(to: &collector) { pointer in
            xmlSetStructuredErrorFunc(pointer) { context, error in
                guard let context, let error else { return }
                let collector = context.assumingMemoryBound(to: ErrorCollector.self)
                if error.pointee.code == XML_HTML_UNKNOWN_TAG.rawValue, let name = error.pointee.str1.map({ String(cString: $0) }),
                   HTMLPageScan.html5Elements.contains(name.lowercased()) {
                    return
                }
                guard error.pointee.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
                let message = error.pointee.message.map { String(cString: $0).trimmed } ?? "parse error"
                collector.pointee.errors.append(ParseError(line: Int(error.pointee.line), column: Int(error.pointee.int2), message: message))
            }
            defer { xmlSetStructuredErrorFunc(nil, nil) }
            do {
                guard bytes.count > 0 else { return }
                // Elements only: no text, comments or document tree. The handler's other members stay nil.
                var handler = htmlSAXHandler()
                handler.startElement = { context, name, attributes in
                    guard let context, let name,
                          let reader = context.assumingMemoryBound(to: xmlParserCtxt.self).pointee._private else { return }
                    let line = Int(xmlSAX2GetLineNumber(context))
                    Unmanaged<SAXReader>.fromOpaque(reader).takeUnretainedValue().element(name, attributes, line: line)
                }
                guard let context = htmlCreatePushParserCtxt(&handler, nil, nil, 0, nil, XML_CHAR_ENCODING_UTF8) else { return }
                defer { htmlFreeParserCtxt(context) }
                _ = htmlCtxtUseOptions(context, Int32(HTML_PARSE_NONET.rawValue | HTML_PARSE_NOWARNING.rawValue))
                context.pointee._private = Unmanaged.passUnretained(reader).toOpaque()
                // The status is libxml2's last error number, also for the HTML5 elements left out above.
                _ = bytes.withMemoryRebound(to: CChar.self) { chars in htmlParseChunk(context, chars.baseAddress, Int32(chars.count), 1) }
                parsed = true
                if let document = context.pointee.myDoc {
                    xmlFreeDoc(document)
                    context.pointee.myDoc = nil
                }
            }
        }
        var scan = reader.scan
        scan.errors = collector.errors
        if !parsed && scan.errors.isEmpty { scan.errors.append(ParseError(line: 1, column: 1, message: "the page cannot be parsed as HTML")) }
        return scan
    }

    private struct ErrorCollector {
        var errors: [ParseError] = []
    }

    /// Collects what the parser reports, element by element. A class, so the parser's C callback reaches it
    /// through the context's private pointer.
    private final class SAXReader {
        var scan = HTMLPageScan()
        let marker: [UInt8]

        init(marker: String) {
            self.marker = Array(marker.utf8) + [0]
        }

        /// One element: libxml2's HTML parser gives element and attribute names in lowercase, so names are
        /// compared as bytes and no Swift string is made except for the values kept.
        func element(_ name: UnsafePointer<xmlChar>, _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?, line: Int) {
            let kind: (linkAttribute: StaticString, isNavigation: Bool)?
            if named(name, "a") || named(name, "area") {
                kind = ("href", true)
            } else if named(name, "link") {
                kind = ("href", false)
            } else if named(name, "img") || named(name, "script") || named(name, "iframe") || named(name, "source")
                        || named(name, "video") || named(name, "audio") {
                kind = ("src", false)
            } else {
                kind = nil
            }
            let isAnchorElement = named(name, "a")
            let isScript = named(name, "script")
            guard var pair = attributes else { return }
            while let attributeName = pair.pointee {
                let value = pair.advanced(by: 1).pointee.map { String(cString: $0) } ?? ""
                if named(attributeName, "id") || (isAnchorElement && named(attributeName, "name")) { scan.anchors.insert(value) }
                if let kind, named(attributeName, kind.linkAttribute) {
                    scan.links.append(Link(target: value, line: line, isNavigation: kind.isNavigation))
                }
                if isScript, marker.withUnsafeBufferPointer({ strcmp(UnsafeRawPointer(attributeName).assumingMemoryBound(to: CChar.self),
                                                                     UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self)) == 0 }) {
                    scan.trackingSnippets += 1
                }
                pair = pair.advanced(by: 2)
            }
        }

        /// Whether libxml2's (lowercase) name is `name`.
        private func named(_ xmlName: UnsafePointer<xmlChar>, _ name: StaticString) -> Bool {
            strcmp(UnsafeRawPointer(xmlName).assumingMemoryBound(to: CChar.self),
                   UnsafeRawPointer(name.utf8Start).assumingMemoryBound(to: CChar.self)) == 0
        }
    }
}
