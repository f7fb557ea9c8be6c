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
    /// The one port every site and the index are served on.
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

/// `showroom serve`: builds the chosen sites, serves them all on one loopback port, each under a host name of its
/// own (`http://aurora.localhost:8080/`; pages use root-relative URLs, so a site cannot live under a path prefix),
/// watches the workspace and rebuilds only the sites a change affects, and makes open tabs reload. A failing
/// build shows its errors in place of the pages.
public struct PreviewServer: Sendable {
    /// What to serve, and how.
    public var options: PreviewOptions

    /// A preview server for `options`; nothing runs until `run`.
    public init(options: PreviewOptions) { self.options = options }

    /// Where each site (and the index, `site == nil`) is served.
    public struct Address: Sendable, Hashable {
        /// The site served there; nil for the index of all sites.
        public var site: String?
        /// The address to open, `http://aurora.localhost:8080/`.
        public var url: String
    }

    var output: URL { options.output ?? options.workspace.appendingPathComponent(".showroom/preview") }

    /// Builds, then serves and watches until the task is cancelled. `ready` receives the addresses once the
    /// first build is done (the port opens a moment later). Throws `PortCheck.Taken`, before building anything,
    /// when the preview's port or the collection service's is taken.
    public func run(ready: @escaping @Sendable ([Address]) -> Void = { _ in }) async throws {
        let (workspace, _) = Workspace.load(root: options.workspace)
        let known = workspace.sites.map(\.id)
        let chosen = options.sites.isEmpty ? known.sorted() : options.sites
        let collector = options.collector == nil ? nil : Self.localCollector(FleetConfig.load(root: options.workspace).0.collector)
        try checkPorts(collector: collector)

        let state = PreviewState()
        // Before the first build: edits made during it count.
        let watcher = WorkspaceWatcher(root: options.workspace, sites: options.sites.isEmpty ? nil : chosen)
        let pageCache = Workspace.PageCache()
        let first = await build(chosen, pageCache: pageCache)
        await record(first, sites: chosen, in: state, initial: true)
        options.log("Built \(first.publishedSites.count) of \(chosen.count) sites in \(String(format: "%.2f", first.seconds)) s")
        for diagnostic in first.allDiagnostics.errors { options.log(diagnostic.description) }

        var logger = Logger(label: "showroom.serve")
        logger.logLevel = .warning
        let routing = PreviewRouting(sites: chosen.sorted(), single: chosen.count == 1 ? chosen[0] : nil, port: options.port)
        var responders: [String: SiteResponder] = [:]
        for site in chosen {
            responders[site] = SiteResponder(site: site, folder: output.appendingPathComponent(site), state: state,
                                             collector: collector?.address)
        }
        let app = Application(
            responder: PreviewResponder(routing: routing, sites: responders, state: state),
            configuration: .init(address: .hostname(options.host, port: options.port), serverName: "showroom-preview"), logger: logger)
        var addresses = chosen.map { Address(site: $0, url: routing.startURL(of: $0)) }
        if routing.single == nil { addresses.insert(Address(site: nil, url: "http://localhost:\(options.port)/"), at: 0) }
        ready(addresses)
        for address in addresses { options.log("  \((address.site ?? "index").padding(toLength: 24, withPad: " ", startingAt: 0)) \(address.url)") }
        for other in Self.otherDeviceAddresses(host: options.host) {
            options.log("  \("from another device".padding(toLength: 24, withPad: " ", startingAt: 0)) http://\(other):\(options.port)/")
        }

        let collectorService = try options.collector?(output, logger)
        // One service group: on a stop signal the server stops accepting, finishes what is in flight and
        // returns, and the watcher ends, without the errors a cancelled server logs.
        var services: [ServiceGroupConfiguration.ServiceConfiguration] = [.init(service: app)]
        services.append(.init(service: Watcher { try await watch(watcher, sites: chosen, state: state, pageCache: pageCache) }))
        if let collectorService {
            // Its port was free a moment ago; should it fail anyway, the preview goes on and says so.
            services.append(.init(service: NonEssential(service: collectorService, log: options.log), successTerminationBehavior: .ignore))
        }
        let group = ServiceGroup(configuration: ServiceGroupConfiguration(
            services: services, gracefulShutdownSignals: options.stopOnSignals ? [.sigint, .sigterm] : [], logger: logger))
        try await group.run()
    }

    /// The collection service's address and port when it is on this machine (the preview runs it then).
    private static func localCollector(_ address: String) -> (address: String, port: Int)? {
        guard let components = URLComponents(string: address), let host = components.host,
              ["127.0.0.1", "localhost", "::1"].contains(host) else { return nil }
        return (address, components.port ?? (components.scheme == "https" ? 443 : 80))
    }

    /// Refuses to start when the preview's port is the collection service's, or either is taken.
    private func checkPorts(collector: (address: String, port: Int)?) throws {
        let host = options.host
        if let collector, collector.port == options.port {
            throw PortCheck.Taken(purpose: "the preview", host: host, port: options.port, holder: "the collection service (\(collector.address), showroom.yaml `collector:`)",
                                  fix: "pick another port for the preview, e.g. `showroom serve --port \(options.port == 8080 ? 8081 : 8080)`")
        }
        try PortCheck.require(host: host, port: options.port, purpose: "the preview",
                              fix: "stop that program, or preview on another port: `showroom serve --port \(options.port + 1)`")
        if let collector {
            // The preview's collection service listens where the preview does when that is beyond loopback.
            try PortCheck.require(host: PreviewRouting.isThisMachine(host) ? "127.0.0.1" : host, port: collector.port,
                                  purpose: "the collection service (bookings and tracking)",
                                  fix: "stop that program (an earlier `showroom serve` or `showroom collector`?), or run without it: `showroom serve --no-collector`")
        }
    }

