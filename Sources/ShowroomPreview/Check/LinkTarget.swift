import Foundation
import ShowroomCore

/// Where a link in a built page leads inside the fleet: which site, which path, which anchor.
struct LinkTarget: Sendable, Hashable {
    var site: String
    /// Root-relative path, percent-decoded, e.g. `/news/aurora-launch/` or `/assets/logo.3f9a.png`.
    var path: String
    /// The anchor after `#`, percent-decoded; nil when the link has none.
    var fragment: String?

    /// Resolves `href` as written in the page at `pageURL` of `site`. Returns nil for links that leave the
    /// fleet (`https://elsewhere`, `mailto:`, `tel:`, `//host`). Absolute links into a fleet site (its
    /// `baseURL`) resolve into that site.
    static func resolve(_ href: String, site: String, pageURL: String, baseURLs: [(prefix: String, site: String)]) -> LinkTarget? {
        var reference = href.trimmed
        guard !reference.isEmpty, !reference.hasPrefix("//") else { return nil }
        var targetSite = site
        if hasScheme(reference) {
            guard let match = baseURLs.first(where: { reference.hasPrefix($0.prefix) }) else { return nil }
            targetSite = match.site
            reference = "/" + reference.dropFirst(match.prefix.count)
        }
        var fragment: String?
        if let hash = reference.firstIndex(of: "#") {
            fragment = String(reference[reference.index(after: hash)...])
            reference = String(reference[..<hash])
        }
        if let query = reference.firstIndex(of: "?") { reference = String(reference[..<query]) }

        var path: String
        if reference.isEmpty {
            path = pageURL
        } else if reference.hasPrefix("/") {
            path = reference
        } else {
            let folder = pageURL.hasSuffix("/") ? pageURL : String(pageURL[...(pageURL.lastIndex(of: "/") ?? pageURL.startIndex)])
            path = folder + reference
        }
        path = normalize(path)
        return LinkTarget(site: targetSite, path: decoded(path), fragment: fragment.map(decoded).flatMap { $0.isEmpty ? nil : $0 })
    }

    /// `text` percent-decoded (as written when it is not valid percent-encoding).
    private static func decoded(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "%")) else { return text }
        return text.removingPercentEncoding ?? text
    }

    /// Whether `reference` starts with a URL scheme (`https:`, `mailto:`): a letter, then letters, digits,
    /// `+`, `-` or `.`, then a colon.
    static func hasScheme(_ reference: String) -> Bool {
        var bytes = reference.utf8.makeIterator()
        guard let first = bytes.next(), (first | 0x20) >= UInt8(ascii: "a"), (first | 0x20) <= UInt8(ascii: "z") else { return false }
        while let byte = bytes.next() {
            switch byte {
            case UInt8(ascii: ":"): return true
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."): continue
            default: return false
            }
        }
        return false
    }

    /// Removes `.` and `..` segments, keeping a trailing slash.
    static func normalize(_ path: String) -> String {
        var segments: [Substring] = []
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        for part in parts.dropFirst() {
            switch part {
            case ".": continue
            case "..": if !segments.isEmpty { segments.removeLast() }
            default: segments.append(part)
            }
        }
        if let last = parts.last, last == "." || last == ".." { segments.append("") }
        return "/" + segments.joined(separator: "/")
    }

    /// The root-relative URL a built file answers at: `news/x/index.html` → `/news/x/`, `404.html` → `/404.html`.
    static func url(ofOutputPath path: String) -> String {
        if path == "index.html" { return "/" }
        if path.hasSuffix("/index.html") { return "/" + path.dropLast("index.html".count) }
        return "/" + path
    }
}
