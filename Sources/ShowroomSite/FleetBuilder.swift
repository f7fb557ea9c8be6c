import Foundation
import ShowroomCore
import ShowroomWorkspace

/// What a build was asked to do.
public struct BuildOptions: Sendable {
    /// The workspace's root folder, where `showroom.yaml` and `sites/` are.
    public var workspace: URL
    /// Output folder; nil means the workspace's `output` setting (default `public/`).
    public var output: URL?
    /// Build only these sites (all when empty).
    public var sites: [String]
    /// Whether pages marked `draft: true` are built too (`--drafts` of build, check and serve).
    public var includeDrafts: Bool
    /// The moment scheduled content and licences are judged against.
    public var now: Date
    /// Called once per finished site, for progress lines.
    public var progress: @Sendable (SiteResult) -> Void
    /// When set, the build writes nothing: no output folder, no build records. Each file goes to the
    /// inspector instead, as it is made (`showroom check`).
    public var inspector: OutputInspector? = nil
    /// A one-off address for every built site in place of its `baseURL:` (`--baseURL`); `{site}` stands for each
    /// site's id, and is required when more than one site is built.
    public var baseURL: String? = nil
    /// Ignore the previous build's records (`--cold`): render every page, keep nothing. Otherwise a site none of
    /// whose inputs changed keeps its output, and within a site that builds, each unchanged page keeps its file.
    public var cold = false
    /// Rebuild a site that has a previous output by changing only the files that differ, in the live folder, once
    /// the site built without errors (serve's rebuilds), instead of building a whole new folder and swapping it in.
    public var inPlace = false
    /// Pages already read, kept between builds by a process that builds again and again (serve).
    package var pageCache: Workspace.PageCache? = nil

    /// A build of the workspace at `workspace`; the other options are as the properties above say.
    public init(workspace: URL, output: URL? = nil, sites: [String] = [], includeDrafts: Bool = false, now: Date = Date(),
                progress: @escaping @Sendable (SiteResult) -> Void = { _ in }) {
        self.workspace = workspace
        self.output = output
        self.sites = sites
        self.includeDrafts = includeDrafts
        self.now = now
        self.progress = progress
    }
}

/// The outcome of a whole build, for the summary line and the exit status.
public struct BuildReport: Sendable {
    /// The folder the sites were built into, one sub-folder per site.
    public var output: URL
    /// What each site's build produced, failed sites included; empty when the build stopped before any site.
    public var sites: [SiteResult]
    /// Problems not tied to one site (workspace, catalogue, shared data).
    public var diagnostics: [Diagnostic]
    /// How long the whole build took.
    public var seconds: Double
    /// Sites that no longer exist in the workspace whose output and build record this build removed.
    public var removedSites: [String] = []
    /// How many photos had their web sizes made (0 when `.showroom/cache/variants` held them all).
    public var photosMade = 0

    /// Every diagnostic of the build, in file order, each once.
    public var allDiagnostics: [Diagnostic] {
        var seen: Set<Diagnostic> = []
        return (diagnostics + sites.flatMap(\.diagnostics)).filter { seen.insert($0).inserted }.sortedByLocation()
    }
    /// Whether no diagnostic is an error (the command's exit status).
    public var succeeded: Bool { !allDiagnostics.hasErrors }
    /// The pages of every site, added up.
    public var pages: Int { sites.reduce(0) { $0 + $1.pages } }
    /// The files of every site's output, added up (pages, feeds, assets, …).
    public var files: Int { sites.reduce(0) { $0 + $1.files } }
    /// Content pages rendered by this build, added up.
    public var rendered: Int { sites.reduce(0) { $0 + $1.rendered } }
    /// Content pages whose previous output this build kept, added up.
    public var reused: Int { sites.reduce(0) { $0 + $1.reused } }
    /// Sites whose new output replaced the old.
    public var publishedSites: [String] { sites.filter { !$0.diagnostics.hasErrors }.map(\.siteID) }
}

