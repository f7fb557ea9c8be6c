import Foundation
import ShowroomStorage
import ShowroomWorkspace

extension AssetReport {
    /// What `showroom assets report` was asked for.
    public struct Options: Sendable {
        /// The workspace with the catalogue and the sites.
        public var workspace: URL
        /// The build output holding `.showroom/usage.json` (default: the workspace's output folder).
        public var publicFolder: URL?
        /// The collector's store (`--database`).
        public var database: String
        /// The period whose downloads count.
        public var period: ReportPeriod
        /// The offset days are read at (`--utc-offset`).
        public var calendar: ReportCalendar
        /// Only this site's uses and downloads (`--site`).
        public var site: String?
        /// Only assets of this kind (`--kind`): photo, brochure, video, logo or other.
        public var kind: String?

        /// The options of `showroom assets report`; the store defaults to the collector's.
        public init(workspace: URL, publicFolder: URL? = nil, database: String = ReportStore.defaultDatabase,
                    period: ReportPeriod, calendar: ReportCalendar, site: String? = nil, kind: String? = nil) {
            self.workspace = workspace
            self.publicFolder = publicFolder
            self.database = database
            self.period = period
            self.calendar = calendar
            self.site = site
            self.kind = kind
        }
    }

    /// Loads the catalogue, the latest build's usage index and the store's downloads, and compiles the report.
    public static func make(_ options: Options, now: Date = Date()) async throws -> AssetReport {
        let workspace = try ReportWorkspace.load(options.workspace)
        if let kind = options.kind, AssetKind(rawValue: kind) == nil {
            throw ReportError("there is no asset kind `\(kind)`; the kinds are \(AssetKind.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        if let site = options.site { try workspace.requireSite(site) }
        let usage = try UsageIndex.load(publicFolder: options.publicFolder ?? workspace.publicFolder)
        let period = options.period
        let calendar = options.calendar
        let (downloads, daily, last, views) = try await ReportStore.with(database: options.database, workspace: workspace.root) { store in
            (try await store.downloadCountsBySource(in: period),
             try await store.downloadCountsByDay(in: period, utcOffset: calendar.utcOffset),
             try await store.lastDownloads(before: period.until),
             try await store.pageViews(in: period))
        }
        let inputs = Inputs(catalog: Array(workspace.catalog.assets.values), usage: usage, downloads: downloads, daily: daily,
                            lastDownloads: last, pageViews: views)
        var report = compile(inputs, period: period, calendar: calendar, site: options.site, kind: options.kind, asOf: now)
        let shown = Set(report.assets.map(\.id))
        report.thumbnails = AssetThumbnail.sources(for: workspace.catalog.assets.values.filter { shown.contains($0.id) },
                                                   filesFolder: workspace.root.appendingPathComponent(workspace.catalog.filesFolder))
        return report
    }
}
