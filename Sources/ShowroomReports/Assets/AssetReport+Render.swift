import Foundation

extension AssetReport: RenderableReport {
    /// The report in `format`.
    public func rendered(as format: ReportFormat) -> String { rendering(as: format) }

    var scopeText: String {
        "\(site.map { "site \($0)" } ?? "all sites") · \(kind.map { "\($0)s" } ?? "all kinds")"
    }

    var summaryText: String {
        "\(Figures.count(totals.assets)) assets costing \(Figures.money(totals.cost)) · "
            + "\(Figures.count(totals.downloads.total)) downloads: \(Figures.count(totals.downloads.link)) through counted links, "
            + "\(Figures.count(totals.downloads.log)) direct (access logs)"
    }

    func line(_ id: String) -> AssetLine? { assets.first { $0.id == id } }

    func lastDownloadText(_ line: AssetLine) -> String {
        line.lastDownload.map(calendar.minuteText) ?? Figures.none
    }

    /// `aurora:12 lumen:3`, most first.
    static func bySiteText(_ counts: [String: Int]) -> String {
        counts.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map { "\($0.key):\($0.value)" }.joined(separator: " ")
    }
}
