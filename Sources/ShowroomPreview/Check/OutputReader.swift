import ShowroomCore
import ShowroomHTML

/// Collects what `showroom check` needs of each file a build makes, as the build makes it (on the build's
/// threads): every path, the scan of every HTML page and the problems of every XML file. The pages
/// themselves are not kept, so a check holds little more memory than a build.
final class OutputReader: Sendable {
    /// What was read of one site's output.
    struct SiteOutput: Sendable {
        /// Every file's path inside the site's output.
        var files: Set<String> = []
        /// Each HTML page's scan, by path.
        var pages: [String: HTMLPageScan] = [:]
        /// Each XML file's problems (empty when well-formed), by path.
        var feeds: [String: [MarkupValidator.Problem]] = [:]
    }

    private let sites = Locked<[String: SiteOutput]>([:])

    func receive(site: String, path: String, contents: [UInt8]?) {
        var scan: HTMLPageScan?
        var problems: [MarkupValidator.Problem]?
        if let contents, path.hasSuffix(".html") {
            scan = HTMLPageScan.scan(contents, snippetMarker: HTMLRewriter.snippetMarker)
        } else if let contents, path.hasSuffix(".xml") {
            problems = MarkupValidator.xmlProblems(String(decoding: contents, as: UTF8.self))
        }
        sites.withLock { sites in
            sites[site, default: SiteOutput()].files.insert(path)
            if let scan { sites[site, default: SiteOutput()].pages[path] = scan }
            if let problems { sites[site, default: SiteOutput()].feeds[path] = problems }
        }
    }

    /// What was read of `sites`' output (sites that made no file are absent).
    func contents(of sites: Set<String>) -> [String: SiteOutput] {
        self.sites.withLock { $0.filter { sites.contains($0.key) } }
    }
}
