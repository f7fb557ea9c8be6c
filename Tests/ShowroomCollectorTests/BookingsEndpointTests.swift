import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import ShowroomCollector
@testable import ShowroomStorage

@Suite("POST /bookings")
struct BookingsEndpointTests {
    @Test func aPlainFormPostIsRedirectedToAThankYouPageNamingTheDealer() async throws {
        try await TestCollector.with { _, client in
            let response = try await client.postBookingForm()
            #expect(response.status == .seeOther)
            let location = try #require(response.headers[.location])
            #expect(location.hasPrefix("/bookings/thanks?"))
            #expect(location.contains("dealer=lumen-hangzhou"))
            let thanks = try await client.get(location)
            #expect(thanks.status == .ok)
            #expect(thanks.text.contains("Lumen Space Hangzhou"))
            #expect(thanks.text.contains("href=\"https://aurora.lumen-motors.example/specs/\""))
        }
    }

    @Test func aJSONBookingIsAnsweredWithTheDealerWhoWillCall() async throws {
        try await TestCollector.with { _, client in
            let response = try await client.postBookingJSON()
            #expect(response.status == .ok)
            let answer = try response.bookingAnswer()
            #expect(answer.ok)
            #expect(answer.dealer?.name == "Lumen Space Hangzhou")
        }
    }

    @Test func theLeadIsStoredWithTheNormalisedNumberAndEveryField() async throws {
        try await TestCollector.with { collector, client in
            try await client.postBookingJSON(bookingFields(["phone": "86-138 1234-5678", "city": "杭州"]))
            let lead = try #require(try await collector.store.leads(since: .distantPast).first)
            #expect(lead.phone == "13812345678")
            #expect(lead.name == "Li Wei")
            #expect(lead.model == "aurora")
            #expect(lead.city == "Hangzhou")
            #expect(lead.dealer == "lumen-hangzhou")
            #expect(lead.site == "aurora-ev" && lead.page == "/specs/")
            #expect(lead.visitor == TestCollector.visitor)
            #expect(lead.consentVersion == "2026-03")
            #expect(!lead.isSpam)
        }
    }

    @Test func theLeadIsCommittedToTheFileBeforeTheSuccessAnswer() async throws {
        try await TestCollector.with { collector, client in
            let response = try await client.postBookingForm()
            #expect(response.status == .seeOther)
            // A second connection to the same file sees it: it is committed, not waiting in a buffer.
            let reader = try SQLiteStore(path: collector.workspace.databasePath)
            #expect(try await reader.leadTotals().leads == 1)
            try await reader.close()
        }
    }

    @Test func aStoreThatCannotWriteGetsNoSuccessAnswerButA503WithRetryAfter() async throws {
        try await TestCollector.with(serviceStore: { _ in FailingStore() }) { _, client in
            let form = try await client.postBookingForm()
            #expect(form.status == .serviceUnavailable)
            #expect(form.headers[.retryAfter] == "2")
            let json = try await client.postBookingJSON()
            #expect(json.status == .serviceUnavailable)
        }
    }

    @Test func theSameNumberBookingTheSameModelWithinADayIsOneLeadWithTheSameDealer() async throws {
        try await TestCollector.with { collector, client in
            let first = try await client.postBookingJSON(bookingFields(["city": "Hangzhou"]))
            let again = try await client.postBookingJSON(bookingFields(["phone": "13812345678", "city": "Wuhan"]))
            #expect(again.status == .ok)
            let answer = try again.bookingAnswer()
            #expect(answer.repeated == true)
            #expect(answer.dealer == (try first.bookingAnswer()).dealer)
            #expect(try await collector.store.leadTotals().leads == 1)
        }
    }

    @Test func theSameNumberBookingAnotherModelIsAnotherLead() async throws {
        try await TestCollector.with { collector, client in
            try await client.postBookingJSON()
            let other = try await client.postBookingJSON(bookingFields(["model": "vega"]))
            #expect(try other.bookingAnswer().dealer?.id == "meridian-shanghai")
            #expect(try await collector.store.leadTotals().leads == 2)
        }
    }

    @Test func aFilledHoneypotIsAnsweredLikeASuccessButOnlyCountedAsSpam() async throws {
        try await TestCollector.with { collector, client in
            let json = try await client.postBookingJSON(bookingFields(["website": "http://spam.example"]))
            #expect(json.status == .ok)
            #expect(try json.bookingAnswer().ok)
            let form = try await client.postBookingForm(bookingFields(["website": "cheap pills", "phone": "garbage"]))
            #expect(form.status == .seeOther)
            #expect(try await collector.store.leadTotals() == LeadTotals(leads: 0, spam: 2))
            #expect(try await collector.store.leads(since: .distantPast).isEmpty)
        }
    }

    @Test func aClientThatKeepsBookingIsRefusedWith429() async throws {
        try await TestCollector.with(.live, bookingRateLimitPerMinute: 2) { collector, client in
            #expect(try await client.postBookingJSON().status == .ok)
            #expect(try await client.postBookingJSON(bookingFields(["model": "vega"])).status == .ok)
            let third = try await client.postBookingJSON(bookingFields(["phone": "13912345678"]))
            #expect(third.status == .tooManyRequests)
            #expect(try await collector.store.leadTotals().leads == 2)
        }
    }

