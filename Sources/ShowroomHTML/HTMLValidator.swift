import CLibXML2
import Foundation

/// Parses HTML or XML with libxml2 and reports what it could not make sense of.
public enum MarkupValidator {
    public struct Problem: Sendable, Hashable {
        public var line: Int
        public var column: Int
        public var message: String
    }

    /// Parse errors in an HTML page (unclosed or unknown tags are libxml2's HTML errors).
    public static func htmlProblems(_ html: String) -> [Problem] {
        collect { context in
            html.withCString { pointer in
                htmlCtxtReadMemory(context.html, pointer, Int32(strlen(pointer)), nil, "UTF-8",
                                   Int32(HTML_PARSE_NONET.rawValue | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NOBLANKS.rawValue))
            }
        }
    }

    /// Well-formedness errors in an XML document (sitemaps, feeds).
    public static func xmlProblems(_ xml: String) -> [Problem] {
        collect { context in
            xml.withCString { pointer in
                xmlCtxtReadMemory(context.xml, pointer, Int32(strlen(pointer)), nil, "UTF-8", Int32(XML_PARSE_NONET.rawValue))
            }
        }
    }

    private struct Contexts {
        var html: htmlParserCtxtPtr?
        var xml: xmlParserCtxtPtr?
    }

    private static func collect(_ parse: (Contexts) -> xmlDocPtr?) -> [Problem] {
        let html = htmlNewParserCtxt()
        let xml = xmlNewParserCtxt()
        defer {
            htmlFreeParserCtxt(html)
            xmlFreeParserCtxt(xml)
        }
        xmlSetStructuredErrorFunc(nil) { _, _ in }
        let document = parse(Contexts(html: html, xml: xml))
        if let document { xmlFreeDoc(document) }
        var problems: [Problem] = []
        for context in [html, xml] {
            guard let context, let error = xmlCtxtGetLastError(context), error.pointee.code != 0 else { continue }
            let message = error.pointee.message.map { String(cString: $0).trimmingCharacters(in: .whitespacesAndNewlines) } ?? "parse error"
            problems.append(Problem(line: Int(error.pointee.line), column: Int(error.pointee.int2), message: message))
        }
        return problems
    }
}
