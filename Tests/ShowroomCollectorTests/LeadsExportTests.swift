import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import ShowroomCollector
@testable import ShowroomStorage

@Suite("Leads export")
struct LeadsExportTests {
    static let token = "s3cret-token-for-tests"

    static func lead(name: String = "Li Wei", city: String? = "Hangzhou") -> Lead {
        Lead(id: 7, site: "aurora-ev", page: "/specs/", name: name, phone: "13812345678", model: "aurora", city: city,
             dealer: "lumen-hangzhou", visitor: nil, consentVersion: "2026-03", createdAt: Date(timeIntervalSince1970: 1_773_576_000))
    }

    @Test(arguments: [
        ("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\""), ("+86", "'+86"), ("-1", "'-1"), ("@SUM(A1)", "'@SUM(A1)"),
        ("\tTab", "'\tTab"), ("Li Wei", "Li Wei"), ("a,b", "\"a,b\""), ("王小明", "王小明"), ("", ""),
    ])
    func csvCellsThatASpreadsheetWouldRunAreEscaped(text: String, cell: String) {
        #expect(LeadsExport.csvCell(text) == cell)
    }

    @Test(arguments: [
        ("\u{FF1D}1+1", "'\u{FF1D}1+1"), ("\u{FF0B}86 138", "'\u{FF0B}86 138"), ("\u{FF0D}1", "'\u{FF0D}1"),
        ("\u{FF20}SUM(A1)", "'\u{FF20}SUM(A1)"), ("\u{FEFF}=HYPERLINK(0)", "'\u{FEFF}=HYPERLINK(0)"), ("\rX", "\"'\rX\""),
    ])
    func fullWidthFormulaSignsAByteOrderMarkAndACarriageReturnAreEscapedToo(text: String, cell: String) {
        #expect(LeadsExport.csvCell(text) == cell)
    }

    static let presentation = LeadsExport.Presentation(
        dealers: ["lumen-hangzhou": .init(name: "Lumen Space 杭州", phone: "0571-61011143")],
        timeZone: TimeZone(identifier: "Asia/Shanghai")!)

