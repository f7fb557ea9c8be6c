import Foundation
import ShowroomCore
import ShowroomMarkdown
import ShowroomTemplates
import ShowroomWorkspace

/// A page as templates see it (`page.*`, and each item of `pages`, `recent` and `sections[].pages`):
/// its typed fields, then the front-matter keys the engine does not know, as written.
struct PageContext {
    static let fields: [ContextField] = [
        ContextField("title", "the page's title"),
        ContextField("description", "the front matter's `description`, left out when empty", optional: true),
        ContextField("summary", "`summary`, else `description`, else the body's first paragraph (about 200 characters)", optional: true),
        ContextField("url", "the page's address on the site (`/news/aurora-launch/`)"),
        ContextField("permalink", "the full address (`site.baseURL` + `url`, percent-encoded, as in the sitemap)"),
        ContextField("kind", "`home`, `section` or `page`"),
        ContextField("isHome", "true on the home page"),
        ContextField("isSection", "true on a section's list page"),
        ContextField("tags", "the front matter's `tags`", shape: .list(.scalar)),
        ContextField("weight", "sort order in lists (lower first)"),
        ContextField("section", "`{name, title, url}` of the page's section (a section's own page: itself)", shape: SectionReference.shape),
        ContextField("booking", "whether the page offers the test-drive booking form: the site's `booking`, unless the page's front matter says `booking: false` (or `true`)"),
        ContextField("parent", "`{name, title, url}` of the section above the page (the home page for the top level); not on the home page",
                     shape: SectionReference.shape, optional: true),
        ContextField("ancestors", "the sections above the page, from the home page down to `parent` (breadcrumbs)",
                     shape: .list(SectionReference.shape)),
        ContextField("sections", "on home and section pages: the direct sub-sections, as items of `sections`", shape: .list(.any), optional: true),
        ContextField("params", "`params.*` from the front matter, as written", shape: .any, optional: true),
        ContextField("date", "the page's date (`2026-03-15`)", optional: true),
        ContextField("dateDisplay", "the date for people, in the site's locale (`15 March 2026`, `2026年3月15日`)", optional: true),
        ContextField("model", "with `model: <id>` in the front matter: that model's record from `data.models`", shape: .any, optional: true),
        ContextField("content", "the rendered Markdown (on the page being rendered, not in lists): write it as {{{page.content}}}", optional: true),
        ContextField("toc", "the table of contents (on the page being rendered, not in lists): the `##` to `####` headings, each `{id, title, level, children}`, `children` the entries below it", shape: TableOfContentsContext.shape, optional: true),
    ]

