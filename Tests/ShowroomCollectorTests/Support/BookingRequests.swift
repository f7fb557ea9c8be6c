import Foundation
import Hummingbird
import HummingbirdTesting
@testable import ShowroomCollector
@testable import ShowroomStorage

/// The fields of a valid booking from the aurora-ev site; tests replace the ones they are about.
func bookingFields(_ overrides: [String: String] = [:]) -> [String: String] {
    var fields = [
        "site": "aurora-ev", "page": "/specs/", "name": "Li Wei", "phone": "+86 138-1234-5678", "model": "aurora",
        "city": "Hangzhou", "consent": "on", "consentVersion": "2026-03", "visitor": TestCollector.visitor, "website": "",
    ]
    for (key, value) in overrides { fields[key] = value }
    return fields
}

extension TestClientProtocol {
    /// POSTs the form as a browser without JavaScript does: `application/x-www-form-urlencoded`, from a fleet page.
    @discardableResult
    func postBookingForm(_ fields: [String: String] = bookingFields(), origin: String = TestCollector.auroraOrigin) async throws -> TestResponse {
        var components = URLComponents()
        components.queryItems = fields.sorted { $0.key < $1.key }.map { URLQueryItem(name: $0.key, value: $0.value) }
        let body = (components.percentEncodedQuery ?? "").replacingOccurrences(of: "+", with: "%2B")
        return try await execute(
            uri: "/bookings", method: .post,
            headers: [.contentType: "application/x-www-form-urlencoded", .origin: origin],
            body: ByteBuffer(string: body))
    }

    /// POSTs the form as its script does: a JSON object, answered with JSON.
    @discardableResult
    func postBookingJSON(_ fields: [String: String] = bookingFields(), origin: String = TestCollector.auroraOrigin) async throws -> TestResponse {
        let body = try JSONEncoder().encode(fields)
        return try await execute(
            uri: "/bookings", method: .post,
            headers: [.contentType: "application/json", .accept: "application/json", .origin: origin],
            body: ByteBuffer(bytes: body))
    }
}

extension TestResponse {
    /// The JSON answer of `POST /bookings`.
    func bookingAnswer() throws -> BookingAnswer {
        try JSONDecoder().decode(BookingAnswer.self, from: Data(buffer: body))
    }

    var text: String { String(buffer: body) }
}

/// A store whose every write fails, as a full disk or a lost database connection would.
struct FailingStore: Store {
    struct Failure: Error {}

    func migrate() async throws {}
    func record(_ events: [TrackedEvent]) async throws { throw Failure() }
    func record(_ download: Download, dedupeWindow window: TimeInterval) async throws -> DownloadOutcome { throw Failure() }
    func record(_ lead: Lead, dedupeWindow window: TimeInterval) async throws -> LeadOutcome { throw Failure() }
    func leads(since: Date) async throws -> [Lead] { throw Failure() }
    func leadTotals() async throws -> LeadTotals { throw Failure() }
    func checkHealth() async throws { throw Failure() }
    func writeQueueStatus() async -> WriteQueueStatus { WriteQueueStatus() }
    func forget(phone: String) async throws -> Erasure { throw Failure() }
    func deleteEvents(before date: Date) async throws -> Int { throw Failure() }
    func totals() async throws -> StoreTotals { throw Failure() }
    func downloadCounts(in period: ReportPeriod) async throws -> [DownloadCount] { throw Failure() }
    func eventCountsByHour(site: String, type: EventType?, in period: ReportPeriod, utcOffset: Int) async throws -> [HourOfDayCount] { throw Failure() }
    func eventCountsByDay(site: String, type: EventType?, in period: ReportPeriod, utcOffset: Int) async throws -> [DayCount] { throw Failure() }
    func bookingFunnel(site: String, in period: ReportPeriod) async throws -> [FunnelStepCount] { throw Failure() }
    func close() async throws {}
}