/// Builds the fleet: loads the workspace once, builds each site into a staging folder, and swaps in every
/// site that built without errors. A site with errors keeps its previous output; the report lists why.
public enum FleetBuilder {
    /// Builds what `options` asks for and says how it went; problems are diagnostics in the report, never thrown.
    public static func build(_ options: BuildOptions) -> BuildReport {
        let started = Date()
        // Before anything is read: an edit made while the build runs then counts as a change next time.
        let sourceHashes = options.inspector == nil
            ? SourceHashes.take(root: options.workspace, sites: options.sites.isEmpty ? nil : options.sites) : SourceHashes()
        var (workspace, loadDiagnostics) = Workspace.load(root: options.workspace, siteIDs: options.sites.isEmpty ? nil : options.sites)
        var addressChanges: [BaseURLOverride.Change] = []
        if let baseURL = options.baseURL {
            switch BaseURLOverride.apply(baseURL, to: workspace.sites) {
            case .success(let sites):
                addressChanges = BaseURLOverride.changes(from: workspace.sites, to: sites)
                workspace.sites = sites
            case .failure(let problem): loadDiagnostics.append(problem)
            }
        }
        let output = options.output ?? workspace.root.appendingPathComponent(workspace.fleet.output)
        var diagnostics = loadDiagnostics
        let cache = workspace.root.appendingPathComponent(".showroom/cache")
        let (library, libraryDiagnostics) = AssetLibrary.prepare(workspace: workspace, cacheFolder: cache)
        func report(_ sites: [SiteResult] = [], removed: [String] = []) -> BuildReport {
            BuildReport(output: output, sites: sites, diagnostics: diagnostics, seconds: Date().timeIntervalSince(started),
                        removedSites: removed, photosMade: library.photosMade)
        }

        diagnostics += libraryDiagnostics

        let (sharedPages, sharedDiagnostics) = mountableSharedPages(workspace, cache: options.pageCache)
        diagnostics += sharedDiagnostics
        guard !diagnostics.hasErrors else { return report() }

        // Every site's host, also when only some sites are built, so the snippet is the same either way.
        let allSites = options.sites.isEmpty || options.baseURL != nil
            ? workspace.sites : Workspace.loadSites(root: workspace.root, only: nil).0
        let inputs = FleetInputs(
            workspace: workspace, library: library, sharedPages: sharedPages, trackingScript: TrackingScript.source,
            fleetHosts: allSites.compactMap { URL(string: $0.baseURL)?.host }.sorted(), addressChanges: addressChanges,
            now: options.now, includeDrafts: options.includeDrafts, pageCache: options.pageCache, sourceHashes: sourceHashes)

        if let inspector = options.inspector {
            let results = ConcurrentMap.map(workspace.sites) { site -> SiteResult in
                let files = SiteFiles(site: site.id, folder: output.appendingPathComponent(site.id).path, inspector: inspector)
                let result = SiteBuilder(site: site, inputs: inputs).build(into: files)
                options.progress(result)
                return result
            }
            return report(results)
        }

        // Sites build side by side (and pages within each site too), so both cores stay busy through
        // each site's serial steps: loading, list pages, sitemap, asset placement.
        try? FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        let indexInvalidated = Locked(false)
        /// Before the first site's output changes, the fleet's index and manifest go: should the build stop before
        /// it makes them again, the next build finds them missing and remakes them.
        @Sendable func invalidateIndex() {
            indexInvalidated.withLock { done in
                guard !done else { return }
                done = true
                try? FileManager.default.removeItem(at: BuildRecordPaths.usageIndex(in: output))
                try? FileManager.default.removeItem(at: BuildRecordPaths.assetManifest(in: output))
            }
        }
        let results = ConcurrentMap.map(workspace.sites) { site -> SiteResult in
            let destination = output.appendingPathComponent(site.id)
            let reusePath = SiteReuse.recordURL(site.id, in: output)
            let siteKey = SiteReuse.siteKey(site, inputs: inputs, sharedStamps: sourceHashes.shared)
            let header = options.cold ? nil : ReuseRecord.read(reusePath, pages: false)
            if let previous = header, let kept = SiteReuse.unchangedResult(of: site, previous: previous, siteKey: siteKey, root: workspace.root,
                                                                       output: output, now: options.now, hashes: sourceHashes) {
                options.progress(kept)
                return kept
            }
            if options.inPlace, header != nil, let previous = ReuseRecord.read(reusePath), FileManager.default.fileExists(atPath: destination.path) {
                let result = buildInPlace(site, previous: previous, destination: destination, siteKey: siteKey,
                                          inputs: inputs, output: output, now: options.now, beforeChange: invalidateIndex)
                options.progress(result)
                return result
            }
            var result: SiteResult
            do {
                let staging = try AtomicDirectory.makeStaging(for: destination)
                var builder = SiteBuilder(site: site, inputs: inputs)
                if header != nil, let previous = ReuseRecord.read(reusePath), FileManager.default.fileExists(atPath: destination.path) {
                    builder.previous = (previous, destination.path)
                }
                result = builder.build(into: SiteFiles(site: site.id, folder: staging.standardizedFileURL.path, inspector: nil))
                if result.diagnostics.hasErrors {
                    try? FileManager.default.removeItem(at: staging)
                } else {
                    // The old record describes the old output: it goes before the swap, the new one comes after,
                    // and only once the site's record and index share describe the new output.
                    invalidateIndex()
                    try? FileManager.default.removeItem(at: reusePath)
                    try AtomicDirectory.swap(staging: staging, into: destination)
                    let recordProblems = BuildRecords.writeSiteFiles(of: result, site: site, workspace: workspace, output: output)
                    result.diagnostics += recordProblems
                    if recordProblems.isEmpty {
                        let reuse = SiteReuse.record(of: result, siteKey: siteKey, hashes: sourceHashes, workspace: workspace, now: options.now)
                        try? Data(reuse.encoded()).write(to: reusePath, options: .atomic)
                    }
                }
            } catch {
                result = SiteResult(siteID: site.id, pages: 0, files: 0, diagnostics: [.error(
                    at: nil, "cannot write the output of \(site.id) to \(destination.path): \(error.localizedDescription)",
                    hint: "check that the output folder is writable")], uses: [], assetFiles: [:], inputs: [], seconds: 0)
            }
            options.progress(result)
            return result
        }
        var removed: [String] = []
        if options.sites.isEmpty {
            let withdrawn = removeDeletedSites(workspace: workspace, output: output)
            removed = withdrawn.removed
            diagnostics += withdrawn.diagnostics
        }
        // An unchanged site's record stays as it is; the index and manifest are made again only when a site
        // was built or removed (from every site's record).
        let built = results.filter { !$0.diagnostics.hasErrors && !$0.unchanged }
        if !built.isEmpty || !removed.isEmpty || !FileManager.default.fileExists(atPath: BuildRecordPaths.usageIndex(in: output).path) {
            diagnostics += BuildRecords.writeIndex(built: built, workspace: workspace, output: output)
        }
        return report(results, removed: removed)
    }

