import CLibXML2
import Foundation

/// Writes well-formed XML (sitemaps, feeds) through libxml2's text writer, which escapes every value.
public final class XMLWriter {
    private let buffer: xmlBufferPtr
    private let writer: xmlTextWriterPtr

    /// A writer with the XML declaration written, indenting by two spaces.
    public init() {
        buffer = xmlBufferCreate()
        writer = xmlNewTextWriterMemory(buffer, 0)
        xmlTextWriterSetIndent(writer, 1)
        xmlTextWriterSetIndentString(writer, "  ")
        xmlTextWriterStartDocument(writer, "1.0", "UTF-8", nil)
    }

    deinit {
        xmlFreeTextWriter(writer)
        xmlBufferFree(buffer)
    }

    /// Opens element `name`, declaring `namespace` as its default when given; close it with `end()`.
    public func start(_ name: String, namespace: String? = nil) {
        xmlTextWriterStartElement(writer, name)
        if let namespace { xmlTextWriterWriteAttribute(writer, "xmlns", namespace) }
    }

    /// Adds an attribute to the element just opened; `value` is escaped.
    public func attribute(_ name: String, _ value: String) {
        xmlTextWriterWriteAttribute(writer, name, value)
    }

    /// Closes the innermost open element.
    public func end() { xmlTextWriterEndElement(writer) }

    /// `<name>text</name>`, with the text escaped.
    public func element(_ name: String, _ text: String, attributes: [(String, String)] = []) {
        start(name)
        for (key, value) in attributes { attribute(key, value) }
        xmlTextWriterWriteString(writer, text)
        end()
    }

    /// Closes every open element and returns the document.
    public func finish() -> String {
        xmlTextWriterEndDocument(writer)
        xmlTextWriterFlush(writer)
        guard let content = xmlBufferContent(buffer) else { return "" }
        return String(cString: content)
    }
}
