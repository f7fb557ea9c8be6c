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

/// Runs a whole build into a throw-away folder, then checks its output the way a visitor's browser and a
/// search engine would meet it: every page parses as HTML, carries exactly one tracking snippet, and every
/// internal link and `#anchor` resolves; every sitemap and feed is well-formed XML. Nothing in the
/// workspace's output folder is touched.
public enum FleetCheck {
    /// Builds and checks the sites `options` names, and returns every problem found; never touches the
    /// workspace's own output.
    public static func run(_ options: CheckOptions) -> CheckReport {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("showroom-check-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let buildOptions = BuildOptions(workspace: options.workspace, output: scratch, sites: options.sites,
                                        includeDrafts: options.includeDrafts, now: options.now)
        let build = FleetBuilder.build(buildOptions)
        let built = build.publishedSites
        guard !built.isEmpty else { return CheckReport(diagnostics: build.allDiagnostics, sites: [], pages: 0) }

        let output = OutputCheck(
            root: scratch, workspace: options.workspace, records: SiteRecord.readAll(in: scratch),
            pageSources: FleetBuilder.pageSources(buildOptions),
            templates: Dictionary(uniqueKeysWithValues: build.sites.map { ($0.siteID, $0.inputs.filter { $0.hasSuffix(".mustache") }) }))
        let (found, pages) = output.check(sites: built)
        var seen: Set<Diagnostic> = []
        let diagnostics = (build.allDiagnostics + found).filter { seen.insert($0).inserted }.sortedByLocation()
        return CheckReport(diagnostics: diagnostics, sites: built, pages: pages)
    }
}
