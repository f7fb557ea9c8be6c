/// Comma-separated values that are safe to open in a spreadsheet.
enum CSV {
    /// One cell: a cell starting with `=`, `+`, `-` or `@` (or a tab or carriage return) gets a leading `'` so a
    /// spreadsheet shows it as text instead of running it as a formula; cells with commas, quotes or line breaks
    /// are quoted.
    static func cell(_ value: String) -> String {
        var text = value
        if let first = text.first, "=+-@\t\r".contains(first) { text = "'" + text }
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Rows joined with CRLF (RFC 4180), header first.
    static func document(header: [String], rows: [[String]]) -> String {
        ([header] + rows).map { $0.map(cell).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }
}
