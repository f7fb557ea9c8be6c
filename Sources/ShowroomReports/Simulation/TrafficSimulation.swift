import Foundation
import ShowroomStorage
import ShowroomWorkspace

/// Fills an empty store with a month of believable traffic for the workspace's fleet, so the reports have
/// something to show before real visitors arrive (`showroom report simulate`, docs/reports.md).
///
/// Page views follow a daytime-and-evening curve, except the youth brand `kite`, whose visitors arrive from
/// 20:00, peak at 22:00 and again at midnight, and are gone by 02:00. Downloadable assets published on a site are
/// downloaded through the counted link with very different popularity (some never); booking sites record the form's
/// steps with drop-off. It also writes an access log (vhost combined format) with direct downloads, the counted
/// link's redirects, ranged parts, bots, page images and a few malformed lines, for `showroom assets ingest-logs`.
/// The same seed gives the same traffic.
public struct TrafficSimulation: Sendable {
    /// What `showroom report simulate` was asked for.
    public struct Options: Sendable {
        /// The workspace whose sites, pages and assets the traffic is made for.
        public var workspace: URL
        /// The build output with the usage index and the asset manifest (default: the workspace's output folder).
        package var publicFolder: URL?
        /// The store to fill (`--database`).
        public var database: String
        /// Days of traffic, 1 to 366, ending at the start of today at the offset.
        public var days: Int
        /// The random seed: the same seed gives the same traffic.
        public var seed: UInt64
        /// The visitors' time zone: their hours of activity are local hours at this offset.
        public var calendar: ReportCalendar
        /// Where to write the access log (default `<workspace>/.showroom/simulated-access.log`).
        public var logFile: URL?
        /// Add to a store that already holds data (refused by default, so a real store is not mixed with invented traffic).
        public var append: Bool

        /// The options of `showroom report simulate`: 30 days of Beijing-time traffic from seed 7 into the collector's
        /// store, unless told otherwise.
        public init(workspace: URL, publicFolder: URL? = nil, database: String = ReportStore.defaultDatabase, days: Int = 30, seed: UInt64 = 7,
                    calendar: ReportCalendar = ReportCalendar(utcOffset: 8 * 3600), logFile: URL? = nil, append: Bool = false) {
            self.workspace = workspace
            self.publicFolder = publicFolder
            self.database = database
            self.days = days
            self.seed = seed
            self.calendar = calendar
            self.logFile = logFile
            self.append = append
        }
    }

    /// What was written.
    public struct Summary: Sendable, Hashable {
        /// Sites traffic was made for.
        package var sites = 0
        /// Page views recorded.
        package var pageviews = 0
        /// Booking form events recorded (shown, started, field error, submitted).
        package var bookingEvents = 0
        /// Downloads through the counted link that the store counted (not the repeats within its window).
        package var countedDownloads = 0
        /// Lines written to the access log, the deliberately malformed ones included.
        package var logLines = 0
        /// The access log's path, for the next command.
        package var logFile = ""
        /// The `--database` argument the next commands need, empty for the default store.
        package var databaseArgument = ""
        /// The days the traffic covers.
        package var period: ReportPeriod

        /// What the command prints, with the next commands to run.
        public var text: String {
            """
            Simulated \(Figures.count(pageviews)) page views, \(Figures.count(bookingEvents)) booking form events and \
            \(Figures.count(countedDownloads)) counted downloads on \(sites) sites.
            Wrote \(Figures.count(logLines)) access-log lines to \(logFile)

            Next:
              showroom assets ingest-logs\(databaseArgument) \(logFile)
              showroom assets report\(databaseArgument) --utc-offset +08:00
              showroom report activity\(databaseArgument) --site kite --utc-offset +08:00

            """
        }
    }