    /// The page's value without `content` (what lists show), made once per page.
    static func summary(of page: SitePage, site: SiteConfig, sections: SectionDirectory, models: [String: TemplateValue],
                        values: inout SiteValues) -> TemplateValue {
        let source = page.source
        var members: [(String, TemplateValue)] = []
        var extraSummary: TemplateValue? = nil
        var extraModel: TemplateValue? = nil
        var tocSwitch: TemplateValue? = nil
        var booking = site.booking
        if let front = source.frontMatter.pairs {
            var bookingSwitch: (TemplateValue, YAMLNode)? = nil
            defer { booking = Self.booking(bookingSwitch, site: site, values: &values) }
            for (key, node) in front where !PageSource.knownKeys.contains(key) {
                let value = values.value(node)
                switch key {
                case "summary": extraSummary = value
                case "model": extraModel = value
                case "toc": tocSwitch = value
                case "booking": bookingSwitch = (value, node)
                default: members.append((key, value))
                }
            }
        }
        var typed: [(String, TemplateValue)] = [("title", .text(source.title))]
        if let description = source.description, !description.isEmpty {
            typed.append(("description", .string(description, source.frontMatter["description"]?.location)))
        }
        let summary: TemplateValue
        if let extraSummary, case .string(let text, _) = extraSummary {
            summary = text.isEmpty ? .null : extraSummary
        } else if let description = source.description {
            summary = description.isEmpty ? .null : .string(description, source.frontMatter["description"]?.location)
        } else {
            let text = Summary.from(markdown: source.body)
            summary = text.isEmpty ? .null : .string(text, SourceLocation(file: source.file, line: source.bodyLine))
        }
        if case .null = summary {} else { typed.append(("summary", summary)) }
        typed += [
            ("url", .text(page.url)), ("permalink", .text(SitePage.permalink(site: site, url: page.url))), ("kind", .text(page.kind.rawValue)),
            ("isHome", .bool(page.kind == .home)), ("isSection", .bool(page.kind == .section)),
            ("tags", .list(source.tags.map { .text($0) })), ("weight", .int(source.weight)),
            ("section", sections.reference(page.section).value), ("booking", .bool(booking)),
        ]
        let ancestors = sections.ancestors(of: page)
        if let parent = ancestors.last { typed.append(("parent", parent.value)) }
        typed.append(("ancestors", .list(ancestors.map(\.value))))
        // `page.toc` is the table of contents; a `toc:` in the front matter (the switch Hugo themes read) is `params.toc`.
        var params = source.params.map { values.value($0) }
        if let tocSwitch {
            switch params {
            case nil: params = .map(TemplateMap([("toc", tocSwitch)]))
            case .map(let map)? where map["toc"] == nil: params = .map(map.adding([("toc", tocSwitch)]))
            default: break
            }
        }
        if let params { typed.append(("params", params)) }
        if let date = source.date {
            typed.append(("date", .text(SiteValues.isoDay(date))))
            typed.append(("dateDisplay", .text(SiteValues.formatDate(date, locale: site.locale))))
        }
        if let extraModel {
            if case .string(let id, _) = extraModel, let record = models[id] { typed.append(("model", record)) } else {
                typed.append(("model", extraModel))
            }
        }
        return .map(TemplateMap(typed + members))
    }

    /// `booking:` in a page's front matter: true or false, else an error at its line (the site's setting stays).
    private static func booking(_ written: (TemplateValue, YAMLNode)?, site: SiteConfig, values: inout SiteValues) -> Bool {
        guard let (value, node) = written else { return site.booking }
        if case .bool(let flag) = value { return flag }
        values.report(.error(at: node.location, "`booking` must be true or false, found \(node.kindName)",
                             hint: "write `booking: false` to leave the test-drive form off this page"))
        return site.booking
    }

    /// The page being rendered: its summary plus its rendered Markdown and table of contents.
    static func rendering(_ summary: TemplateValue, content: RenderedMarkdown) -> TemplateValue {
        guard case .map(let map) = summary else { return summary }
        return .map(map.adding([("content", .text(content.html)), ("toc", TableOfContentsContext.value(content.tableOfContents()))]))
    }
}

/// `page.toc`: entries of the page's table of contents, each with the entries below it.
enum TableOfContentsContext {
    /// The shape of `page.toc`, as deep as the levels it lists can nest (`##` to `####`: three).
    static let shape = listShape(depth: RenderedMarkdown.tableOfContentsLevels.count)

    static func value(_ entries: [TableOfContentsEntry]) -> TemplateValue {
        .list(entries.map { entry in
            ["id": .text(entry.heading.id), "title": .text(entry.heading.title), "level": .int(entry.heading.level),
             "children": value(entry.children)]
        })
    }

    private static func listShape(depth: Int) -> TemplateShape {
        .list(.record([("id", .scalar, false), ("title", .scalar, false), ("level", .scalar, false),
                       ("children", depth > 1 ? listShape(depth: depth - 1) : .list(.any), false)]))
    }
}

/// `page.section`, `page.parent` and the items of `page.ancestors`: a section by name, title and address.
struct SectionReference {
    var name: String
    var title: String
    var url: String

    static let shape = TemplateShape.record([("name", .scalar, false), ("url", .scalar, false), ("title", .scalar, false)])

    var value: TemplateValue {
        ["name": .text(name), "url": .text(url), "title": .text(title)]
    }
}

/// Every section of a site by its folder path, with the home page as the section above the top level.
struct SectionDirectory {
    private var references: [String: SectionReference] = [:]

