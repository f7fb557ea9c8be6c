import Foundation
import ShowroomCore
import ShowroomWorkspace

/// A page of one site, with its place in the site decided: kind, URL, section and output file.
struct SitePage: Sendable {
    enum Kind: String, Sendable { case home, section, page }

    var source: PageSource
    var kind: Kind
    /// Root-relative URL ending in `/`, e.g. `/news/aurora-launch/`.
    var url: String
    /// The section's folder path (`news`, `functions/strings`), empty for pages at the root. A section's
    /// own page has its own path here.
    var section: String
    /// File inside the site's output, e.g. `news/aurora-launch/index.html`.
    var outputPath: String { url == "/" ? "index.html" : String(url.dropFirst()) + "index.html" }

    /// The full address of the site's page at `url`: `site.baseURL` and the path, percent-encoded (the one
    /// rule for the canonical link, `page.permalink`, the sitemap, feeds and redirect pages, so a page with a
    /// non-ASCII slug has one address).
    static func permalink(site: SiteConfig, url: String) -> String {
        let path = String(url.dropFirst())
        return site.baseURL + (path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? path)
    }

    /// The folder inside the site's output that holds the page's `index.html` (and a bundle's files).
    var outputFolder: String { url == "/" ? "" : String(url.dropFirst()) }

    /// Where a redirect page for `alias` goes: `/old/` → `old/index.html`, `/old.html` → `old.html`.
    static func aliasOutput(_ alias: String) -> (url: String, outputPath: String) {
        var path = alias.hasPrefix("/") ? alias : "/" + alias
        if !path.hasSuffix("/") && !path.hasSuffix(".html") { path += "/" }
        return (path, path.hasSuffix(".html") ? String(path.dropFirst()) : String(path.dropFirst()) + "index.html")
    }
}

/// Gathers a site's pages: its own content plus what it mounts from the shared content, reads their dates in
/// the site's time zone, keeps those live at build time, gives each its URL, and reports two pages claiming
/// one URL (as a page's address or as an alias).
enum SitePages {
    /// The site's pages, the problems found, and the first moment after `now` at which a page's publish or expiry
    /// date changes which pages are live (nil when none is scheduled).
    static func collect(site: SiteConfig, workspace: Workspace, sharedPages: [String: [PageSource]], now: Date,
                        includeDrafts: Bool, cache: Workspace.PageCache? = nil) -> ([SitePage], [Diagnostic], Date?) {
        var diagnostics: [Diagnostic] = []
        let (ownPages, ownDiagnostics) = workspace.loadPages(under: "\(site.folder)/content", cache: cache)
        diagnostics += ownDiagnostics
        var candidates: [(PageSource, prefix: String)] = ownPages.map { ($0, "") }

        for mount in site.mounts {
            let folder = mount.from.trimmingCharacters(in: CharacterSet(charactersIn: "/"))
            guard let pages = sharedPages[folder] else {
                diagnostics.append(.error(at: mount.location, "the mount `\(mount.from)` names no folder in \(Workspace.sharedContentFolder)",
                                          hint: "create \(Workspace.sharedContentFolder)/\(folder) or correct `from:`"))
                continue
            }
            // The mounted folder's own `_index.md` comes along whatever its tags, so the section keeps its list page.
            for page in pages where mount.tags.isEmpty || page.isIndex || !Set(page.tags).isDisjoint(with: mount.tags) {
                candidates.append((page, mount.into))
            }
        }

        var pages: [SitePage] = []
        var claimed: [String: String] = [:]
        var nextChange: Date? = nil
        for (written, prefix) in candidates {
            var source = written
            source.timeZone = site.timeZone
            for moment in [source.publishDate, source.expiryDate].compactMap({ $0 }) where moment > now {
                nextChange = min(nextChange ?? moment, moment)
            }
            guard source.isLive(at: now, includeDrafts: includeDrafts) else { continue }
            let page = place(source, under: prefix)
            if let other = claimed[page.url] {
                diagnostics.append(.error(at: SourceLocation(file: source.file, line: 1, column: 1),
                                          "two pages have the URL \(page.url): this one and \(other)",
                                          hint: "give one of them another `slug:` or `url:` in its front matter"))
                continue
            }
            claimed[page.url] = source.file
            pages.append(page)
        }
        if !pages.contains(where: { $0.kind == .home }), claimed["/"] == nil {
            if var home = PageSource.parse(text: "", file: "\(site.folder)/content/_index.md", contentPath: "_index.md").0 {
                home.title = site.title
                pages.append(place(home, under: ""))
            }
        }
        pages += generatedSections(for: pages, site: site, claimed: claimed)
        pages.sort { $0.url < $1.url }
        diagnostics += keepAliases(of: &pages)
        return (pages, diagnostics, nextChange)
    }

