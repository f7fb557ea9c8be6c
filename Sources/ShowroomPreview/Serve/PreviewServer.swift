import Foundation
import Hummingbird
import Logging
import ServiceLifecycle
import ShowroomCore
import ShowroomSite
import ShowroomWorkspace

/// Makes the service that runs beside the preview, given the preview's output folder (the collection
/// service, passed in by the command so that the preview does not depend on it); nil when none should run.
public typealias PreviewService = @Sendable (_ output: URL, _ logger: Logger) throws -> (any Service)?

/// What `showroom serve` was asked to do.
public struct PreviewOptions: Sendable {
    /// The workspace to preview.
    public var workspace: URL
    /// Serve only these sites (all when empty).
    public var sites: [String]
    /// The address the servers listen on (loopback by default).
    public var host: String
    /// With one site: its port. With several: the index page's port; the sites follow on the next ports.
    public var port: Int
    /// Whether drafts are built and served too.
    public var includeDrafts: Bool
    /// Also run this service in the process: the command passes the collection service (on the workspace's
    /// `collector` address, with a development store), so the tracking snippet and the booking form work in
    /// preview. A failure to start it does not stop the preview.
    public var collector: PreviewService?
    /// How often the workspace is scanned for changes.
    package var pollInterval: Duration
    /// Where preview builds go (default `<workspace>/.showroom/preview`), apart from `public/`.
    public var output: URL?
    /// One line per event worth telling the user about (started, rebuilt, errors).
    public var log: @Sendable (String) -> Void
    /// Stop gracefully on SIGINT (Ctrl-C) and SIGTERM: servers finish the requests in flight and `run`
    /// returns. The command line sets it; tests stop the server by cancelling its task instead.
    public var stopOnSignals = false

    /// The options of a preview of `workspace`; everything else has a default for working on one's own machine.
    public init(workspace: URL, sites: [String] = [], host: String = "127.0.0.1", port: Int = 8080, includeDrafts: Bool = false,
                collector: PreviewService? = nil, pollInterval: Duration = .milliseconds(100), output: URL? = nil,
                log: @escaping @Sendable (String) -> Void = { print($0) }) {
        self.workspace = workspace.standardizedFileURL
        self.sites = sites
        self.host = host
        self.port = port
        self.includeDrafts = includeDrafts
        self.collector = collector
        self.pollInterval = pollInterval
        self.output = output
        self.log = log
    }
}

/// `showroom serve`: builds the chosen sites, serves each on its own loopback port (pages use root-relative
/// URLs, so a site cannot live under a path prefix), watches the workspace and rebuilds only the sites a
/// change affects, and makes open tabs reload. A failing build shows its errors in place of the pages.
public struct PreviewServer: Sendable {
    /// What to serve, and how.
    public var options: PreviewOptions

    /// A preview server for `options`; nothing runs until `run`.
    public init(options: PreviewOptions) { self.options = options }

    /// Where each site (and the index, `site == nil`) is served.
    public struct Address: Sendable, Hashable {
        /// The site served there; nil for the index of all sites.
        public var site: String?
        /// The address to open, `http://127.0.0.1:8080/`.
        public var url: String
    }

    var output: URL { options.output ?? options.workspace.appendingPathComponent(".showroom/preview") }

