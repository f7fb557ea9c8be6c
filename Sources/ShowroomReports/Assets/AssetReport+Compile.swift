import Foundation
import ShowroomStorage
import ShowroomWorkspace

extension AssetReport {
    /// Everything the report joins, already loaded.
    package struct Inputs: Sendable {
        /// Every asset in the catalogue, with its cost, kind and licence.
        package var catalog: [Asset]
        /// Where the latest build used each asset.
        package var usage: UsageIndex
        /// The period's downloads per asset, site and source.
        package var downloads: [SourcedDownloadCount]
        /// The period's downloads per day, for the chart over time.
        package var daily: [AssetDayCount]
        /// Each asset's latest download from each site, however long ago.
        package var lastDownloads: [LastDownload]
        /// Page views per site and page in the period, for each asset's exposure.
        package var pageViews: [PageViewCount]

        /// The inputs as loaded (or as a test's fixtures give them).
        package init(catalog: [Asset], usage: UsageIndex, downloads: [SourcedDownloadCount], daily: [AssetDayCount], lastDownloads: [LastDownload],
                     pageViews: [PageViewCount] = []) {
            self.catalog = catalog
            self.usage = usage
            self.downloads = downloads
            self.daily = daily
            self.lastDownloads = lastDownloads
            self.pageViews = pageViews
        }
    }

    /// How far ahead a licence counts as expiring (the build warns from the same point).
    package static let licenceWarningDays = 30