    /// Local-hour weights: office hours and an evening bump for most sites.
    static let dayProfile: [Double] = [0.6, 0.3, 0.2, 0.1, 0.1, 0.2, 0.6, 1.5, 3, 4.5, 5.5, 5, 4, 4.5, 5, 5, 4.5, 4, 3.5, 4, 4.5, 3.5, 2, 1.2]
    /// The youth brand: active from 20:00, peaks at 22:00 and midnight, fading by 02:00.
    static let nightProfile: [Double] = [9.5, 5, 1.2, 0.4, 0.2, 0.2, 0.3, 0.6, 0.9, 1, 1.1, 1.2, 1.6, 1.3, 1.1, 1.1, 1.3, 1.6, 2, 3, 7, 8.5, 10, 7.5]
    static let nightSites: Set<String> = ["kite"]

    /// Makes the traffic, records it in the store and writes the access log; refuses a store that holds data unless
    /// `append`.
    public static func run(_ options: Options, now: Date = Date()) async throws -> Summary {
        let workspace = try ReportWorkspace.load(options.workspace)
        let publicFolder = options.publicFolder ?? workspace.publicFolder
        let usage = try UsageIndex.load(publicFolder: publicFolder)
        guard let manifest = AssetManifest.read(in: publicFolder) else {
            throw ReportError("there is no asset manifest at \(BuildRecordPaths.assetManifest(in: publicFolder).path); run `showroom build` first")
        }
        guard (1...366).contains(options.days) else { throw ReportError("--days must be between 1 and 366") }

        var pages: [String: [String]] = [:]
        for entry in usage.assets.values {
            for use in entry.uses { pages[use.site, default: []].append(use.page) }
        }
        let sites = workspace.sites.map { site in
            SimulatedSite(
                id: site.id, host: URLComponents(string: site.baseURL)?.host ?? "\(site.id).example", booking: site.booking,
                kind: site.kind.rawValue, pages: Array(Set(pages[site.id] ?? ["/"])).sorted(),
                downloads: manifest.assets.filter { $0.value.sites[site.id] != nil && workspace.catalog[$0.key]?.downloadable == true }
                    .map { (id: $0.key, file: $0.value.file) }.sorted { $0.id < $1.id })
        }
        let calendar = options.calendar
        let end = calendar.startOfDay(containing: now)
        let period = ReportPeriod(since: end.addingTimeInterval(-Double(options.days) * 86_400), until: end)
        let logURL = options.logFile ?? workspace.root.appendingPathComponent(".showroom/simulated-access.log")
        let days = options.days, seed = options.seed, append = options.append, database = options.database

        return try await ReportStore.with(database: options.database, workspace: workspace.root) { store in
            if !append, try await store.totals() != StoreTotals(events: 0, downloads: 0) {
                throw ReportError("the store already holds events or downloads; simulate into an empty one "
                                  + "(e.g. --database sqlite:.showroom/demo.sqlite) or pass --append")
            }
            var generator = TrafficGenerator(seed: seed, calendar: calendar)
            var summary = Summary(period: period)
            summary.sites = sites.count
            var log: [String] = []
            for day in 0..<days {
                let midnight = period.since.addingTimeInterval(Double(day) * 86_400)
                for site in sites {
                    let traffic = generator.day(of: site, at: midnight, dayIndex: day, totalDays: days)
                    try await store.record(traffic.events)
                    for download in traffic.downloads {
                        if try await store.record(download, dedupeWindow: 10) == .counted { summary.countedDownloads += 1 }
                    }
                    summary.pageviews += traffic.events.filter { $0.type == .pageview }.count
                    summary.bookingEvents += traffic.events.filter { EventType.bookingFunnel.contains($0.type) }.count
                    log += traffic.logLines
                }
            }
            log.insert(contentsOf: ["-", "not a log line", "203.0.113.77 - - [broken"], at: min(log.count, 40))
            try FileManager.default.createDirectory(at: logURL.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data((log.joined(separator: "\n") + "\n").utf8).write(to: logURL, options: .atomic)
            summary.logLines = log.count
            summary.logFile = logURL.path
            summary.databaseArgument = database == ReportStore.defaultDatabase ? "" : " --database \(database)"
            return summary
        }
    }
}

/// A site as the simulation sees it.
struct SimulatedSite: Sendable {
    var id: String
    var host: String
    var booking: Bool
    var kind: String
    var pages: [String]
    /// Downloadable assets published on the site, with their fingerprinted file names.
    var downloads: [(id: String, file: String)]
}