    /// Builds `site` with its changes gathered, then applies them to its live folder when it built without
    /// errors; its reuse record goes first, so that a failure while applying leaves no record of another output.
    private static func buildInPlace(_ site: SiteConfig, previous: ReuseRecord, destination: URL, siteKey: StableHash,
                                     inputs: FleetInputs, output: URL, now: Date, beforeChange: () -> Void) -> SiteResult {
        let changes = SiteChanges(live: destination.path)
        var builder = SiteBuilder(site: site, inputs: inputs)
        builder.previous = (previous, destination.path)
        var result = builder.build(into: SiteFiles(site: site.id, folder: destination.path, inspector: nil, changes: changes))
        guard !result.diagnostics.hasErrors else { return result }
        let reusePath = SiteReuse.recordURL(site.id, in: output)
        beforeChange()
        try? FileManager.default.removeItem(at: reusePath)
        do {
            try changes.apply(outputs: result.outputs, removing: previous.outputs)
        } catch {
            result.diagnostics.append(.error(at: nil, "cannot update the output of \(site.id) in \(destination.path): \(error.localizedDescription)",
                                             hint: "check that the output folder is writable; the next build writes the site anew"))
            return result
        }
        let recordProblems = BuildRecords.writeSiteFiles(of: result, site: site, workspace: inputs.workspace, output: output)
        result.diagnostics += recordProblems
        guard recordProblems.isEmpty else { return result }
        let reuse = SiteReuse.record(of: result, siteKey: siteKey, hashes: inputs.sourceHashes, workspace: inputs.workspace, now: now)
        try? Data(reuse.encoded()).write(to: reusePath, options: .atomic)
        return result
    }