    /// Leaves out each alias that is its page's own address (a redirect to itself) and reports, naming both
    /// files, an alias that is another page's address or another page's alias; only the aliases kept are
    /// written as redirects.
    static func keepAliases(of pages: inout [SitePage]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        // By output file: `/news/launch/` and `/news/launch/index.html` are one file.
        var pageAt: [String: String] = [:]
        for page in pages where pageAt[page.outputPath] == nil { pageAt[page.outputPath] = page.source.file }
        for reserved in ["404.html", "sitemap.xml", "robots.txt", BookingAnswerPage.outputPath] { pageAt[reserved] = pageAt[reserved] ?? "the site's \(reserved)" }
        var aliasOf: [String: String] = [:]
        for index in pages.indices {
            let source = pages[index].source
            var kept: [String] = []
            for alias in source.aliases {
                let (path, output) = SitePage.aliasOutput(alias)
                let written = source.frontMatter["aliases"]
                let location = written?.items?.first { $0.scalarText == alias }?.location ?? written?.location
                    ?? SourceLocation(file: source.file, line: 1, column: 1)
                if output == pages[index].outputPath { continue }
                if output.hasPrefix("assets/") {
                    diagnostics.append(.error(at: location, "the alias \(path) of \(source.file) is inside assets/, where the library's files go",
                                              hint: "remove the alias"))
                } else if let other = pageAt[output] {
                    diagnostics.append(.error(at: location, "the alias \(path) of \(source.file) is the address of another page, \(other)",
                                              hint: "remove the alias, or give the other page another `slug` or `url`"))
                } else if let other = aliasOf[output], other != source.file {
                    diagnostics.append(.error(at: location, "the alias \(path) of \(source.file) is also an alias of \(other)",
                                              hint: "an old address can redirect to one page only: keep the alias on one of them"))
                } else if aliasOf[output] == nil {
                    aliasOf[output] = source.file
                    kept.append(alias)
                }
            }
            pages[index].source.aliases = kept
        }
        return diagnostics
    }

    /// A list page for every folder that holds pages (at any depth) but has no `_index.md`, titled after the
    /// folder, so every level of a nested site has its list and its breadcrumb.
    static func generatedSections(for pages: [SitePage], site: SiteConfig, claimed: [String: String]) -> [SitePage] {
        let existing = Set(pages.filter { $0.kind == .section }.map(\.section))
        var wanted: Set<String> = []
        for page in pages where !page.section.isEmpty {
            var path = page.section.split(separator: "/").map(String.init)
            while !path.isEmpty {
                wanted.insert(path.joined(separator: "/"))
                path.removeLast()
            }
        }
        var generated: [SitePage] = []
        for section in wanted.subtracting(existing).sorted() {
            let url = "/\(section)/"
            guard claimed[url] == nil,
                  var source = PageSource.parse(text: "", file: "\(site.folder)/content/\(section)/_index.md",
                                                contentPath: "\(section)/_index.md").0
            else { continue }
            source.title = (section as NSString).lastPathComponent.replacingOccurrences(of: "-", with: " ").capitalized
            generated.append(SitePage(source: source, kind: .section, url: url, section: section))
        }
        return generated
    }

    /// The folder path above `section` (`functions/strings` → `functions`), empty at the top.
    static func parent(of section: String) -> String {
        guard let slash = section.lastIndex(of: "/") else { return "" }
        return String(section[..<slash])
    }

    /// Decides kind, section and URL from the page's path inside its content root and `prefix` (mount target).
    static func place(_ source: PageSource, under prefix: String) -> SitePage {
        var components = source.contentPath.split(separator: "/").map(String.init)
        let fileName = components.removeLast()
        // A folder name with nothing left after slugifying (only emoji or punctuation) adds no segment.
        var folders = ((prefix.isEmpty ? [] : prefix.split(separator: "/").map(String.init)) + components.map(slugify)).filter { !$0.isEmpty }
        let kind: SitePage.Kind
        var segments = folders
        if fileName == "_index.md" {
            kind = folders.isEmpty ? .home : .section
        } else {
            kind = .page
            let base = (fileName as NSString).deletingPathExtension
            if source.isBundle, let own = folders.popLast() {
                // A bundle is the page of its folder: it sits in the section above, addressed by its folder (or slug).
                segments = folders + [source.slug ?? own]
            } else {
                segments.append(source.slug ?? (base == "index" ? "" : slugify(base)))
            }
            segments.removeAll { $0.isEmpty }
        }
        var url = "/" + segments.joined(separator: "/")
        if !url.hasSuffix("/") { url += "/" }
        if let explicit = source.url {
            url = explicit.hasSuffix("/") ? explicit : explicit + "/"
        }
        return SitePage(source: source, kind: kind, url: url, section: folders.joined(separator: "/"))
    }

    /// A URL segment from a file or folder name: lowercase, spaces as dashes; non-ASCII letters are kept.
    static func slugify(_ name: String) -> String {
        var result = ""
        for character in name.lowercased() {
            if character.isLetter || character.isNumber || character == "-" || character == "_" || character == "." {
                result.append(character)
            } else if character == " ", result.last != "-" {
                result.append("-")
            }
        }
        return result
    }
}
