import Foundation
import ShowroomCore
import Testing

struct TrimmedTests {
    @Test(arguments: ["", " ", "plain", "  both  ", "\t\ntabs and lines\r\n", "\u{3000}全角\u{3000}", "\u{A0}nbsp\u{2028}", "in ner"])
    func trimsWhatFoundationTrims(_ text: String) {
        #expect(text.trimmed == text.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    @Test func aSubstringIsTrimmedToo() {
        let line = "key:  value  "
        #expect(line[line.index(line.startIndex, offsetBy: 4)...].trimmed == "value")
    }
}
