import Foundation
import ShowroomCore

/// A Markdown file with its front matter read and checked; not yet rendered.
public struct PageSource: Sendable {
    /// Path relative to the workspace root (for messages and usage records).
    public var file: String
    /// Path inside the content root it came from, e.g. `news/launch.md` or `_index.md`.
    public var contentPath: String
    public var title: String
    public var description: String?
    public var date: Date?
    public var draft: Bool
    public var publishDate: Date?
    public var expiryDate: Date?
    public var slug: String?
    public var url: String?
    public var layout: String?
    public var tags: [String]
    public var weight: Int
    public var aliases: [String]
    /// Section `_index.md` only: write an Atom feed for the section.
    public var feed: Bool
    /// Front matter keys beyond the known ones, for templates (`page.params.x`).
    public var params: YAMLNode?
    /// The whole front matter, for values like `hero: asset:…` that templates read.
    public var frontMatter: YAMLNode
    /// Markdown after the front matter.
    public var body: String
    /// Line in the file where `body` starts (1-based), so Markdown errors point at the right line.
    public var bodyLine: Int
    /// A page bundle's own files (a page written as `<folder>/index.md`): every other file below its folder
    /// that is not Markdown, relative to the folder (`photo.jpg`, `img/map.png`). Empty for other pages.
    public var bundleFiles: [String] = []

    /// Whether the page is a bundle: `index.md` in a folder of its own.
    public var isBundle: Bool { contentPath.contains("/") && (contentPath as NSString).lastPathComponent == "index.md" }

    /// Whether this is a section's or the home page's `_index.md`.
    public var isIndex: Bool { (contentPath as NSString).lastPathComponent == "_index.md" }

    /// Front matter keys with a meaning of their own; the rest reach templates as `page.<key>`.
    public static let knownKeys: Set<String> = [
        "title", "description", "date", "draft", "publishDate", "expiryDate", "slug", "url", "layout", "tags",
        "weight", "aliases", "feed", "params",
    ]

    /// Keys that templates may read directly (e.g. `hero`, `summary`) without a warning.
    static let templateKeys: Set<String> = ["hero", "summary", "gallery", "model", "cta", "sort", "booking", "brochure", "image"]

    /// Splits front matter from the body and reads it.
    /// `news/spring-offer.md` → "Spring Offer", for pages without a `title`.
    static func title(fromFileName contentPath: String) -> String {
        let name = ((contentPath as NSString).lastPathComponent as NSString).deletingPathExtension
        return name.replacingOccurrences(of: "-", with: " ").capitalized
    }

    public static func parse(text: String, file: String, contentPath: String) -> (PageSource?, [Diagnostic]) {
        var frontText = ""
        var body = text
        var bodyLine = 1
        if text.hasPrefix("---\n") || text == "---" {
            // Scan line by line only through the front matter; the body is taken as one slice.
            let utf8 = text.utf8
            var lineStart = utf8.index(utf8.startIndex, offsetBy: min(4, utf8.count))
            var line = 2
            var closing: (start: String.Index, end: String.Index)?
            while lineStart < utf8.endIndex {
                let lineEnd = utf8[lineStart...].firstIndex(of: 0x0A) ?? utf8.endIndex
                let content = utf8[lineStart..<lineEnd]
                if content.elementsEqual("---".utf8) || content.elementsEqual("...".utf8) {
                    closing = (lineStart, lineEnd)
                    break
                }
                lineStart = lineEnd == utf8.endIndex ? lineEnd : utf8.index(after: lineEnd)
                line += 1
            }
            guard let closing else {
                return (nil, [.error(at: SourceLocation(file: file, line: 1, column: 1),
                                     "the front matter starts with `---` but never ends",
                                     hint: "add a line with only `---` after the last front matter line")])
            }
            let frontStart = utf8.index(utf8.startIndex, offsetBy: min(4, utf8.count))
            if utf8.distance(from: frontStart, to: closing.start) > InputLimits.frontMatterBytes {
                return (nil, [.error(at: SourceLocation(file: file, line: 1, column: 1),
                                     "the front matter is larger than \(InputLimits.shown(InputLimits.frontMatterBytes)), the most a page's may be",
                                     hint: "move long values into the page's body or into a file under shared/data")])
            }
            frontText = frontStart < closing.start ? String(text[frontStart..<closing.start]) : ""
            body = closing.end < text.endIndex ? String(text[text.index(after: closing.end)...]) : ""
            bodyLine = line + 1
        }
        let front: YAMLNode
        do {
            front = try YAMLNode.parse(frontText, file: file, lineOffset: 1)
        } catch {
            return (nil, [error])
        }
        if !front.isNull, front.pairs == nil {
            return (nil, [.error(at: front.location, "the front matter must be a mapping of `key: value` lines, found \(front.kindName)",
                                 hint: "write e.g. `title: Aurora launch` between the `---` lines")])
        }
        var reader = FieldReader(front, what: "front matter")
        let title = reader.string("title") ?? Self.title(fromFileName: contentPath)
        let page = PageSource(
            file: file, contentPath: contentPath, title: title, description: reader.string("description"),
            date: reader.date("date"), draft: reader.bool("draft") ?? false, publishDate: reader.date("publishDate"),
            expiryDate: reader.date("expiryDate"), slug: reader.string("slug"), url: reader.string("url"),
            layout: reader.string("layout"), tags: reader.strings("tags"), weight: reader.int("weight") ?? 0,
            aliases: reader.strings("aliases"), feed: reader.bool("feed") ?? false, params: reader.field("params"),
            frontMatter: front, body: body, bodyLine: bodyLine)
        if let slug = page.slug, let problem = LinkRules.segmentProblem(slug) {
            reader.report(.error(at: front["slug"]?.location, "`slug` must be one URL segment, found `\(slug)`: \(problem)",
                                 hint: "write e.g. `slug: spring-offer`, or use `url:` for a full path"))
        }
        if let url = page.url, let problem = LinkRules.sitePathProblem(url) {
            reader.report(.error(at: front["url"]?.location, "`url` must be a path inside the site, found `\(url)`: \(problem)",
                                 hint: "write e.g. `url: /offers/spring/`; a link to another site belongs in the page's body"))
        }
        for alias in page.aliases {
            if let problem = LinkRules.sitePathProblem(alias.hasPrefix("/") ? alias : "/" + alias) {
                let location = front["aliases"]?.items?.first { $0.scalarText == alias }?.location ?? front["aliases"]?.location
                reader.report(.error(at: location, "the alias `\(alias)` must be an old path of this site: \(problem)",
                                     hint: "write e.g. `aliases: [/old-offer/]`"))
            }
        }
        let diagnostics = reader.finish(allowing: templateKeys)
        return (diagnostics.hasErrors ? nil : page, diagnostics)
    }

    /// Whether the page is published at `now`: not a draft (unless drafts are wanted), past its publish date,
    /// before its expiry date.
    public func isLive(at now: Date, includeDrafts: Bool) -> Bool {
        if draft && !includeDrafts { return false }
        if let publishDate, publishDate > now { return false }
        if let expiryDate, expiryDate <= now { return false }
        return true
    }
}
