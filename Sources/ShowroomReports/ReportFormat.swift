/// How a report is written out: every report offers the same four.
public enum ReportFormat: String, Sendable, CaseIterable {
    /// Aligned columns for a terminal.
    case table
    /// One row per item, cells starting with `= + - @` prefixed with `'` so spreadsheets never run them.
    case csv
    /// The documented, stable schema of docs/reports.md.
    case json
    /// One self-contained page: inline CSS, inline SVG charts, a sortable table, no external requests.
    case html
}