    init(pages: [SitePage], site: SiteConfig) {
        references[""] = SectionReference(name: "", title: site.title, url: "/")
        for page in pages where page.kind != .page {
            references[page.kind == .home ? "" : page.section] = SectionReference(name: page.section, title: page.source.title, url: page.url)
        }
    }

    /// The section at `path`; a folder with no section page (a page placed by `url:`) is named after itself.
    func reference(_ path: String) -> SectionReference {
        references[path] ?? SectionReference(name: path, title: path.capitalized, url: path.isEmpty ? "/" : "/\(path)/")
    }

    /// The sections above `page`, from the home page down to its parent; none above the home page.
    func ancestors(of page: SitePage) -> [SectionReference] {
        guard page.kind != .home else { return [] }
        var path = page.kind == .section ? SitePages.parent(of: page.section) : page.section
        var chain = [reference(path)]
        while !path.isEmpty {
            path = SitePages.parent(of: path)
            chain.append(reference(path))
        }
        return chain.reversed()
    }
}

/// An item of `sections`: a section with its pages and its sub-sections.
struct SectionContext {
    static let fields: [ContextField] = [
        ContextField("name", "the section's folder path (`news`, `functions/strings`)"),
        ContextField("title", "its `_index.md` title"),
        ContextField("url", "its address (`/news/`)"),
        ContextField("description", "its `_index.md` description", optional: true),
        ContextField("pages", "its regular pages, in list order", shape: .list(.any)),
        ContextField("sections", "its direct sub-sections, each like this one", shape: .list(.any)),
    ]

    static func value(_ page: SitePage, pages: [TemplateValue], sections: [TemplateValue]) -> TemplateValue {
        var members: [(String, TemplateValue)] = [
            ("name", .text(page.section)), ("title", .text(page.source.title)), ("url", .text(page.url)), ("pages", .list(pages)),
            ("sections", .list(sections)),
        ]
        if let description = page.source.description { members.append(("description", .text(description))) }
        return .map(TemplateMap(members))
    }
}

/// An item of a menu (`site.menus.<name>`, `menus.<name>`).
struct MenuItemContext {
    static let fields: [ContextField] = [
        ContextField("title", "the item's text"),
        ContextField("url", "where it leads"),
        ContextField("active", "true when it is the page being rendered or a section above it"),
    ]

    static func value(_ item: MenuItem, at url: String, location: SourceLocation) -> TemplateValue {
        ["title": .string(item.title, location), "url": .string(item.url, location), "active": .bool(item.isActive(at: url))]
    }
}

/// An asset object (`page.hero`, `model.colours[].picture`, …), made by `SiteValues.assetObject`.
enum AssetContext {
    static let fields: [ContextField] = [
        ContextField("id", "the catalogue id"), ContextField("url", "the fingerprinted URL; `{{page.hero}}` prints it too"),
        ContextField("title", "the catalogue title"), ContextField("kind", "`photo`, `brochure`, `video`, `logo` or `other`"),
        ContextField("alt", "the alternative text in the site's locale"), ContextField("isImage", "true for pictures"),
        ContextField("downloadable", "the catalogue's `downloadable`"),
        ContextField("width", "pixels, for images", optional: true), ContextField("height", "pixels, for images", optional: true),
        ContextField("download", "the counted download address, for downloadable assets", optional: true),
        ContextField("hasVariants", "true for raster photos, which come in web sizes (`srcset`)"),
        ContextField("src", "the JPEG (or PNG) web size for `<img src>`, at most 1,200 pixels wide; raster photos only", optional: true),
        ContextField("srcset", "`srcset.avif`, `srcset.webp` and `srcset.fallback`: each web size with its width (`… 800w, …`); raster photos only",
                     shape: .any, optional: true),
        ContextField("sizes", "the default `sizes` (`(min-width: 1200px) 1200px, 100vw`); raster photos only", optional: true),
        ContextField("placeholder", "the photo's average colour (`#5a6470`), shown until it loads; raster photos only", optional: true),
        ContextField("fallbackType", "`image/jpeg`, or `image/png` for photos with transparency; raster photos only", optional: true),
    ]
}
