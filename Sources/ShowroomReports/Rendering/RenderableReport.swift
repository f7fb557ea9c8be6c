import ShowroomStorage

/// A report that can be written in every `ReportFormat`: each report supplies the four renderings, and gets
/// `rendering(as:)` (behind its public `rendered(as:)`) and the period line its table and HTML page head with.
protocol RenderableReport {
    /// The period the report covers.
    var period: ReportPeriod { get }
    /// The offset its days are read at.
    var calendar: ReportCalendar { get }
    /// Aligned columns for a terminal.
    func tableText() -> String
    /// One row per item.
    func csvText() -> String
    /// The documented JSON schema.
    func json() -> JSONValue
    /// One self-contained page.
    func htmlPage() -> String
}

extension RenderableReport {
    /// The report in `format`.
    func rendering(as format: ReportFormat) -> String {
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
}
