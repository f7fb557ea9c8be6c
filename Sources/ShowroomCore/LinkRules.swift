import Foundation

/// What an address written by an author may be, wherever it is read: a link in a page, a menu entry,
/// the collection service's address, a page's own `url:`. One set of rules, so a setting is refused where
/// it is read with the same words the template engine uses when it refuses a value in an `href`.
public enum LinkRules {
    /// Schemes a link may use; everything else (`javascript:`, `data:`, `vbscript:`, `file:` …) can run code
    /// or reach outside the web.
    package static let allowedSchemes: Set<String> = ["http", "https", "mailto", "tel"]

    /// Why `text` may not be a link's address, or nil when it may: relative addresses and the http, https,
    /// mailto and tel schemes pass. Character references and the spaces and control characters browsers
    /// ignore inside a scheme are taken out first, so `java&#115;cript:` and `java\tscript:` are caught.
    public static func activeSchemeProblem(_ text: String) -> String? {
        let decoded = decodeReferences(text)
        var scheme = ""
        for scalar in decoded.unicodeScalars {
            if scalar.value <= 0x20 || scalar.value == 0x7F { continue }
            if scalar == ":" {
                let name = scheme.lowercased()
                return scheme.isEmpty || allowedSchemes.contains(name) ? nil : "the `\(name):` scheme is not allowed in a link"
            }
            if scalar == "/" || scalar == "?" || scalar == "#" || scalar == "\\" { return nil }
            scheme.unicodeScalars.append(scalar)
        }
        return nil
    }

    /// Why `address` cannot be the base of a web service or site (`collector:`, `baseURL:`), or nil: it is
    /// `http://` or `https://`, a host, and an optional path, with nothing that would end an attribute or a
    /// line (quotes, `<`, `>`, `\`, spaces, control characters).
    public static func serviceAddressProblem(_ address: String) -> String? {
        let lowered = address.lowercased()
        guard let scheme = ["https://", "http://"].first(where: lowered.hasPrefix) else {
            return "it must start with https:// or http://"
        }
        let rest = address.dropFirst(scheme.count)
        let host = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        if host.isEmpty || host.hasPrefix(":") { return "it names no host" }
        if address.unicodeScalars.contains(where: { $0.value <= 0x20 || $0.value == 0x7F || "\"'<>\\`".unicodeScalars.contains($0) }) {
            return "it contains a space, a quote, `<`, `>`, `\\` or a control character"
        }
        if host.contains("@") { return "`@` in the host hides the real host behind a user name" }
        return nil
    }

    /// Why `path` cannot be a page's address inside its site (a `url:`, an alias, a menu's own page), or nil:
    /// it starts with `/`, names no other host (`//host`, `/\host`), and has no `.` or `..` segment (written
    /// plainly or as `%2e`), no `?` or `#`, and no control characters. Every such path stays inside the
    /// site's output folder when it becomes a file.
    public static func sitePathProblem(_ path: String) -> String? {
        guard path.hasPrefix("/") else { return "it must start with `/`" }
        if path.hasPrefix("//") || path.hasPrefix("/\\") { return "`//` at the start names another web site" }
        if path.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) { return "it contains a control character" }
        if path.contains("\\") { return "`\\` is not allowed in a path (browsers read it as `/`)" }
        if path.contains("?") || path.contains("#") { return "`?` and `#` cannot be part of a page's path" }
        for segment in path.split(separator: "/", omittingEmptySubsequences: false).dropFirst() {
            if let problem = segmentProblem(String(segment), allowEmpty: true) { return problem }
        }
        if path.contains("//") { return "`//` inside the path makes an empty folder name" }
        return nil
    }

    /// Why `segment` cannot be one folder or file name of an output path (a `slug:`, a mount's `into:`), or nil.
    public static func segmentProblem(_ segment: String, allowEmpty: Bool = false) -> String? {
        if segment.isEmpty { return allowEmpty ? nil : "it is empty" }
        let decoded = segment.lowercased().replacingOccurrences(of: "%2e", with: ".")
        if decoded == "." || decoded == ".." { return "`\(segment)` would leave the folder it belongs in" }
        if segment.contains("/") || segment.contains("\\") { return "it must be one name, without `/`" }
        if segment.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) { return "it contains a control character" }
        return nil
    }

    /// Whether `relativePath` (a file inside an output folder, `news/launch/index.html`) stays inside that
    /// folder: not absolute, no `.` or `..` segment. The writers check it last, whatever made the path.
    public static func staysInside(relativePath: String) -> Bool {
        var segmentLength = 0
        var dots = 0
        for byte in relativePath.utf8 {
            if byte == UInt8(ascii: "/") {
                if segmentLength == 0 || (segmentLength == dots && dots <= 2) { return false }
                segmentLength = 0
                dots = 0
            } else {
                if byte == 0 { return false }
                segmentLength += 1
                if byte == UInt8(ascii: ".") { dots += 1 }
            }
        }
        return segmentLength > 0 && !(segmentLength == dots && dots <= 2)
    }

    /// `&#106;`, `&#x6A;`, `&colon;`, `&Tab;`, `&NewLine;`, `&amp;`, `&lt;` and the like, decoded (for the scheme check
    /// and `HTMLEscaping.plainText`).
    package static func decodeReferences(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "&")) else { return text }
        var result = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            result += rest[..<amp]
            let after = rest[rest.index(after: amp)...]
            // A numeric reference ends at its last digit, `;` or not (`&#106avascript:` is `javascript:` to a browser).
            let name: Substring
            if after.hasPrefix("#x") || after.hasPrefix("#X") {
                name = after.prefix(2 + after.dropFirst(2).prefix { $0.isHexDigit }.count)
            } else if after.hasPrefix("#") {
                name = after.prefix(1 + after.dropFirst().prefix { $0.isASCII && $0.isNumber }.count)
            } else {
                name = after.prefix { $0.isLetter || $0.isNumber }
            }
            var consumed = name.endIndex
            if consumed < after.endIndex, after[consumed] == ";" { consumed = after.index(after: consumed) }
            var decoded: String? = nil
            if name.hasPrefix("#x") || name.hasPrefix("#X") {
                decoded = UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { String($0) }
            } else if name.hasPrefix("#") {
                decoded = UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init).map { String($0) }
            } else {
                decoded = ["colon": ":", "tab": "\t", "newline": "\n", "amp": "&", "sol": "/", "quot": "\"", "lt": "<", "gt": ">",
                           "apos": "'", "nbsp": "\u{00A0}"][name.lowercased()]
            }
            if let decoded {
                result += decoded
                rest = after[consumed...]
            } else {
                result += "&"
                rest = after
            }
        }
        return result + rest
    }
}
