import ShowroomStorage

/// Comma-separated values that are safe to open in a spreadsheet.
enum CSV {
    /// One cell, escaped as the leads export escapes its cells (one rule for every CSV Showroom writes): a cell
    /// that a spreadsheet would run as a formula gets a leading `'`; cells with commas, quotes or line breaks
    /// are quoted.
    static func cell(_ value: String) -> String {
        LeadsExport.csvCell(value)
    }

    /// Rows joined with CRLF (RFC 4180), header first.
    static func document(header: [String], rows: [[String]]) -> String {
        ([header] + rows).map { $0.map(cell).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }
}
