@testable import ShowroomReports
import Testing

/// The reports' CSV cells are neutralised like the leads export's: a spreadsheet never runs one as a formula.
@Suite struct CSVCellTests {
    @Test func fullWidthFormulaSignsAndAByteOrderMarkGetALeadingQuote() {
        for cell in ["＝SUM(A1)", "＋1", "－1", "＠agency", "\u{FEFF}=1"] {
            #expect(CSV.cell(cell) == "'" + cell, "\(cell)")
        }
    }

    @Test func aCellStartingWithALineBreakIsNeutralisedAndQuoted() {
        #expect(CSV.cell("\r\n=1") == "\"'\r\n=1\"")
    }

    /// A CRLF inside a cell is one Swift Character; unquoted, it would start a new row in the file.
    @Test func aCellHoldingALineBreakIsQuotedSoItStaysOneCell() {
        #expect(CSV.cell("Li\r\nWei") == "\"Li\r\nWei\"")
    }
}
