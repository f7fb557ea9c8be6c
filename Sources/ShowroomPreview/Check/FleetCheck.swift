import Foundation
import ShowroomWorkspace
import ShowroomCore
import ShowroomHTML
import ShowroomSite

/// What `showroom check` was asked to check.
public struct CheckOptions: Sendable {
    /// The workspace to check.
    public var workspace: URL
    /// Check only these sites (all when empty).
    public var sites: [String]
    /// Whether drafts are built and checked too.
    public var includeDrafts: Bool
    /// The moment the build runs at, which decides the scheduled pages and licence warnings.
    public var now: Date

    /// Checks every site of `workspace` (or `sites`) as built at `now`.
    public init(workspace: URL, sites: [String] = [], includeDrafts: Bool = false, now: Date = Date()) {
        self.workspace = workspace
        self.sites = sites
        self.includeDrafts = includeDrafts
        self.now = now
    }
}

/// Everything `showroom check` found: the build's own diagnostics plus those of the output checks.
public struct CheckReport: Sendable {
    /// Every problem found, the build's and the output checks'.
    public var diagnostics: [Diagnostic]
    /// Sites whose output was checked (those that built).
    public var sites: [String]
    /// How many HTML pages were checked.
    public var pages: Int
    /// Whether nothing found is an error.
    public var succeeded: Bool { !diagnostics.hasErrors }
}

/// Runs a whole build that writes nothing, reading each file as the build makes it, and checks the output
/// the way a visitor's browser and a search engine would meet it: every page parses as HTML, carries
/// exactly one tracking snippet, and every internal link and `#anchor` resolves; every sitemap and feed is
/// well-formed XML. Nothing is written, so the workspace's output folder is never touched.
public enum FleetCheck {
    /// Builds and checks the sites `options` names; the report holds the build's problems and the checks'.
    public static func run(_ options: CheckOptions) -> CheckReport {
        let reader = OutputReader()
        var buildOptions = BuildOptions(workspace: options.workspace, sites: options.sites,
                                        includeDrafts: options.includeDrafts, now: options.now)
        buildOptions.inspector = OutputInspector { site, path, contents in reader.receive(site: site, path: path, contents: contents) }
        let build = FleetBuilder.build(buildOptions)
        let models = ModelCompleteness.check(root: options.workspace)
        let built = build.publishedSites
        guard !built.isEmpty else { return CheckReport(diagnostics: (build.allDiagnostics + models).sortedByLocation(), sites: [], pages: 0) }

        let results = build.sites.filter { built.contains($0.siteID) }
        let output = OutputCheck(
            workspace: options.workspace, output: reader.contents(of: Set(built)),
            baseURLs: results.map { (prefix: $0.baseURL, site: $0.siteID) }.sorted { $0.prefix.count > $1.prefix.count },
            pageSources: Dictionary(uniqueKeysWithValues: results.map { ($0.siteID, $0.pageFiles) }),
            templates: Dictionary(uniqueKeysWithValues: results.map { ($0.siteID, $0.inputs.filter { $0.hasSuffix(".mustache") }) }))
        let (found, pages) = output.check(sites: built)
        var seen: Set<Diagnostic> = []
        let diagnostics = (build.allDiagnostics + found + models).filter { seen.insert($0).inserted }.sortedByLocation()
        return CheckReport(diagnostics: diagnostics, sites: built, pages: pages)
    }
}
