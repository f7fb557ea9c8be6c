import Foundation
import ShowroomWorkspace
import ShowroomCore
import ShowroomHTML
import ShowroomSite

/// The checks `showroom check` runs over a build's output, reporting each problem at the workspace file a
/// marketer would edit: the page's Markdown (at the line where the link is written, when it is written
/// there), else the template that wrote it, else the built page itself.
struct OutputCheck {
    var workspace: URL
    /// What the build made, by site.
    var output: [String: OutputReader.SiteOutput]
    /// Each fleet site's address, longest first, so an absolute link into a fleet site resolves into it.
    var baseURLs: [(prefix: String, site: String)]
    /// Site → output path → workspace source file.
    var pageSources: [String: [String: String]]
    /// Site → the templates it was rendered with.
    var templates: [String: [String]]

    /// Checks every file of `sites`; returns the problems and the number of HTML pages checked.
    func check(sites: [String]) -> ([Diagnostic], Int) {
        var htmlJobs: [(site: String, path: String, scan: HTMLPageScan)] = []
        var xmlJobs: [(site: String, path: String, problems: [MarkupValidator.Problem])] = []
        for site in sites {
            guard let made = output[site] else { continue }
            for (path, scan) in made.pages.sorted(by: { $0.key < $1.key }) { htmlJobs.append((site, path, scan)) }
            for (path, problems) in made.feeds.sorted(by: { $0.key < $1.key }) { xmlJobs.append((site, path, problems)) }
        }

        // Resolving the links is most of the work and needs nothing but the output: done page by page on every
        // core. Finding where a broken link is written reads workspace files, once each, after.
        // A root-relative link (`/news/`, the menu's and the footer's) means the same on every page of its site, so
        // each is resolved once per site.
        let output = self.output, baseURLs = self.baseURLs
        var rootRelative: [(site: String, href: String)] = []
        var seen: Set<[String]> = []
        for job in htmlJobs {
            for link in job.scan.links where Self.isRootRelative(link.target) && seen.insert([job.site, link.target]).inserted {
                rootRelative.append((job.site, link.target))
            }
        }
        let resolved = ConcurrentMap.map(rootRelative) { link in
            Self.problem(of: link.href, site: link.site, pageURL: "/", output: output, baseURLs: baseURLs)
        }
        var known: [String: [String: LinkCheck]] = [:]
        for (link, result) in zip(rootRelative, resolved) { known[link.site, default: [:]][link.href] = result }
        let brokenLinks = ConcurrentMap.map(htmlJobs) { job in
            Self.brokenLinks(of: job.scan, site: job.site, pageURL: LinkTarget.url(ofOutputPath: job.path), output: output,
                             baseURLs: baseURLs, known: known[job.site] ?? [:])
        }

        var locator = SourceLocator(workspace: workspace)
        var diagnostics: [Diagnostic] = []
        for (job, broken) in zip(htmlJobs, brokenLinks) {
            let scan = job.scan
            let pageURL = LinkTarget.url(ofOutputPath: job.path)
            let page = "page \(pageURL) of \(job.site)"
            let candidates = [pageSources[job.site]?[job.path]].compactMap { $0 } + (templates[job.site] ?? [])
            let fallback = pageSources[job.site]?[job.path].map { SourceLocation(file: $0) }

            for error in scan.errors {
                diagnostics.append(.error(
                    at: fallback, "\(page) is not valid HTML: \(error.message) (line \(error.line), column \(error.column) of the built page)",
                    hint: "check the raw HTML in the page's Markdown and in its layout; every tag opened must be closed"))
            }
            if scan.trackingSnippets != 1 {
                diagnostics.append(.error(
                    at: fallback, "\(page) carries the tracking snippet \(scan.trackingSnippets) times instead of once",
                    hint: "remove any <script data-showroom-tracking> from templates and Markdown; the build adds it"))
            }
            for (link, problem) in broken {
                let where_ = locator.locate(link.target, in: candidates) ?? fallback
                let builtLine = where_?.line == nil ? " (line \(link.line) of the built page)" : ""
                switch problem {
                case .missingTarget(let target):
                    diagnostics.append(.error(
                        at: where_, "the link \(link.target) on \(page) leads nowhere: \(target.site) has no page or file at \(target.path)" + builtLine,
                        hint: Self.missingTargetHint(target.path)))
                case .missingAnchor(let fragment, let file, let anchors):
                    diagnostics.append(.error(
                        at: where_, "the link \(link.target) on \(page) points at the anchor #\(fragment), which \(LinkTarget.url(ofOutputPath: file)) does not have"
                            + builtLine,
                        hint: Self.missingAnchorHint(fragment, anchors: anchors)))
                }
            }
        }

        for job in xmlJobs {
            let section = job.path.hasSuffix("/index.xml") ? String(job.path.dropLast("index.xml".count)) + "index.html" : nil
            let location = section.flatMap { pageSources[job.site]?[$0] }.map { SourceLocation(file: $0) }
                ?? SourceLocation(file: "sites/\(job.site)/site.yaml")
            for problem in job.problems {
                diagnostics.append(.error(
                    at: location, "\(job.path) of \(job.site) is not well-formed XML: \(problem.message) (line \(problem.line), column \(problem.column))",
                    hint: "look for a title or summary with a stray `&` or `<`; the build escapes text, so this is an engine bug to report"))
            }
        }
        return (diagnostics, htmlJobs.count)
    }