    /// Builds, then serves and watches until the task is cancelled. `ready` receives the addresses once the
    /// first build is done (the ports open a moment later).
    public func run(ready: @escaping @Sendable ([Address]) -> Void = { _ in }) async throws {
        let (workspace, _) = Workspace.load(root: options.workspace)
        let known = workspace.sites.map(\.id)
        let chosen = options.sites.isEmpty ? known.sorted() : options.sites
        let state = PreviewState()
        let watcher = WorkspaceWatcher(root: options.workspace)  // before the first build: edits made during it count

        let first = await build(chosen)
        await record(first, sites: chosen, in: state, initial: true)
        options.log("Built \(first.publishedSites.count) of \(chosen.count) sites in \(String(format: "%.2f", first.seconds)) s")

        var logger = Logger(label: "showroom.serve")
        logger.logLevel = .warning
        var addresses: [Address] = []
        var apps: [any ApplicationProtocol] = []
        let siteBase = options.sites.count == 1 ? options.port : options.port + 1
        for (offset, site) in chosen.enumerated() {
            let port = siteBase + offset
            let url = "http://\(options.host):\(port)/"
            addresses.append(Address(site: site, url: url))
            apps.append(Application(
                responder: SiteResponder(site: site, folder: output.appendingPathComponent(site), state: state),
                configuration: .init(address: .hostname(options.host, port: port), serverName: "showroom-preview"), logger: logger))
        }
        if options.sites.count != 1 {
            let url = "http://\(options.host):\(options.port)/"
            apps.append(Application(
                responder: IndexResponder(sites: addresses.compactMap { address in address.site.map { ($0, address.url) } }, state: state),
                configuration: .init(address: .hostname(options.host, port: options.port), serverName: "showroom-preview"), logger: logger))
            addresses.insert(Address(site: nil, url: url), at: 0)
        }
        ready(addresses)
        for address in addresses { options.log("  \((address.site ?? "index").padding(toLength: 24, withPad: " ", startingAt: 0)) \(address.url)") }

        let collector = try options.collector?(output, logger)
        // One service group: on a stop signal every server stops accepting, finishes what is in flight and
        // returns, and the watcher ends, without the errors a cancelled server logs.
        var services: [ServiceGroupConfiguration.ServiceConfiguration] = apps.map { .init(service: $0) }
        services.append(.init(service: Watcher { try await watch(watcher, sites: chosen, state: state) }))
        if let collector {
            // The preview goes on without the collection service if its port is taken.
            services.append(.init(service: NonEssential(service: collector, log: options.log), successTerminationBehavior: .ignore))
        }
        let group = ServiceGroup(configuration: ServiceGroupConfiguration(
            services: services, gracefulShutdownSignals: options.stopOnSignals ? [.sigint, .sigterm] : [], logger: logger))
        try await group.run()
    }

    /// The workspace watcher as a service: it ends when the group shuts down.
    private struct Watcher: Service {
        let body: @Sendable () async throws -> Void

        func run() async throws {
            do {
                try await cancelWhenGracefulShutdown { try await body() }
            } catch is CancellationError {
            }
        }
    }

    /// A service whose failure is told and does not stop the others.
    private struct NonEssential: Service {
        let service: any Service
        let log: @Sendable (String) -> Void

        func run() async throws {
            do {
                try await service.run()
            } catch {
                log("The collection service did not start: \(error)")
            }
        }
    }

    /// Scans the workspace every `pollInterval` and rebuilds the sites each change affects.
    private func watch(_ watcher: WorkspaceWatcher, sites chosen: [String], state: PreviewState) async throws {
        var watcher = watcher
        var workspace = Workspace.load(root: options.workspace).0
        while true {
            try await Task.sleep(for: options.pollInterval)
            let changed = watcher.changes()
            guard !changed.isEmpty else { continue }
            let records = SiteRecord.readAll(in: output)
            // The site list, kinds and mounts only change with a site.yaml; new files need them up to date.
            let recorded = Set(records.values.flatMap(\.inputs))
            if changed.contains(where: { $0.hasSuffix("site.yaml") || $0 == "showroom.yaml" || !recorded.contains($0) }) {
                workspace = Workspace.load(root: options.workspace).0
            }
            let affected = AffectedSites.map(changed: changed, records: records, workspace: workspace)
            let failing = await state.failingSites()
            let sites = chosen.filter { affected[$0] != nil || failing.contains($0) }
            guard !sites.isEmpty else { continue }
            let report = await build(sites)
            await record(report, sites: sites, in: state, initial: false)
            let errors = report.allDiagnostics.errors.count
            options.log("\(changed.joined(separator: ", ")) changed: rebuilt \(sites.joined(separator: ", ")) in "
                        + "\(String(format: "%.0f", report.seconds * 1000)) ms" + (errors == 0 ? "" : ", \(errors) error\(errors == 1 ? "" : "s")"))
            for diagnostic in report.allDiagnostics.errors { options.log(diagnostic.description) }
        }
    }

    /// Builds `sites` into the preview output on a thread of its own (the build is synchronous and uses every core).
    private func build(_ sites: [String]) async -> BuildReport {
        let options = BuildOptions(workspace: self.options.workspace, output: output, sites: sites, includeDrafts: self.options.includeDrafts)
        return await withCheckedContinuation { continuation in
            Thread.detachNewThread { continuation.resume(returning: FleetBuilder.build(options)) }
        }
    }

    private func record(_ report: BuildReport, sites: [String], in state: PreviewState, initial: Bool) async {
        let shared = report.diagnostics.errors
        for site in sites {
            let errors = shared + (report.sites.first { $0.siteID == site }?.diagnostics.errors ?? [])
            if initial { await state.built(site, errors: errors) } else { await state.rebuilt(site, errors: errors) }
        }
    }
}
