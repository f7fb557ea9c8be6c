/// Reads a template's literal text as HTML, just far enough to know where the next tag lands: element
/// text, an attribute (and which one), a URL, CSS, a script (and whether inside a string), a comment.
/// It runs once, when the template compiles; sections are read in the order they are written.
struct HTMLContextScanner {
    private enum State: Equatable {
        case text
        /// After `<name` or between attributes.
        case inTag
        case attributeName
        /// After `name=`, before the value.
        case beforeValue
        case value(quote: UInt8?)
        case comment
        /// Inside `<script>`, `<style>`, `<title>` or `<textarea>` until the matching end tag.
        case rawText
    }

    private enum Element { case script, style, escapable, other }

    private var state = State.text
    private var tagName: [UInt8] = []
    private var readingTagName = false
    private var isEndTag = false
    private var attributeName: [UInt8] = []
    /// Whether literal text came before the next tag inside the current attribute value.
    private var valueHasText = false
    /// The first bytes of the current attribute value, lower case (to recognise `http-equiv="refresh"`).
    private var valueText: [UInt8] = []
    private var refresh = false
    private var element = Element.other
    private var rawEnd: [UInt8] = []
    /// Inside a script: the open string's quote, if any, and comments.
    private var jsQuote: UInt8? = nil
    private var jsEscape = false
    private var recent: [UInt8] = []

    /// The context a tag standing at the current position writes into.
    var context: OutputContext {
        switch state {
        case .text: return .text
        case .comment: return .comment
        case .inTag, .attributeName, .beforeValue: return .tag
        case .rawText:
            switch element {
            case .script: return .script(inString: jsQuote != nil, inAttribute: false)
            case .style: return .css(inAttribute: false)
            default: return .text
            }
        case .value(let quote):
            let name = String(decoding: attributeName, as: UTF8.self).lowercased()
            let quoted = quote != nil
            if name == "style" { return .css(inAttribute: true) }
            if name.hasPrefix("on") && name.count > 2 { return .script(inString: jsQuote != nil, inAttribute: true) }
            if Self.urlAttributes.contains(name) || (name == "content" && refresh) {
                return .url(start: !valueHasText, list: name == "srcset", quoted: quoted)
            }
            return .attribute(quoted: quoted)
        }
    }

    static let urlAttributes: Set<String> = [
        "href", "src", "action", "formaction", "poster", "srcset", "cite", "background", "data", "xlink:href", "ping",
    ]

    mutating func feed(_ text: [UInt8]) {
        for byte in text { step(byte) }
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
    }

    private static func lowered(_ byte: UInt8) -> UInt8 {
        isLetter(byte) ? byte | 0x20 : byte
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D
    }

    private mutating func step(_ byte: UInt8) {
        recent.append(byte)
        if recent.count > 12 { recent.removeFirst(recent.count - 12) }
        switch state {
        case .text:
            if byte == UInt8(ascii: "<") { return }
            if recent.count >= 2, recent[recent.count - 2] == UInt8(ascii: "<") {
                if Self.isLetter(byte) || byte == UInt8(ascii: "/") {
                    state = .inTag
                    isEndTag = byte == UInt8(ascii: "/")
                    tagName = isEndTag ? [] : [Self.lowered(byte)]
                    readingTagName = true
                    refresh = false
                } else if byte == UInt8(ascii: "!") {
                    // `<!--` opens a comment; `<!doctype …>` is read like a tag.
                    state = .inTag
                    tagName = [byte]
                    readingTagName = true
                }
            }
        case .comment:
            if recent.count >= 3, recent.suffix(3).elementsEqual("-->".utf8) { state = .text }
        case .rawText:
            stepRaw(byte)
        case .inTag, .attributeName:
            if readingTagName {
                if tagName == Array("!-".utf8), byte == UInt8(ascii: "-") {
                    state = .comment
                    readingTagName = false
                    return
                }
                if !Self.isSpace(byte) && byte != UInt8(ascii: ">") && byte != UInt8(ascii: "/") {
                    tagName.append(Self.lowered(byte))
                    return
                }
                readingTagName = false
            }
            if byte == UInt8(ascii: ">") {
                endTag()
            } else if byte == UInt8(ascii: "=") && state == .attributeName {
                state = .beforeValue
            } else if Self.isSpace(byte) || byte == UInt8(ascii: "/") {
                if state == .attributeName { state = .inTag }
            } else if state == .inTag {
                attributeName = [Self.lowered(byte)]
                state = .attributeName
            } else {
                attributeName.append(Self.lowered(byte))
            }
        case .beforeValue:
            if Self.isSpace(byte) { return }
            valueHasText = false
            jsQuote = nil
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                state = .value(quote: byte)
            } else if byte == UInt8(ascii: ">") {
                endTag()
            } else {
                state = .value(quote: nil)
                valueHasText = true
            }
        case .value(let quote):
            if let quote, byte == quote {
                finishValue()
                state = .inTag
            } else if quote == nil, Self.isSpace(byte) || byte == UInt8(ascii: ">") {
                finishValue()
                state = .inTag
                if byte == UInt8(ascii: ">") { endTag() }
            } else {
                valueHasText = true
                if attributeName.starts(with: "on".utf8) { stepScript(byte) }
                recordValue(byte)
            }
        }
    }

    private mutating func recordValue(_ byte: UInt8) {
        if valueText.count < 16 { valueText.append(Self.lowered(byte)) }
    }

    private mutating func finishValue() {
        if attributeName == Array("http-equiv".utf8), valueText == Array("refresh".utf8) { refresh = true }
        valueText = []
        jsQuote = nil
    }

    private mutating func endTag() {
        state = .text
        let name = String(decoding: tagName, as: UTF8.self)
        guard !isEndTag else { return }
        switch name {
        case "script": element = .script
        case "style": element = .style
        case "title", "textarea": element = .escapable
        default: return
        }
        rawEnd = Array("</\(name)".utf8)
        jsQuote = nil
        jsEscape = false
        jsComment = .none
        state = .rawText
    }

    private mutating func stepRaw(_ byte: UInt8) {
        if element == .script { stepScript(byte) }
        guard recent.count >= rawEnd.count,
              recent.suffix(rawEnd.count).map(Self.lowered) == rawEnd else { return }
        // `</script` ends the element wherever it stands; its `>` is read like any tag's.
        state = .inTag
        isEndTag = true
        tagName = Array(rawEnd.dropFirst(2))
        readingTagName = false
        jsQuote = nil
        jsComment = .none
    }

    private enum ScriptComment { case none, line, block }
    private var jsComment = ScriptComment.none

    /// Follows JavaScript strings and comments, so a tag inside quotes is escaped as string content and a
    /// quote inside a comment opens nothing.
    private mutating func stepScript(_ byte: UInt8) {
        let previous = recent.count >= 2 ? recent[recent.count - 2] : 0
        switch jsComment {
        case .line:
            if byte == 0x0A { jsComment = .none }
            return
        case .block:
            if previous == UInt8(ascii: "*") && byte == UInt8(ascii: "/") { jsComment = .none }
            return
        case .none:
            break
        }
        if let quote = jsQuote {
            if jsEscape { jsEscape = false } else if byte == UInt8(ascii: "\\") { jsEscape = true } else if byte == quote { jsQuote = nil }
        } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") || byte == UInt8(ascii: "`") {
            jsQuote = byte
        } else if previous == UInt8(ascii: "/") && byte == UInt8(ascii: "/") {
            jsComment = .line
        } else if previous == UInt8(ascii: "/") && byte == UInt8(ascii: "*") {
            jsComment = .block
        }
    }
}
