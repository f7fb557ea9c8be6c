import Foundation
import ShowroomCore
import ShowroomWorkspace
import Testing

/// Page dates in every form Hugo accepts, read from front matter.
@Suite struct PageDateTests {
    /// The moment a page's `date:` names when its site reads dates in UTC.
    static func moment(of written: String) -> Date? {
        PageSource.parse(text: "---\ndate: \(written)\n---\n", file: "a.md", contentPath: "a.md").0?.moment
    }

    /// 2024-01-02T03:04:05Z.
    static let thirdOfJanuary: TimeInterval = 1_704_164_645

    /// Each form, and how many seconds its moment is from 2024-01-02T03:04:05Z.
    static let forms: [(String, TimeInterval)] = [
        ("2024-01-02", -(3 * 3600 + 4 * 60 + 5)),
        ("2024-01-02T03:04", -5),
        ("2024-01-02T03:04:05", 0),
        ("2024-01-02 03:04:05", 0),
        ("2024-01-02T03:04:05Z", 0),
        ("2024-01-02T03:04:05+08:00", -8 * 3600),
        ("2024-01-02 03:04:05 -0700", 7 * 3600),
        ("2024-01-02T03:04:05-07:00", 7 * 3600),
        ("2024-01-02T03:04:05.250Z", 0.25),
        ("2024-01-02 03:04:05.5 +0800", 0.5 - 8 * 3600),
    ]

    @Test(arguments: forms)
    func everyDateFormHugoAcceptsNamesItsMoment(_ written: String, _ offset: TimeInterval) {
        #expect(Self.moment(of: written)?.timeIntervalSince1970 == Self.thirdOfJanuary + offset)
    }

    @Test func theFixForABadDateIsWrittenInThePagesOwnFormat() throws {
        let (_, diagnostics) = PageSource.parse(text: "{\"date\": \"soon\"}\n", file: "a.md", contentPath: "a.md")
        #expect(diagnostics.first?.hint?.contains("`\"date\": \"2026-03-15\"`") == true)
    }
}
