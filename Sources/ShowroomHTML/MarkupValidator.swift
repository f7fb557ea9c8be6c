import CLibXML2
import Foundation

/// Parses XML (sitemaps, feeds) with libxml2 and reports what it could not make sense of; HTML pages are read by
/// `HTMLPageScan`.
public enum MarkupValidator {
    /// One problem libxml2 found, at its place in the document.
    public struct Problem: Sendable, Hashable {
        /// The 1-based line.
        public var line: Int
        /// The 1-based column.
        public var column: Int
        /// libxml2's message.
        public var message: String
    }

    /// Well-formedness errors in an XML document (sitemaps, feeds).
    public static func xmlProblems(_ xml: String) -> [Problem] {
        guard let context = xmlNewParserCtxt() else { return [Problem(line: 1, column: 1, message: "libxml2 could not start")] }
        defer { xmlFreeParserCtxt(context) }
        xmlSetStructuredErrorFunc(nil) { _, _ in }
        let document = xml.withCString { pointer in
            xmlCtxtReadMemory(context, pointer, Int32(strlen(pointer)), nil, "UTF-8", Int32(XML_PARSE_NONET.rawValue))
        }
        if let document { xmlFreeDoc(document) }
        guard let error = xmlCtxtGetLastError(context), error.pointee.code != 0 else { return [] }
        let message = error.pointee.message.map { String(cString: $0).trimmingCharacters(in: .whitespacesAndNewlines) } ?? "parse error"
        return [Problem(line: Int(error.pointee.line), column: Int(error.pointee.int2), message: message)]
    }
}
