extension AssetReport {
    /// The CSV columns, in order (docs/reports.md).
    static let csvHeader = [
        "asset", "kind", "title", "owner", "cost", "currency", "sites", "pages", "downloads", "link_downloads", "log_downloads",
        "downloads_by_site", "cost_per_download", "cost_per_use", "last_download", "licence_expiry", "never_used",
        "used_never_downloaded", "page_views", "cost_per_1000_views",
    ]

    /// One row per asset; empty cells where a figure does not exist (no division by zero).
    func csvText() -> String {
        let neverUsed = Set(neverUsed)
        let unDownloaded = Set(usedNeverDownloaded)
        let rows = assets.map { line in
            [
                line.id, line.kind, line.title, line.owner ?? "", Self.plain(line.cost), line.currency,
                line.sites.joined(separator: " "), String(line.pages), String(line.downloads.total), String(line.downloads.link),
                String(line.downloads.log), Self.bySiteText(line.downloadsBySite), line.costPerDownload.map(Self.plain) ?? "",
                line.costPerUse.map(Self.plain) ?? "", line.lastDownload.map(Self.isoText) ?? "", line.licenceExpiry ?? "",
                neverUsed.contains(line.id) ? "yes" : "no", unDownloaded.contains(line.id) ? "yes" : "no",
                String(line.pageViews), line.costPerThousandViews.map(Self.plain) ?? "",
            ]
        }
        return CSV.document(header: Self.csvHeader, rows: rows)
    }

    /// `1000000`, `27027.03`: plain figures a spreadsheet reads as numbers.
    static func plain(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : "\(value)"
    }
}
