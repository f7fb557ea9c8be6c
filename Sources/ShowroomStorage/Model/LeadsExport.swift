import Foundation

/// The one way leads leave the system: `showroom leads export` and `GET /leads/export` both write them with this.
///
/// The CSV is made for Excel: it starts with a UTF-8 byte order mark (without one Excel reads Chinese names as
/// Latin-1), names each dealer beside its id, and writes times in the fleet's time zone. CSV cells that a spreadsheet would run as a formula (see `formulaStarts`) get a leading `'`, so a name like
/// `=HYPERLINK(…)` stays text.
public enum LeadsExport {
    /// The two shapes an export comes in: CSV for a dealer's spreadsheet, JSON for a script.
    public enum Format: String, Sendable, CaseIterable {
        case csv, json

        /// The HTTP content type of an export in this format.
        public var contentType: String {
            switch self {
            case .csv: "text/csv; charset=utf-8"
            case .json: "application/json"
            }
        }
    }

    /// The columns of the CSV export, in order; the JSON export uses the same names.
    package static let columns = [
        "id", "created_at", "site", "page", "name", "phone", "model", "city", "dealer", "dealer_name", "dealer_phone",
        "visitor", "consent_version",
    ]

    /// The byte order mark the CSV starts with, so Excel reads it as UTF-8.
    public static let byteOrderMark = "\u{FEFF}"

    /// The leads as CSV (a byte order mark, a header line, then one line per lead, CRLF line ends) or as a JSON
    /// array, with the dealers and time zone of `presentation`.
    public static func render(_ leads: [Lead], as format: Format, presentation: Presentation = Presentation()) -> String {
        switch format {
        case .csv:
            let lines = [columns.joined(separator: ",")] + leads.map { lead in
                cells(of: lead, time: presentation.spreadsheetTime, presentation).map { csvCell($0 ?? "") }.joined(separator: ",")
            }
            return byteOrderMark + lines.joined(separator: "\r\n") + "\r\n"
        case .json:
            let records = leads.map { lead in
                Dictionary(uniqueKeysWithValues: zip(columns, cells(of: lead, time: presentation.isoTime, presentation))
                    .compactMap { key, value in value.map { (key, $0) } })
            }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
            return ((try? encoder.encode(records)).flatMap { String(data: $0, encoding: .utf8) } ?? "[]") + "\n"
        }
    }

    /// The first characters that make a spreadsheet read a cell as a formula: `=`, `+`, `-`, `@`; their full-width
    /// forms `＝ ＋ － ＠`, which Excel and WPS read as the same signs (a Chinese or Japanese input method types
    /// them); a byte order mark, which a spreadsheet may strip before reading what follows; tab and carriage return.
    static let formulaStarts: Set<Unicode.Scalar> = [
        "=", "+", "-", "@", "\u{FF1D}", "\u{FF0B}", "\u{FF0D}", "\u{FF20}", "\u{FEFF}", "\t", "\r",
    ]

    /// One CSV cell: formula-like text defused with a leading `'`, then quoted when it holds `,`, `"` or a line break.
    public static func csvCell(_ text: String) -> String {
        var cell = text
        if let first = cell.unicodeScalars.first, formulaStarts.contains(first) {
            cell = "'" + cell
        }
        // By byte: "\r\n" is one Character, equal to neither "\r" nor "\n", and must still be quoted.
        if cell.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }) {
            cell = "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return cell
    }

    private static func cells(of lead: Lead, time: (Date) -> String, _ presentation: Presentation) -> [String?] {
        let contact = presentation.dealers[lead.dealer]
        return [
            lead.id.map(String.init), time(lead.createdAt), lead.site, lead.page, lead.name, lead.phone,
            lead.model, lead.city, lead.dealer, contact?.name, contact?.phone, lead.visitor, lead.consentVersion,
        ]
    }
}
