import Foundation
import ShowroomCore

/// A Markdown file with its front matter read and checked; not yet rendered.
public struct PageSource: Sendable {
    /// Path relative to the workspace root (for messages and usage records).
    public var file: String
    /// Path inside the content root it came from, e.g. `news/launch.md` or `_index.md`.
    public var contentPath: String
    /// The page's title (from the file name when the front matter has none).
    public var title: String
    /// The summary for listings and the `description` meta tag.
    public var description: String?
    /// `date`, `publishDate` and `expiryDate` as written; `date`, `moment`, `publishDate` and `expiryDate` below
    /// read them, in `timeZone` when they name no zone of their own.
    package var writtenDate: WrittenDate?
    /// Whether the page is a draft, built only when drafts are asked for.
    public var draft: Bool
    /// `publishDate` as written: the page is not built before it.
    package var writtenPublishDate: WrittenDate?
    /// `expiryDate` as written: the page is not built from it on.
    package var writtenExpiryDate: WrittenDate?
    /// The time zone of dates written without one: UTC when the page is read, its site's once it is placed on one.
    public var timeZone: TimeZone = WrittenDate.utc
    /// The last part of the page's address instead of the file name.
    public var slug: String?
    /// The page's whole address instead of the one its folder and file name give.
    public var url: String?
    /// The template the page is rendered with instead of its kind's default.
    public var layout: String?
    /// The page's tags; on a shared page they decide which sites mount it.
    public var tags: [String]
    /// Where the page comes in its section's order (lower first).
    public var weight: Int
    /// Former addresses of the page: each gets a page that redirects here.
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
    /// The hash of the file's whole text (front matter and body) as read, for the build records: a page
    /// whose text, place and surroundings are unchanged can keep its output.
    public var sourceHash = StableHash(high: 0, low: 0)

    /// Whether the page is a bundle: `index.md` in a folder of its own.
    public var isBundle: Bool { contentPath.hasSuffix("/index.md") }

    /// Whether this is a section's or the home page's `_index.md`.
    public var isIndex: Bool { contentPath == "_index.md" || contentPath.hasSuffix("/_index.md") }

    /// The page's date for showing (`page.date`, feeds, the site's year): its day and time as written, in the
    /// zone the author wrote them in, carried as the `Date` whose UTC fields they are (`WrittenDate.asWritten`).
    /// Order pages by `moment`, never by this.
    public var date: Date? { writtenDate?.asWritten }
    /// The moment the page's date names (read in `timeZone` when it names no zone), for ordering pages.
    public var moment: Date? { writtenDate?.date(in: timeZone) }
    /// The page is built only from this moment on.
    package var publishDate: Date? { writtenPublishDate?.date(in: timeZone) }
    /// The page is built only before this moment.
    package var expiryDate: Date? { writtenExpiryDate?.date(in: timeZone) }

    /// Front matter keys with a meaning of their own; the rest reach templates as `page.<key>`.
    public static let knownKeys: Set<String> = [
        "title", "description", "date", "draft", "publishDate", "expiryDate", "slug", "url", "layout", "tags",
        "weight", "aliases", "feed", "params",
    ]

    /// Keys the shared templates read directly (`page.hero`, `page.summary`).
    static let templateKeys: Set<String> = ["hero", "summary", "gallery", "model", "cta", "booking", "brochure", "image", "toc"]

    /// Hugo's own front matter keys, which pages brought from Hugo carry: data for templates like any other key,
    /// and never taken for a misspelling (`images` is not a typo of `image`).
    static let hugoKeys: Set<String> = [
        "aliases", "audio", "build", "cascade", "categories", "date", "description", "draft", "expiryDate", "headless",
        "images", "isCJKLanguage", "keywords", "lastmod", "layout", "linkTitle", "markup", "menu", "menus", "outputs",
        "params", "publishDate", "resources", "series", "sitemap", "slug", "summary", "tags", "title", "translationKey",
        "type", "url", "videos", "weight",
    ]

    /// Every key that is not taken for a misspelling of another.
    static let acceptedKeys = knownKeys.union(templateKeys).union(hugoKeys)

    /// `news/spring-offer.md` → "Spring Offer", for pages without a `title`.
    static func title(fromFileName contentPath: String) -> String {
        let name = ((contentPath as NSString).lastPathComponent as NSString).deletingPathExtension
        return name.replacingOccurrences(of: "-", with: " ").capitalized
    }

    /// Splits front matter (YAML, TOML or JSON) from the body and reads it.
    public static func parse(text: String, file: String, contentPath: String) -> (PageSource?, [Diagnostic]) {
        let frontMatter: FrontMatter
        do {
            frontMatter = try FrontMatter.read(text, file: file)
        } catch {
            return (nil, [error])
        }
        let front = frontMatter.values
        var reader = FieldReader(front, what: "front matter", format: frontMatter.format ?? .yaml)
        let title = reader.string("title") ?? Self.title(fromFileName: contentPath)
        var page = PageSource(
            file: file, contentPath: contentPath, title: title, description: reader.string("description"),
            writtenDate: reader.writtenDate("date"), draft: reader.bool("draft") ?? false,
            writtenPublishDate: reader.writtenDate("publishDate"), writtenExpiryDate: reader.writtenDate("expiryDate"),
            // Addresses are kept decoded (`/café/`, not `/caf%C3%A9/`): the output folder is named by the decoded
            // path and the permalink encodes it once; the path rules then see what the file system will.
            slug: reader.string("slug").map(Self.decoded), url: reader.string("url").map(Self.decoded), layout: reader.string("layout"), tags: reader.strings("tags"),
            weight: reader.int("weight") ?? 0, aliases: reader.strings("aliases").map(Self.decoded), feed: reader.bool("feed") ?? false,
            params: reader.field("params"), frontMatter: front, body: frontMatter.body, bodyLine: frontMatter.bodyLine)
        page.sourceHash = StableHasher.hash(text)
        if let slug = page.slug, let problem = LinkRules.segmentProblem(slug) {
            reader.report(.error(at: front["slug"]?.location, "`slug` must be one URL segment, found `\(slug)`: \(problem)",
                                 hint: "write e.g. `\(reader.written("slug", .text("spring-offer")))`, or use `url` for a full path"))
        }
        if let url = page.url, let problem = LinkRules.sitePathProblem(url) {
            reader.report(.error(at: front["url"]?.location, "`url` must be a path inside the site, found `\(url)`: \(problem)",
                                 hint: "write e.g. `\(reader.written("url", .text("/offers/spring/")))`; a link to another site belongs in the page's body"))
        }
        for alias in page.aliases {
            if let problem = LinkRules.sitePathProblem(alias.hasPrefix("/") ? alias : "/" + alias) {
                let location = front["aliases"]?.items?.first { $0.scalarText == alias }?.location ?? front["aliases"]?.location
                reader.report(.error(at: location, "the alias `\(alias)` must be an old path of this site: \(problem)",
                                     hint: "write e.g. `\(reader.written("aliases", .list(["/old-offer/"])))`"))
            }
        }
        let diagnostics = reader.finishKeepingData(known: acceptedKeys)
        return (diagnostics.hasErrors ? nil : page, diagnostics)
    }

    /// `text` with its percent-escapes decoded; as written when they do not decode to UTF-8.
    static func decoded(_ text: String) -> String {
        text.contains("%") ? (text.removingPercentEncoding ?? text) : text
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
