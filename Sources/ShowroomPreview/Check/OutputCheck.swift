import Foundation
import ShowroomWorkspace
import ShowroomCore
import ShowroomHTML
import ShowroomSite

/// The checks `showroom check` runs over a build's output, reporting each problem at the workspace file a
/// marketer would edit: the page's Markdown (at the line where the link is written, when it is written
/// there), else the template that wrote it, else the built page itself.
struct OutputCheck {
    /// The build output folder holding `<site>/…`.
    var root: URL
    var workspace: URL
    var records: [String: SiteRecord]
    /// Site → output path → workspace source file.
    var pageSources: [String: [String: String]]
    /// Site → the templates it was rendered with.
    var templates: [String: [String]]

    /// Checks every file of `sites`; returns the problems and the number of HTML pages checked.
    func check(sites: [String]) -> ([Diagnostic], Int) {
        let baseURLs = records.values.map { (prefix: $0.baseURL, site: $0.site) }.sorted { $0.prefix.count > $1.prefix.count }
        var files: [String: Set<String>] = [:]
        var htmlJobs: [(site: String, path: String)] = []
        var xmlJobs: [(site: String, path: String)] = []
        for site in sites {
            let listed = Set(Self.files(under: root.appendingPathComponent(site)))
            files[site] = listed
            for path in listed.sorted() {
                if path.hasSuffix(".html") { htmlJobs.append((site, path)) }
                if path.hasSuffix(".xml") { xmlJobs.append((site, path)) }
            }
        }
        let siteRoot = root
        let scans = ConcurrentMap.map(htmlJobs) { job -> HTMLPageScan in
            let text = (try? String(contentsOf: siteRoot.appendingPathComponent(job.site).appendingPathComponent(job.path), encoding: .utf8)) ?? ""
            return HTMLPageScan.scan(text, snippetMarker: HTMLRewriter.snippetMarker)
        }
        var scanned: [String: [String: HTMLPageScan]] = [:]
        for (job, scan) in zip(htmlJobs, scans) { scanned[job.site, default: [:]][job.path] = scan }

        var locator = SourceLocator(workspace: workspace)
        var diagnostics: [Diagnostic] = []
        for (job, scan) in zip(htmlJobs, scans) {
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
            var reported: Set<String> = []
            for link in scan.links where !reported.contains(link.target) {
                guard let target = LinkTarget.resolve(link.target, site: job.site, pageURL: pageURL, baseURLs: baseURLs),
                      let siteFiles = files[target.site] else { continue }
                let where_ = locator.locate(link.target, in: candidates) ?? fallback
                guard let file = Self.file(for: target.path, in: siteFiles) else {
                    reported.insert(link.target)
                    diagnostics.append(.error(
                        at: where_, "the link \(link.target) on \(page) leads nowhere: \(target.site) has no page or file at \(target.path)"
                            + (where_?.line == nil ? " (line \(link.line) of the built page)" : ""),
                        hint: "correct the link, or create the page it points at"))
                    continue
                }
                guard link.isNavigation, let fragment = target.fragment, file.hasSuffix(".html"),
                      let anchors = scanned[target.site]?[file]?.anchors, !anchors.contains(fragment), fragment != "top" else { continue }
                reported.insert(link.target)
                let known = anchors.sorted().prefix(8).map { "#\($0)" }.joined(separator: ", ")
                diagnostics.append(.error(
                    at: where_, "the link \(link.target) on \(page) points at the anchor #\(fragment), which \(LinkTarget.url(ofOutputPath: file)) does not have"
                        + (where_?.line == nil ? " (line \(link.line) of the built page)" : ""),
                    hint: known.isEmpty ? "add id=\"\(fragment)\" to the element the link should reach"
                                        : "use one of its anchors (\(known)) or add id=\"\(fragment)\" to the element the link should reach"))
            }
        }

        for job in xmlJobs {
            let text = (try? String(contentsOf: root.appendingPathComponent(job.site).appendingPathComponent(job.path), encoding: .utf8)) ?? ""
            let section = job.path.hasSuffix("/index.xml") ? String(job.path.dropLast("index.xml".count)) + "index.html" : nil
            let location = section.flatMap { pageSources[job.site]?[$0] }.map { SourceLocation(file: $0) }
                ?? SourceLocation(file: "sites/\(job.site)/site.yaml")
            for problem in MarkupValidator.xmlProblems(text) {
                diagnostics.append(.error(
                    at: location, "\(job.path) of \(job.site) is not well-formed XML: \(problem.message) (line \(problem.line), column \(problem.column))",
                    hint: "look for a title or summary with a stray `&` or `<`; the build escapes text, so this is an engine bug to report"))
            }
        }
        return (diagnostics, htmlJobs.count)
    }

    /// The built file a path answers with, as a static web server would: `/x/` → `x/index.html`,
    /// `/x` → `x` or `x/index.html`.
    static func file(for path: String, in files: Set<String>) -> String? {
        let relative = String(path.dropFirst())
        if relative.isEmpty || relative.hasSuffix("/") { return files.contains(relative + "index.html") ? relative + "index.html" : nil }
        if files.contains(relative) { return relative }
        return files.contains(relative + "/index.html") ? relative + "/index.html" : nil
    }

    /// Every regular file under `folder`, relative to it.
    static func files(under folder: URL) -> [String] {
        guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]) else { return [] }
        let prefix = folder.standardizedFileURL.path + "/"
        var files: [String] = []
        while let url = enumerator.nextObject() as? URL {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true else { continue }
            let path = url.standardizedFileURL.path
            if path.hasPrefix(prefix) { files.append(String(path.dropFirst(prefix.count))) }
        }
        return files
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
