import ShowroomCore
import ShowroomWorkspace

/// One kind of file a site build writes (its pages, the 404 page, alias redirects, feeds, the sitemap,
/// robots.txt): a small value the site build runs in turn, each reading the same prepared `SiteBuild`.
protocol SiteOutput: Sendable {
    func write(_ build: SiteBuild) -> OutputResult
}

/// What one output wrote: how many files, which assets the files use, and the problems found.
struct OutputResult {
    var files = 0
    var uses: [UsageIndex.Use] = []
    var diagnostics: [Diagnostic] = []
    /// Content pages rendered, and content pages whose previous output was kept.
    var rendered = 0
    var reused = 0
    /// The content pages' entries for the next build's reuse record, by output path.
    var pageRecords: [(String, ReuseRecord.Page)] = []

    static func += (lhs: inout OutputResult, rhs: OutputResult) {
        lhs.files += rhs.files
        lhs.uses += rhs.uses
        lhs.diagnostics += rhs.diagnostics
        lhs.rendered += rhs.rendered
        lhs.reused += rhs.reused
        lhs.pageRecords += rhs.pageRecords
    }
}

/// Everything the outputs of one site read, prepared once by `SiteBuilder`. A class: every page's rendering holds
/// it, and a reference is one retain where a copy of the values would be dozens.
final class SiteBuild: Sendable {
    let site: SiteConfig
    let inputs: FleetInputs
    let pages: [SitePage]
    let scope: SiteScope
    let templates: SiteTemplates
    let values: SiteValues
    /// `{{#asset}}` and `{{#download}}` uses in the templates, by asset id.
    let templateReferences: [String: [SourceLocation]]
    let writer: PageWriter
    /// Keys and the previous build's record, for keeping unchanged pages; nil when the build writes nothing.
    let reuse: PageReuse?

    init(site: SiteConfig, inputs: FleetInputs, pages: [SitePage], scope: SiteScope, templates: SiteTemplates,
         values: SiteValues, templateReferences: [String: [SourceLocation]], writer: PageWriter, reuse: PageReuse?) {
        self.site = site
        self.inputs = inputs
        self.pages = pages
        self.scope = scope
        self.templates = templates
        self.values = values
        self.templateReferences = templateReferences
        self.writer = writer
        self.reuse = reuse
    }
}