    /// Why a link of a page fails.
    enum LinkProblem {
        /// No page or file answers at the target's path.
        case missingTarget(LinkTarget)
        /// The target page (`file`) has no element with the id `fragment`; `anchors` are the ids it has.
        case missingAnchor(fragment: String, file: String, anchors: Set<String>)
    }

    /// What checking one link found: nothing wrong, a missing page or file, or an anchor the target page lacks
    /// (which matters only for a navigation link).
    enum LinkCheck {
        case fine
        case broken(LinkProblem)
        case missingAnchor(LinkProblem)
    }

    /// Whether `href` is a path from the site's root (`/news/`), which means the same on every page.
    static func isRootRelative(_ href: String) -> Bool {
        var bytes = href.utf8.makeIterator()
        return bytes.next() == UInt8(ascii: "/") && bytes.next() != UInt8(ascii: "/")
    }

    /// Checks `href` as written on the page at `pageURL` of `site`.
    static func problem(of href: String, site: String, pageURL: String, output: [String: OutputReader.SiteOutput],
                        baseURLs: [(prefix: String, site: String)]) -> LinkCheck {
        guard let target = LinkTarget.resolve(href, site: site, pageURL: pageURL, baseURLs: baseURLs),
              let siteFiles = output[target.site]?.files else { return .fine }
        guard let file = file(for: target.path, in: siteFiles) else { return .broken(.missingTarget(target)) }
        guard let fragment = target.fragment, file.hasSuffix(".html"),
              let anchors = output[target.site]?.pages[file]?.anchors, !anchors.contains(fragment), fragment != "top" else { return .fine }
        return .missingAnchor(.missingAnchor(fragment: fragment, file: file, anchors: anchors))
    }

    /// The links of a page that lead nowhere, each target once, in the page's order. `known` holds the checks of
    /// the site's root-relative links, made once for all its pages.
    static func brokenLinks(of scan: HTMLPageScan, site: String, pageURL: String, output: [String: OutputReader.SiteOutput],
                            baseURLs: [(prefix: String, site: String)], known: [String: LinkCheck]) -> [(HTMLPageScan.Link, LinkProblem)] {
        var broken: [(HTMLPageScan.Link, LinkProblem)] = []
        var reported: Set<String> = []
        for link in scan.links where !reported.contains(link.target) {
            let check = known[link.target] ?? problem(of: link.target, site: site, pageURL: pageURL, output: output, baseURLs: baseURLs)
            switch check {
            case .fine: continue
            case .broken(let problem):
                reported.insert(link.target)
                broken.append((link, problem))
            case .missingAnchor(let problem):
                guard link.isNavigation else { continue }
                reported.insert(link.target)
                broken.append((link, problem))
            }
        }
        return broken
    }

    /// The fix for a link to a file the site does not have: for a picture or document, a library asset or a
    /// file of the page's bundle; else a correct link or the missing page.
    static func missingTargetHint(_ path: String) -> String {
        let fileExtension = (path as NSString).pathExtension.lowercased()
        if ["png", "jpg", "jpeg", "gif", "webp", "avif", "svg", "pdf", "mp4", "webm"].contains(fileExtension) {
            return "use a library asset as `asset:<id>` (assets/catalog.yaml lists them), or make the page a bundle "
                + "(`<name>/index.md` with the file beside it) and link the file by its name"
        }
        return "correct the link, or create the page it points at"
    }

    /// The fix for a link to an anchor the page lacks: the anchor it most likely meant, else the way to give a
    /// heading that id.
    static func missingAnchorHint(_ fragment: String, anchors: Set<String>) -> String {
        if let nearest = NameSuggestion.nearest(to: fragment, among: anchors) {
            return "did you mean #\(nearest)? Correct the link, or give the heading it should reach that id"
        }
        let known = anchors.sorted().prefix(8).map { "#\($0)" }.joined(separator: ", ")
        return "give the heading the link should reach that id by writing `{#\(fragment)}` after its text "
            + "(`## Caching {#\(fragment)}`), or add id=\"\(fragment)\" to the element"
            + (known.isEmpty ? "" : "; the page's anchors are \(known)")
    }

    /// The built file a path answers with, as a static web server would: `/x/` → `x/index.html`,
    /// `/x` → `x` or `x/index.html`.
    static func file(for path: String, in files: Set<String>) -> String? {
        let relative = String(path.dropFirst())
        if relative.isEmpty || relative.hasSuffix("/") { return files.contains(relative + "index.html") ? relative + "index.html" : nil }
        if files.contains(relative) { return relative }
        return files.contains(relative + "/index.html") ? relative + "/index.html" : nil
    }
}

/// Finds where a link is written in the workspace, so the report points at the line to fix.
struct SourceLocator {
    var workspace: URL
    private var lines: [String: [Substring]] = [:]

    init(workspace: URL) { self.workspace = workspace }

    /// The first of `files` that contains `text`, at its first line and column.
    mutating func locate(_ text: String, in files: [String]) -> SourceLocation? {
        for file in files {
            if lines[file] == nil {
                let content = (try? String(contentsOf: workspace.appendingPathComponent(file), encoding: .utf8)) ?? ""
                lines[file] = content.split(separator: "\n", omittingEmptySubsequences: false)
            }
            for (index, line) in (lines[file] ?? []).enumerated() {
                guard let range = line.range(of: text) else { continue }
                return SourceLocation(file: file, line: index + 1, column: line.distance(from: line.startIndex, to: range.lowerBound) + 1)
            }
        }
        return nil
    }
}