    /// Joins the inputs for one period, optionally one site and one kind. Pure: the same inputs give the same report.
    package static func compile(
        _ inputs: Inputs, period: ReportPeriod, calendar: ReportCalendar, site: String?, kind: String?, asOf: Date
    ) -> AssetReport {
        let inSite = { (candidate: String) in site == nil || candidate == site }
        let catalogIDs = Set(inputs.catalog.map(\.id))
        let uses = inputs.usage.assets.flatMap { id, entry in entry.uses.map { use in use.asset.isEmpty ? UsageIndex.Use(
            asset: id, site: use.site, page: use.page, file: use.file, line: use.line, column: use.column) : use } }
            .filter { inSite($0.site) }
        let usesByAsset = Dictionary(grouping: uses, by: \.asset)
        let downloads = inputs.downloads.filter { inSite($0.site) }
        let downloadsByAsset = Dictionary(grouping: downloads, by: \.asset)
        let lastByAsset = Dictionary(grouping: inputs.lastDownloads.filter { inSite($0.site) }, by: \.asset)
            .mapValues { $0.map(\.at).max()! }
        let viewsByPage = Dictionary(inputs.pageViews.filter { inSite($0.site) }.map { ("\($0.site)\u{0}\($0.page)", $0.views) },
                                     uniquingKeysWith: +)

        let lines = inputs.catalog.filter { kind == nil || $0.kind.rawValue == kind }.map { asset in
            let assetUses = usesByAsset[asset.id] ?? []
            let pageKeys = Set(assetUses.map { "\($0.site)\u{0}\($0.page)" })
            let pages = pageKeys.count
            let views = pageKeys.reduce(0) { $0 + (viewsByPage[$1] ?? 0) }
            var tally = DownloadTally()
            var bySite: [String: Int] = [:]
            for count in downloadsByAsset[asset.id] ?? [] {
                tally.add(count.downloads, from: count.source)
                bySite[count.site, default: 0] += count.downloads
            }
            var line = AssetLine(
                id: asset.id, kind: asset.kind.rawValue, title: asset.title, owner: asset.owner, cost: asset.cost,
                currency: asset.currency, downloadable: asset.downloadable,
                licenceExpiry: asset.licenceExpiry.map(ReportCalendar(utcOffset: 0).dayText),
                sites: Set(assetUses.map(\.site)).sorted(), pages: pages, downloads: tally, downloadsBySite: bySite,
                costPerDownload: divide(asset.cost, by: tally.total), costPerUse: divide(asset.cost, by: pages),
                lastDownload: lastByAsset[asset.id])
            line.pageViews = views
            line.costPerThousandViews = views > 0 ? divide(asset.cost * 1000, by: views) : nil
            return line
        }.sorted { ($0.downloads.total, $0.cost, $1.id) > ($1.downloads.total, $1.cost, $0.id) }

        let neverUsed = lines.filter { $0.pages == 0 }.sorted { ($0.cost, $1.id) > ($1.cost, $0.id) }
        let today = calendar.startOfDay(containing: asOf)
        let expiring = inputs.catalog.filter { kind == nil || $0.kind.rawValue == kind }.compactMap { asset -> ExpiringLicence? in
            guard let expiry = asset.licenceExpiry else { return nil }
            let expiryDay = ReportCalendar(utcOffset: 0).dayText(expiry)
            let daysLeft = Int(((expiry.timeIntervalSince1970 - Double(calendar.utcOffset)) - today.timeIntervalSince1970) / 86_400)
            guard daysLeft <= licenceWarningDays else { return nil }
            if site != nil, usesByAsset[asset.id] == nil { return nil }
            return ExpiringLicence(asset: asset.id, expiry: expiryDay, daysLeft: daysLeft)
        }.sorted { ($0.daysLeft, $0.asset) < ($1.daysLeft, $1.asset) }

        var missing: [String: MissingAsset] = [:]
        if kind == nil {
            for use in uses where !catalogIDs.contains(use.asset) {
                missing[use.asset, default: MissingAsset(id: use.asset, uses: [], downloads: 0)].uses.append(use)
            }
            for count in downloads where !catalogIDs.contains(count.asset) {
                missing[count.asset, default: MissingAsset(id: count.asset, uses: [], downloads: 0)].downloads += count.downloads
            }
        }
        let scopedIDs = Set(lines.map(\.id))
        var byDay: [String: DownloadTally] = [:]
        for count in inputs.daily where inSite(count.site) && scopedIDs.contains(count.asset) {
            byDay[count.day, default: DownloadTally()].add(count.downloads, from: count.source)
        }
        var total = DownloadTally()
        for line in lines {
            total.link += line.downloads.link
            total.log += line.downloads.log
        }

        var report = AssetReport(
            period: period, calendar: calendar, site: site, kind: kind, asOf: asOf,
            assets: lines,
            neverUsed: neverUsed.map(\.id),
            moneySunk: Money.totals(neverUsed.map { ($0.cost, $0.currency) }),
            usedNeverDownloaded: lines.filter { $0.pages > 0 && $0.downloadable && $0.downloads.total == 0 }.map(\.id).sorted(),
            mostDownloaded: lines.filter { $0.downloads.total > 0 }.prefix(10).map(\.id),
            expiringLicences: expiring,
            missingAssets: missing.values.map { MissingAsset(id: $0.id, uses: $0.uses.sorted(by: Self.useOrder), downloads: $0.downloads) }
                .sorted { $0.id < $1.id },
            downloadsByDay: calendar.days(in: period).map { DailyDownloads(day: $0, downloads: byDay[$0] ?? DownloadTally()) },
            totals: Totals(assets: lines.count, cost: Money.totals(lines.map { ($0.cost, $0.currency) }), downloads: total))
        report.exposedPhotos = lines.filter { $0.kind == AssetKind.photo.rawValue && !$0.downloadable && $0.pages > 0 }
            .sorted { ($0.pageViews, $1.id) > ($1.pageViews, $0.id) }.map(\.id)
        return report
    }

    /// `amount / count` to the cent, or nil when there is nothing to divide by.
    static func divide(_ amount: Double, by count: Int) -> Double? {
        guard count > 0 else { return nil }
        return (amount / Double(count) * 100).rounded() / 100
    }

    static func useOrder(_ a: UsageIndex.Use, _ b: UsageIndex.Use) -> Bool {
        (a.site, a.page, a.file, a.line ?? 0) < (b.site, b.page, b.file, b.line ?? 0)
    }
}
