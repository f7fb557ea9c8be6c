import Foundation

extension AssetReport {
    /// The report in `format`.
    public func rendered(as format: ReportFormat) -> String {
        switch format {
        case .table: tableText()
        case .csv: csvText()
        case .json: json().text()
        case .html: htmlPage()
        }
    }

    /// `2026-02-20 to 2026-03-21 (30 days, UTC+08:00)`; the last day shown is the last day included.
    var periodText: String {
        let days = calendar.days(in: period)
        return "\(days.first ?? "") to \(days.last ?? "") (\(days.count) day\(days.count == 1 ? "" : "s"), UTC\(calendar.offsetText))"
    }

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
