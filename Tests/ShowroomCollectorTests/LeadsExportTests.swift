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

    @Test func theCSVHasAHeaderAndOneLinePerLead() {
        let csv = LeadsExport.render([Self.lead(), Self.lead(name: "=cmd|' /C calc'!A0", city: nil)], as: .csv)
        #expect(csv == """
            id,created_at,site,page,name,phone,model,city,dealer,visitor,consent_version\r
            7,2026-03-15T12:00:00Z,aurora-ev,/specs/,Li Wei,13812345678,aurora,Hangzhou,lumen-hangzhou,,2026-03\r
            7,2026-03-15T12:00:00Z,aurora-ev,/specs/,'=cmd|' /C calc'!A0,13812345678,aurora,,lumen-hangzhou,,2026-03\r

            """)
    }

    @Test func theJSONIsAListOfLeadsWithTheCSVsColumnNames() throws {
        let json = LeadsExport.render([Self.lead()], as: .json)
        let records = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: String]])
        #expect(records.count == 1)
        #expect(records[0]["phone"] == "13812345678")
        #expect(records[0]["dealer"] == "lumen-hangzhou")
        #expect(records[0]["created_at"] == "2026-03-15T12:00:00Z")
        #expect(records[0]["visitor"] == nil)
    }

    @Test(arguments: [("2026-03-15", 1_773_532_800.0), ("2026-03-15T08:00:00+08:00", 1_773_532_800), ("2026-03-15T00:00:00Z", 1_773_532_800)])
    func sinceIsADayOrAnISOTime(text: String, seconds: Double) {
        #expect(LeadsExport.parseSince(text) == Date(timeIntervalSince1970: seconds))
    }

    @Test(arguments: ["yesterday", "15/03/2026", ""])
    func anythingElseIsNotASince(text: String) {
        #expect(LeadsExport.parseSince(text) == nil)
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
            #expect(lines[1].contains(",13812345678,aurora,Hangzhou,lumen-hangzhou,"))
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