    /// The addresses another device on the network reaches the preview at, when it listens beyond loopback.
    package static func otherDeviceAddresses(host: String) -> [String] {
        guard !PreviewRouting.isThisMachine(host) else { return [] }
        guard host == "0.0.0.0" else { return [host] }
        var found: [String] = []
        var list: UnsafeMutablePointer<ifaddrs>?
        guard getifaddrs(&list) == 0 else { return [] }
        defer { freeifaddrs(list) }
        var entry = list
        while let current = entry {
            defer { entry = current.pointee.ifa_next }
            guard let address = current.pointee.ifa_addr, address.pointee.sa_family == sa_family_t(AF_INET) else { continue }
            var text = [CChar](repeating: 0, count: Int(INET_ADDRSTRLEN))
            address.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { pointer in
                var bytes = pointer.pointee.sin_addr
                _ = inet_ntop(AF_INET, &bytes, &text, socklen_t(INET_ADDRSTRLEN))
            }
            let name = String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            if !name.hasPrefix("127.") { found.append(name) }
        }
        return found
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

    /// Rebuilds the sites each change affects. Changes are noticed by file events where the system has them
    /// (checked every 5 ms; the paths they name are scanned, and the whole workspace every fifty
    /// `pollInterval`s in case one was missed), else by scanning every `pollInterval`.
    private func watch(_ watcher: WorkspaceWatcher, sites chosen: [String], state: PreviewState, pageCache: Workspace.PageCache) async throws {
        var watcher = watcher
        var workspace = Workspace.load(root: options.workspace).0
        let events = FileEvents(root: options.workspace)
        var lastScan = ContinuousClock.now - options.pollInterval * 50  // the first pass scans: edits made during the first build
        while true {
            let changed: [String]
            if let events {
                try await Task.sleep(for: .milliseconds(5))
                if let named = events.drain() {
                    changed = watcher.changes(at: named)
                } else if ContinuousClock.now - lastScan >= options.pollInterval * 50 {
                    lastScan = ContinuousClock.now
                    changed = watcher.changes()
                } else {
                    continue
                }
            } else {
                try await Task.sleep(for: options.pollInterval)
                changed = watcher.changes()
            }
            guard !changed.isEmpty else { continue }
            // A site whose site.yaml no longer loads is missing from the workspace, so no record maps to it: a
            // change in its folder rebuilds it anyway, and the build reports the error.
            let inFolder = Set(changed.compactMap { path -> String? in
                let parts = path.split(separator: "/")
                return parts.count >= 3 && parts[0] == "sites" ? String(parts[1]) : nil
            })
            let failing = await state.failingSites()
            var affected: [String: [String]] = [:]
            // Edits inside served sites' own folders (not their site.yaml) affect those sites only: the records,
            // whose reading costs a decoding of every page's inputs, are needed only for the rest.
            let onlyOwnFolders = changed.allSatisfy { path in
                let parts = path.split(separator: "/")
                return parts.count >= 4 && parts[0] == "sites" && chosen.contains(String(parts[1])) && parts[2] != "site.yaml"
            }
            if !onlyOwnFolders {
                let records = SiteRecord.readAll(in: output)
                // The site list, kinds and mounts only change with a site.yaml; new files need them up to date.
                let recorded = Set(records.values.flatMap(\.inputs))
                if changed.contains(where: { $0.hasSuffix("site.yaml") || $0 == "showroom.yaml" || !recorded.contains($0) }) {
                    workspace = Workspace.load(root: options.workspace).0
                }
                affected = AffectedSites.map(changed: changed, records: records, workspace: workspace)
            }
            let sites = chosen.filter { affected[$0] != nil || failing.contains($0) || inFolder.contains($0) }
            guard !sites.isEmpty else { continue }
            let report = await build(sites, pageCache: pageCache)
            await record(report, sites: sites, in: state, initial: false)
            let errors = report.allDiagnostics.errors.count
            options.log("\(changed.joined(separator: ", ")) changed: rebuilt \(sites.joined(separator: ", ")) in "
                        + "\(String(format: "%.0f", report.seconds * 1000)) ms (\(report.rendered) page\(report.rendered == 1 ? "" : "s") rendered, "
                        + "\(report.reused) kept)" + (errors == 0 ? "" : ", \(errors) error\(errors == 1 ? "" : "s")"))
            for diagnostic in report.allDiagnostics.errors { options.log(diagnostic.description) }
        }
    }

    /// Builds `sites` into the preview output on a thread of its own (the build is synchronous and uses every core),
    /// in place, with the pages already read kept in `pageCache` between builds.
    private func build(_ sites: [String], pageCache: Workspace.PageCache) async -> BuildReport {
        var build = BuildOptions(workspace: self.options.workspace, output: output, sites: sites, includeDrafts: self.options.includeDrafts)
        build.inPlace = true
        build.pageCache = pageCache
        let options = build
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
