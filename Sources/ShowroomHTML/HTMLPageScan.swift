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
    public static func scan(_ html: String, snippetMarker: String) -> HTMLPageScan {
        var collector = ErrorCollector()
        let document: htmlDocPtr? = withUnsafeMutablePointer(to: &collector) { pointer in
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
            return html.withCString { bytes in
                htmlReadMemory(bytes, Int32(strlen(bytes)), nil, "UTF-8",
                               Int32(HTML_PARSE_NONET.rawValue | HTML_PARSE_NOWARNING.rawValue))
            }
        }
        var scan = HTMLPageScan(errors: collector.errors)
        guard let document else {
            if scan.errors.isEmpty { scan.errors.append(ParseError(line: 1, column: 1, message: "the page cannot be parsed as HTML")) }
            return scan
        }
        defer { xmlFreeDoc(document) }
        scan.walk(xmlDocGetRootElement(document), snippetMarker: snippetMarker)
        return scan
    }

    private struct ErrorCollector {
        var errors: [ParseError] = []
    }

    /// Reads each element's name and attributes once, comparing bytes: libxml2's HTML parser gives element and
    /// attribute names in lowercase, so no Swift string is made except for the values kept.
    private mutating func walk(_ first: xmlNodePtr?, snippetMarker: String) {
        let marker = Array(snippetMarker.utf8) + [0]
        var node = first
        var stack: [xmlNodePtr] = []
        while let current = node {
            if current.pointee.type == XML_ELEMENT_NODE {
                visit(current, marker: marker)
                if let child = current.pointee.children {
                    stack.append(current)
                    node = child
                    continue
                }
            }
            node = current.pointee.next
            while node == nil, let parent = stack.popLast() { node = parent.pointee.next }
        }
    }

    private mutating func visit(_ element: xmlNodePtr, marker: [UInt8]) {
        let name = element.pointee.name!
        let kind: (linkAttribute: StaticString, isNavigation: Bool)?
        if Self.named(name, "a") || Self.named(name, "area") {
            kind = ("href", true)
        } else if Self.named(name, "link") {
            kind = ("href", false)
        } else if Self.named(name, "img") || Self.named(name, "script") || Self.named(name, "iframe") || Self.named(name, "source")
                    || Self.named(name, "video") || Self.named(name, "audio") {
            kind = ("src", false)
        } else {
            kind = nil
        }
        let isAnchorElement = Self.named(name, "a")
        let isScript = Self.named(name, "script")
        var attribute = element.pointee.properties
        while let current = attribute {
            let attributeName = current.pointee.name!
            if Self.named(attributeName, "id") || (isAnchorElement && Self.named(attributeName, "name")) {
                anchors.insert(Self.value(of: current))
            }
            if let kind, Self.named(attributeName, kind.linkAttribute) {
                links.append(Link(target: Self.value(of: current), line: Int(xmlGetLineNo(element)), isNavigation: kind.isNavigation))
            }
            if isScript, marker.withUnsafeBufferPointer({ strcmp(UnsafeRawPointer(attributeName).assumingMemoryBound(to: CChar.self),
                                                                 UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self)) == 0 }) {
                trackingSnippets += 1
            }
            attribute = current.pointee.next
        }
    }

    /// Whether libxml2's (lowercase) name is `name`.
    private static func named(_ xmlName: UnsafePointer<xmlChar>, _ name: StaticString) -> Bool {
        strcmp(UnsafeRawPointer(xmlName).assumingMemoryBound(to: CChar.self),
               UnsafeRawPointer(name.utf8Start).assumingMemoryBound(to: CChar.self)) == 0
    }

    /// An attribute's value (empty for a bare attribute), read from the node without copying through libxml2.
    private static func value(of attribute: xmlAttrPtr) -> String {
        var value = ""
        var child = attribute.pointee.children
        while let text = child {
            if let content = text.pointee.content { value += String(cString: content) }
            child = text.pointee.next
        }
        return value
    }
}