    @Test(arguments: [
        ("phone", "12812345678"), ("phone", "138 1234 567"), ("name", ""), ("model", "unicorn"), ("consent", ""),
        ("site", "elsewhere"), ("city", String(repeating: "x", count: 41)), ("consentVersion", ""),
    ])
    func aBadFieldIsRefusedWith400NamingItAndNothingIsStored(field: String, value: String) async throws {
        try await TestCollector.with { collector, client in
            let response = try await client.postBookingJSON(bookingFields([field: value]))
            #expect(response.status == .badRequest)
            #expect(try response.bookingAnswer().errors?.map(\.field) == [field])
            #expect(try await collector.store.leadTotals() == LeadTotals(leads: 0, spam: 0))
        }
    }

    @Test func aBadNumberFromAPlainFormGetsAPageSayingWhatToCorrect() async throws {
        try await TestCollector.with { collector, client in
            let response = try await client.postBookingForm(bookingFields(["phone": "555-0100"]))
            #expect(response.status == .badRequest)
            #expect(response.headers[.contentType]?.hasPrefix("text/html") == true)
            #expect(response.text.contains("Please enter an 11-digit mainland mobile number."))
            #expect(!response.text.contains("555"))
            #expect(try await collector.store.leadTotals().leads == 0)
        }
    }

    @Test func aMalformedVisitorIdIsDroppedNotRefused() async throws {
        try await TestCollector.with { collector, client in
            let response = try await client.postBookingJSON(bookingFields(["visitor": "<script>"]))
            #expect(response.status == .ok)
            #expect(try await collector.store.leads(since: .distantPast).first?.visitor == nil)
        }
    }

    @Test func aBookingFromOutsideTheFleetIsRefusedWith403() async throws {
        try await TestCollector.with { collector, client in
            let response = try await client.postBookingJSON(origin: "https://evil.example")
            #expect(response.status == .forbidden)
            #expect(try await collector.store.leadTotals().leads == 0)
        }
    }

    @Test func aBookingFromALoopbackOriginIsRefusedWith403OutsideAPreview() async throws {
        try await TestCollector.with { collector, client in
            let response = try await client.postBookingJSON(origin: "http://127.0.0.1:8080")
            #expect(response.status == .forbidden)
            #expect(try await collector.store.leadTotals().leads == 0)
        }
    }

    @Test func aBookingTooLargeStillTellsTheFleetPageWhyWithItsCORSHeaders() async throws {
        try await TestCollector.with { _, client in
            let response = try await client.postBookingJSON(bookingFields(["city": String(repeating: "x", count: 17 * 1024)]))
            #expect(response.status == .contentTooLarge)
            #expect(response.headers[.accessControlAllowOrigin] == TestCollector.auroraOrigin)
            #expect(response.headers[.accessControlAllowCredentials] == "true")
            #expect(response.headers[.vary] == "Origin")
        }
    }

    @Test func aRateLimitedBookingStillTellsTheFleetPageWhyWithItsCORSHeaders() async throws {
        try await TestCollector.with(.live, bookingRateLimitPerMinute: 1) { _, client in
            try await client.postBookingJSON()
            let refused = try await client.postBookingJSON(bookingFields(["model": "vega"]))
            #expect(refused.status == .tooManyRequests)
            #expect(refused.headers[.accessControlAllowOrigin] == TestCollector.auroraOrigin)
            #expect(refused.headers[.vary] == "Origin")
        }
    }

    @Test func theScriptsPreflightIsAllowedForFleetPages() async throws {
        try await TestCollector.with { _, client in
            let response = try await client.execute(
                uri: "/bookings", method: .options,
                headers: [.origin: TestCollector.auroraOrigin, .accessControlRequestMethod: "POST"])
            #expect(response.status == .noContent)
            #expect(response.headers[.accessControlAllowOrigin] == TestCollector.auroraOrigin)
            #expect(response.headers[.accessControlAllowHeaders]?.contains("Content-Type") == true)
        }
    }

    @Test func theLogOfABookingHoldsNoDigitsOfThePhoneNumber() async throws {
        let capture = LogCapture()
        let phone = "15967425893"
        try await TestCollector.with(logger: capture.logger) { _, client in
            try await client.postBookingForm(bookingFields(["phone": "+86 159-6742-5893"]))
            try await client.postBookingJSON(bookingFields(["phone": phone]))
            try await client.postBookingJSON(bookingFields(["phone": "1596742589"]))
        }
        let log = capture.text
        #expect(log.contains("booking"))
        // No run of six or more of the number's digits, in any of the ways it was typed. (Shorter runs could turn
        // up by chance in request ids and durations.)
        #expect(!log.contains("5967") && !log.contains("5893"))
        for start in 0...(phone.count - 6) {
            let run = String(phone.dropFirst(start).prefix(6))
            #expect(!log.contains(run), "the log holds \(run)")
        }
    }

    @Test func theThankYouPageForAnUnknownDealerIsA404() async throws {
        try await TestCollector.with { _, client in
            let unknownDealer = try await client.get("/bookings/thanks?site=aurora-ev&dealer=nobody")
            let unknownSite = try await client.get("/bookings/thanks?site=nowhere&dealer=lumen-shanghai")
            #expect(unknownDealer.status == .notFound)
            #expect(unknownSite.status == .notFound)
        }
    }
}