    /// The sites among `recorded` (ids with a build record) whose folder is gone from `sites/`, sorted.
    public static func deletedSites(recorded: some Sequence<String>, workspace: Workspace) -> [String] {
        let current = Set(workspace.sites.map(\.id))
        return recorded.filter { site in
            SiteConfig.isValidID(site) && !current.contains(site)
                && !FileManager.default.fileExists(atPath: workspace.root.appendingPathComponent("sites/\(site)").path)
        }.sorted()
    }

    /// A whole-fleet build withdraws the output of sites whose folder is gone from `sites/`: otherwise a
    /// deleted site would stay in `public/`, be published again, and keep its rows in the usage index.
    /// Only folders this workspace's builds made (their build record names this workspace) are removed, so
    /// two workspaces building into one output folder never remove each other's sites.
    static func removeDeletedSites(workspace: Workspace, output: URL) -> (removed: [String], diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let records = BuildRecordPaths.sitesFolder(in: output)
        let recorded = ((try? FileManager.default.contentsOfDirectory(atPath: records.path)) ?? [])
            .filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }
        var removed: [String] = []
        let root = workspace.root.standardizedFileURL.path
        for site in deletedSites(recorded: recorded, workspace: workspace)
        where BuildRecords.workspaceFolder(ofRecordAt: records.appendingPathComponent("\(site).json")) == root {
            do {
                let folder = output.appendingPathComponent(site)
                if FileManager.default.fileExists(atPath: folder.path) { try FileManager.default.removeItem(at: folder) }
                try FileManager.default.removeItem(at: records.appendingPathComponent("\(site).json"))
                try? FileManager.default.removeItem(at: SiteReuse.recordURL(site, in: output))
                try? FileManager.default.removeItem(at: SiteUsage.url(site, in: output))
                removed.append(site)
            } catch {
                diagnostics.append(.error(at: nil, "cannot remove the output of the deleted site \(site): \(error.localizedDescription)",
                                          hint: "remove \(output.appendingPathComponent(site).path) by hand"))
            }
        }
        return (removed, diagnostics)
    }

    /// The shared pages by every folder a site may mount: a page in `shared/content/news/2026/x.md` is
    /// listed under `news/2026` (as `x.md`) and under `news` (as `2026/x.md`).
    static func mountableSharedPages(_ workspace: Workspace, cache: Workspace.PageCache? = nil) -> ([String: [PageSource]], [Diagnostic]) {
        var sharedPages: [String: [PageSource]] = [:]
        let (shared, diagnostics) = workspace.loadPages(under: Workspace.sharedContentFolder, cache: cache)
        for page in shared {
            var folders = page.contentPath.split(separator: "/").dropLast().map(String.init)
            while !folders.isEmpty {
                let prefix = folders.joined(separator: "/")
                var mounted = page
                mounted.contentPath = String(page.contentPath.dropFirst(prefix.count + 1))
                sharedPages[prefix, default: []].append(mounted)
                folders.removeLast()
            }
        }
        return (sharedPages, diagnostics)
    }
}