    @Test func theCSVHasAHeaderAndOneLinePerLead() {
        let csv = LeadsExport.render([Self.lead(), Self.lead(name: "=cmd|' /C calc'!A0", city: nil)], as: .csv,
                                     presentation: Self.presentation)
        #expect(csv == """
            \u{FEFF}id,created_at,site,page,name,phone,model,city,dealer,dealer_name,dealer_phone,visitor,consent_version\r
            7,2026-03-15 20:00:00,aurora-ev,/specs/,Li Wei,13812345678,aurora,Hangzhou,lumen-hangzhou,Lumen Space 杭州,0571-61011143,,2026-03\r
            7,2026-03-15 20:00:00,aurora-ev,/specs/,'=cmd|' /C calc'!A0,13812345678,aurora,,lumen-hangzhou,Lumen Space 杭州,0571-61011143,,2026-03\r

            """)
    }

    @Test func theCSVStartsWithAByteOrderMarkSoExcelReadsChineseNamesAsUTF8() {
        let csv = LeadsExport.render([Self.lead(name: "王小明")], as: .csv)
        #expect(Array(csv.utf8.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(csv.contains(",王小明,"))
    }

    @Test func theCSVWritesTimesInTheFleetsTimeZoneAsExcelReadsThem() {
        let berlin = LeadsExport.Presentation(timeZone: TimeZone(identifier: "Europe/Berlin")!)
        #expect(LeadsExport.render([Self.lead()], as: .csv, presentation: berlin).contains("\r\n7,2026-03-15 13:00:00,"))
    }

    @Test func aDealerMissingFromTheDealersFileLeavesItsNameAndPhoneEmpty() {
        let csv = LeadsExport.render([Self.lead()], as: .csv, presentation: LeadsExport.Presentation())
        #expect(csv.contains(",lumen-hangzhou,,,,2026-03\r\n"))
    }

    @Test func theJSONIsAListOfLeadsWithTheCSVsColumnNames() throws {
        let json = LeadsExport.render([Self.lead()], as: .json, presentation: Self.presentation)
        let records = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: String]])
        #expect(records.count == 1)
        #expect(records[0]["phone"] == "13812345678")
        #expect(records[0]["dealer"] == "lumen-hangzhou")
        #expect(records[0]["dealer_name"] == "Lumen Space 杭州")
        #expect(records[0]["created_at"] == "2026-03-15T20:00:00+08:00")
        #expect(records[0]["visitor"] == nil)
    }

    static let shanghai = TimeZone(identifier: "Asia/Shanghai")!
    /// 2026-03-15 20:00 in Shanghai.
    static let evening = Date(timeIntervalSince1970: 1_773_576_000)

    @Test(arguments: [
        ("2026-03-15", 1_773_504_000.0), ("2026-03-15T08:00:00+08:00", 1_773_532_800), ("2026-03-15T00:00:00Z", 1_773_532_800),
        ("today", 1_773_504_000), ("yesterday", 1_773_417_600), ("7d", 1_772_971_200), ("30d", 1_770_984_000), ("TODAY", 1_773_504_000),
    ])
    func sinceIsAWordASpanOfDaysADayInTheFleetsZoneOrAnISOTime(text: String, seconds: Double) throws {
        let since = try #require(LeadsExport.Since(parsing: text))
        #expect(since.start(now: Self.evening, timeZone: Self.shanghai) == Date(timeIntervalSince1970: seconds))
    }

    @Test func withoutSinceAnExportCoversTheLastSevenDays() {
        #expect(LeadsExport.Since.standard.start(now: Self.evening, timeZone: Self.shanghai)
            == Self.evening.addingTimeInterval(-7 * 86_400))
    }

    @Test(arguments: ["soon", "15/03/2026", "", "0d", "-3d", "d"])
    func anythingElseIsNotASince(text: String) {
        #expect(LeadsExport.Since(parsing: text) == nil)
    }

    @Test func withoutATokenTheEndpointDoesNotExist() async throws {
        try await TestCollector.with { _, client in
            let response = try await client.execute(uri: "/leads/export?since=2026-01-01", method: .get,
                                                    headers: [.authorization: "Bearer anything"])
            #expect(response.status == .notFound)
        }
    }

    @Test(arguments: [nil, "Bearer wrong", "Bearer s3cret-token-for-test", "Bearer s3cret-token-for-testsX", "s3cret-token-for-tests", "Basic czNjcmV0"])
    func aMissingOrWrongTokenIsRefusedWith401(authorization: String?) async throws {
        try await TestCollector.with(leadsToken: Self.token) { _, client in
            try await client.postBookingJSON()
            var headers: HTTPFields = [:]
            if let authorization { headers[.authorization] = authorization }
            let response = try await client.execute(uri: "/leads/export?since=2026-01-01", method: .get, headers: headers)
            #expect(response.status == .unauthorized)
            #expect(!response.text.contains("1381234"))
        }
    }

    /// Asks for the export over the loopback connection `client` holds, as one client address.
    @discardableResult
    static func export(_ client: any TestClientProtocol, token: String) async throws -> TestResponse {
        try await client.execute(uri: "/leads/export?since=2026-01-01", method: .get, headers: [.authorization: "Bearer \(token)"])
    }

    @Test func aSixthWrongTokenWithinAMinuteIsRefusedWith429AndRetryAfter() async throws {
        try await TestCollector.with(.live, leadsToken: Self.token) { _, client in
            for attempt in 1...5 {
                #expect(try await Self.export(client, token: "guess-\(attempt)").status == .unauthorized)
            }
            let refused = try await Self.export(client, token: "guess-6")
            #expect(refused.status == .tooManyRequests)
            let retryAfter = try #require(refused.headers[.retryAfter].flatMap { Int($0) })
            #expect((1...60).contains(retryAfter))
        }
    }

    @Test func afterFiveWrongTokensEvenTheRightOneWaitsSoGuessesTeachNothing() async throws {
        try await TestCollector.with(.live, leadsToken: Self.token) { _, client in
            for attempt in 1...5 { try await Self.export(client, token: "guess-\(attempt)") }
            let response = try await Self.export(client, token: Self.token)
            #expect(response.status == .tooManyRequests)
            #expect(!response.text.contains("1381234"))
        }
    }

    @Test func exportsWithTheRightTokenAreNotCountedAsFailures() async throws {
        try await TestCollector.with(.live, leadsToken: Self.token) { _, client in
            for _ in 1...8 {
                let response = try await Self.export(client, token: Self.token)
                #expect(response.status == .ok)
            }
        }
    }

    @Test func aWrongTokenIsLoggedWithoutTheTokenOrTheClientAddress() async throws {
        let log = LogCapture()
        try await TestCollector.with(.live, leadsToken: Self.token, logger: log.logger) { _, client in
            try await Self.export(client, token: "guess-XK42")
        }
        #expect(log.text.contains("leads export refused: the token is wrong"))
        #expect(!log.text.contains("XK42"))
        #expect(!log.text.contains("127.0.0.1") && !log.text.contains("::1"))
    }

    @Test func theLockoutIsLoggedSayingWhenTheNextAttemptIsAllowed() async throws {
        let log = LogCapture()
        try await TestCollector.with(.live, leadsToken: Self.token, logger: log.logger) { _, client in
            for attempt in 1...6 { try await Self.export(client, token: "guess-\(attempt)") }
        }
        #expect(log.text.contains("leads export locked for a client after 5 wrong tokens within a minute"))
        #expect(!log.text.contains("guess-"))
    }

    @Test func theRightTokenGetsTheLeadsAsCSV() async throws {
        try await TestCollector.with(leadsToken: Self.token) { _, client in
            try await client.postBookingJSON()
            try await client.postBookingJSON(bookingFields(["website": "spam"]))
            let response = try await client.execute(uri: "/leads/export?since=2026-01-01", method: .get,
                                                    headers: [.authorization: "Bearer \(Self.token)"])
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "text/csv; charset=utf-8")
            let lines = response.text.split(separator: "\r\n")
            #expect(lines.count == 2)
            #expect(lines[1].contains(",13812345678,aurora,Hangzhou,lumen-hangzhou,Lumen Space Hangzhou,0571-61011143,"))
        }
    }

    @Test func theRightTokenGetsTheLeadsAsJSON() async throws {
        try await TestCollector.with(leadsToken: Self.token) { _, client in
            try await client.postBookingJSON()
            let response = try await client.execute(uri: "/leads/export?since=2026-01-01&format=json", method: .get,
                                                    headers: [.authorization: "Bearer \(Self.token)"])
            #expect(response.status == .ok)
            let records = try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [[String: String]])
            #expect(records.map { $0["phone"] } == ["13812345678"])
        }
    }

    @Test(arguments: ["7d", "today", "30d"])
    func theEndpointTakesTheSameSinceWordsAsTheCommand(since: String) async throws {
        try await TestCollector.with(leadsToken: Self.token) { _, client in
            try await client.postBookingJSON()
            let response = try await client.execute(uri: "/leads/export?since=\(since)&format=json", method: .get,
                                                    headers: [.authorization: "Bearer \(Self.token)"])
            #expect(response.status == .ok)
            let records = try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [[String: String]])
            #expect(records.map { $0["dealer_name"] } == ["Lumen Space Hangzhou"])
        }
    }

    @Test func leadsBeforeSinceAreLeftOut() async throws {
        try await TestCollector.with(leadsToken: Self.token) { _, client in
            try await client.postBookingJSON()
            let response = try await client.execute(uri: "/leads/export?since=2999-01-01&format=json", method: .get,
                                                    headers: [.authorization: "Bearer \(Self.token)"])
            #expect(response.status == .ok)
            #expect((try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [Any])?.isEmpty == true)
        }
    }

    @Test(arguments: ["/leads/export", "/leads/export?since=soon", "/leads/export?since=2026-01-01&format=xml"])
    func aMissingSinceOrUnknownFormatIsA400(uri: String) async throws {
        try await TestCollector.with(leadsToken: Self.token) { _, client in
            let response = try await client.execute(uri: uri, method: .get, headers: [.authorization: "Bearer \(Self.token)"])
            #expect(response.status == .badRequest)
        }
    }

    @Test func theTokenComparisonAcceptsOnlyTheExactToken() {
        #expect(LeadsExportRoute.constantTimeEquals(Array("abc".utf8), Array("abc".utf8)))
        #expect(!LeadsExportRoute.constantTimeEquals(Array("abd".utf8), Array("abc".utf8)))
        #expect(!LeadsExportRoute.constantTimeEquals(Array("ab".utf8), Array("abc".utf8)))
        #expect(!LeadsExportRoute.constantTimeEquals(Array("abcd".utf8), Array("abc".utf8)))
    }
}
