import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import ShowroomCollector
@testable import ShowroomStorage

@Suite("POST /events")
struct EventsEndpointTests {
    @Test func aValidPageviewIsStoredAndAnsweredWith204() async throws {
        try await TestCollector.with { collector, client in
            let response = try await client.postEvents(eventJSON())
            #expect(response.status == .noContent)
            #expect(try await collector.store.totals().events == 1)
        }
    }

    @Test func theAnswerAllowsTheRequestingFleetOrigin() async throws {
        try await TestCollector.with { _, client in
            let response = try await client.postEvents(eventJSON())
            #expect(response.headers[.accessControlAllowOrigin] == TestCollector.auroraOrigin)
            #expect(response.headers[.vary] == "Origin")
        }
    }

    @Test func aBatchOfEventsIsStoredFromOneRequest() async throws {
        try await TestCollector.with { collector, client in
            let batch = "[" + [
                eventJSON(),
                eventJSON(["type": "\"download_click\"", "asset": "\"aurora-brochure\""]),
                eventJSON(["type": "\"outbound_click\"", "url": "\"https://dealer.example/aurora\""]),
                eventJSON(["type": "\"booking_field_error\"", "field": "\"phone\""]),
            ].joined(separator: ",") + "]"
            let response = try await client.postEvents(batch)
            #expect(response.status == .noContent)
            #expect(try await collector.store.totals().events == 4)
        }
    }

    @Test func anEventWithoutVisitorIdOrTimestampIsStored() async throws {
        try await TestCollector.with { collector, client in
            let response = try await client.postEvents(#"{"site": "lumen", "type": "pageview", "page": "/"}"#)
            #expect(response.status == .noContent)
            #expect(try await collector.store.totals().events == 1)
        }
    }

    @Test func aSiteOnANonDefaultPortIsAnAllowedOrigin() async throws {
        try await TestCollector.with { collector, client in
            let response = try await client.postEvents(eventJSON(["site": "\"lumen\""]), origin: "https://www.lumen-motors.example:8443")
            #expect(response.status == .noContent)
            #expect(try await collector.store.totals().events == 1)
        }
    }

    static let loopbackOrigins = ["http://127.0.0.1:1313", "http://localhost:8080", "http://[::1]:4000", "https://localhost"]

    @Test(arguments: loopbackOrigins)
    func aLoopbackOriginIsAllowedWhenTheServiceRunsForAPreview(origin: String) async throws {
        try await TestCollector.with(allowsLoopbackOrigins: true) { _, client in
            let response = try await client.postEvents(eventJSON(), origin: origin)
            #expect(response.status == .noContent)
            #expect(response.headers[.accessControlAllowOrigin] == origin)
        }
    }

    @Test(arguments: loopbackOrigins)
    func aLoopbackOriginIsRefusedWith403OutsideAPreview(origin: String) async throws {
        try await TestCollector.with { collector, client in
            let response = try await client.postEvents(eventJSON(), origin: origin)
            #expect(response.status == .forbidden)
            #expect(response.headers[.accessControlAllowOrigin] == nil)
            #expect(try await collector.store.totals().events == 0)
        }
    }

    @Test(arguments: [
        "https://evil.example", "https://aurora.lumen-motors.example.evil.example", "http://aurora.lumen-motors.example",
        "https://aurora.lumen-motors.example:444", "null",
    ])
    func anOriginOutsideTheFleetIsRefusedWith403AndNothingIsStored(origin: String) async throws {
        try await TestCollector.with { collector, client in
            let response = try await client.postEvents(eventJSON(), origin: origin)
            #expect(response.status == .forbidden)
            #expect(response.headers[.accessControlAllowOrigin] == nil)
            #expect(try await collector.store.totals().events == 0)
        }
    }

    @Test func aRequestWithoutOriginIsRefusedWith403() async throws {
        try await TestCollector.with { collector, client in
            let response = try await client.postEvents(eventJSON(), origin: nil)
            #expect(response.status == .forbidden)
            #expect(try await collector.store.totals().events == 0)
        }
    }

    /// An answer other than 204 that a fleet page's script must be able to read, to know why it was refused.
    struct RefusedBody: Sendable, CustomTestStringConvertible {
        let testDescription: String
        let body: String
        let status: HTTPResponse.Status
    }

    static let refusedBodies: [RefusedBody] = [
        RefusedBody(testDescription: "malformed JSON", body: "{", status: .badRequest),
        RefusedBody(testDescription: "an unknown site", body: eventJSON(["site": "\"nope\""]), status: .badRequest),
        RefusedBody(testDescription: "a body over 16 KB", body: eventJSON(["step": "\"\(String(repeating: "a", count: 17 * 1024))\""]),
                    status: .contentTooLarge),
    ]

    @Test(arguments: refusedBodies)
    func aRefusalOfAFleetPagesEventsCarriesTheSameCORSHeadersAsASuccess(_ refused: RefusedBody) async throws {
        try await TestCollector.with { _, client in
            let response = try await client.postEvents(refused.body)
            #expect(response.status == refused.status)
            #expect(response.headers[.accessControlAllowOrigin] == TestCollector.auroraOrigin)
            #expect(response.headers[.accessControlAllowCredentials] == "true")
            #expect(response.headers[.vary] == "Origin")
        }
    }

    @Test func aRateLimitedFleetPageGetsItsCORSHeadersWithThe429() async throws {
        try await TestCollector.with(.live, rateLimitPerMinute: 1) { _, client in
            try await client.postEvents(eventJSON())
            let refused = try await client.postEvents(eventJSON())
            #expect(refused.status == .tooManyRequests)
            #expect(refused.headers[.accessControlAllowOrigin] == TestCollector.auroraOrigin)
            #expect(refused.headers[.vary] == "Origin")
        }
    }

    @Test func aPreflightFromAFleetSiteIsAnsweredWithTheAllowedMethodAndHeaders() async throws {
        try await TestCollector.with { _, client in
            let response = try await client.execute(
                uri: "/events", method: .options,
                headers: [.origin: TestCollector.auroraOrigin, .accessControlRequestMethod: "POST"])
            #expect(response.status == .noContent)
            #expect(response.headers[.accessControlAllowOrigin] == TestCollector.auroraOrigin)
            #expect(response.headers[.accessControlAllowMethods]?.contains("POST") == true)
        }
    }

    @Test func aBodyOver16KBIsRefusedWith413AndNothingIsStored() async throws {
        try await TestCollector.with { collector, client in
            let padding = String(repeating: "a", count: 17 * 1024)
            let response = try await client.postEvents(eventJSON(["step": "\"\(padding)\""]))
            #expect(response.status == .contentTooLarge)
            #expect(try await collector.store.totals().events == 0)
        }
    }

    @Test func invalidUTF8IsRefusedWith400AndNothingIsStored() async throws {
        try await TestCollector.with { collector, client in
            var bytes = Array(eventJSON(["page": "\"/specs/X\""]).utf8)
            let marker = bytes.firstIndex(of: UInt8(ascii: "X"))!
            bytes.replaceSubrange(marker...marker, with: [0xC3, 0x28])
            let response = try await client.postEvents(bytes: bytes)
            #expect(response.status == .badRequest)
            #expect(String(buffer: response.body).contains("UTF-8"))
            #expect(try await collector.store.totals().events == 0)
        }
    }

    /// A request body the service must refuse, and a word its answer must contain so the sender knows why.
    struct BadBody: Sendable, CustomTestStringConvertible {
        let testDescription: String
        let body: String
        let explanation: String
    }

    static let badBodies: [BadBody] = [
        BadBody(testDescription: "malformed JSON", body: #"{"site": "aurora-ev", "type": "#, explanation: "JSON"),
        BadBody(testDescription: "an empty body", body: "", explanation: "JSON"),
        BadBody(testDescription: "a JSON string instead of an event", body: #""pageview""#, explanation: "object"),
        BadBody(testDescription: "the site as a number", body: eventJSON(["site": "42"]), explanation: "site"),
        BadBody(testDescription: "the timestamp as a string", body: eventJSON(["ts": "\"yesterday\""]), explanation: "ts"),
        BadBody(testDescription: "a missing page", body: #"{"site": "aurora-ev", "type": "pageview"}"#, explanation: "page"),
        BadBody(testDescription: "an unknown site", body: eventJSON(["site": "\"not-our-site\""]), explanation: "site"),
        BadBody(testDescription: "an unknown event type", body: eventJSON(["type": "\"purchase\""]), explanation: "type"),
        BadBody(testDescription: "a page that is not a path", body: eventJSON(["page": "\"https://aurora.example/\""]), explanation: "page"),
        BadBody(testDescription: "a page path over 512 bytes", body: eventJSON(["page": "\"/\(String(repeating: "p", count: 600))\""]), explanation: "page"),
        BadBody(testDescription: "a page with a control character", body: eventJSON(["page": #""/specs/\n""#]), explanation: "page"),
        BadBody(testDescription: "a malformed visitor id", body: eventJSON(["visitor": "\"<script>\""]), explanation: "visitor"),
        BadBody(testDescription: "a timestamp from 1970", body: eventJSON(["ts": "0"]), explanation: "ts"),
        BadBody(testDescription: "a timestamp a year ahead", body: eventJSON(["ts": String(Int64(Date().timeIntervalSince1970 * 1000) + 365 * 86_400_000)]), explanation: "ts"),
        BadBody(testDescription: "a timestamp too large for a number", body: eventJSON(["ts": "1e300"]), explanation: "ts"),
        BadBody(testDescription: "a download click without asset", body: eventJSON(["type": "\"download_click\""]), explanation: "asset"),
        BadBody(testDescription: "an asset id with a path", body: eventJSON(["type": "\"download_click\"", "asset": "\"../etc/passwd\""]), explanation: "asset"),
        BadBody(testDescription: "an outbound click to a javascript: URL", body: eventJSON(["type": "\"outbound_click\"", "url": "\"javascript:alert(1)\""]), explanation: "url"),
        BadBody(testDescription: "an outbound URL over 2048 bytes", body: eventJSON(["type": "\"outbound_click\"", "url": "\"https://x.example/\(String(repeating: "u", count: 2100))\""]), explanation: "url"),
        BadBody(testDescription: "a field name with spaces", body: eventJSON(["type": "\"booking_field_error\"", "field": "\"my phone\""]), explanation: "field"),
        BadBody(testDescription: "an empty batch", body: "[]", explanation: "1 to 20"),
        BadBody(testDescription: "a batch of 21 events", body: "[" + Array(repeating: eventJSON(), count: 21).joined(separator: ",") + "]", explanation: "1 to 20"),
        BadBody(testDescription: "a batch with one bad event among good ones", body: "[\(eventJSON()), \(eventJSON(["site": "\"nope\""]))]", explanation: "site"),
    ]

    @Test(arguments: badBodies)
    func badInputIsRefusedWith400SayingWhyAndNothingIsStored(_ bad: BadBody) async throws {
        try await TestCollector.with { collector, client in
            let response = try await client.postEvents(bad.body)
            #expect(response.status == .badRequest)
            #expect(String(buffer: response.body).contains(bad.explanation))
            #expect(try await collector.store.totals().events == 0)
        }
    }

    @Test func theServiceKeepsWorkingAfterRefusingBadInput() async throws {
        try await TestCollector.with { collector, client in
            try await client.postEvents("{")
            try await client.postEvents(bytes: [0xFF, 0xFE])
            let response = try await client.postEvents(eventJSON())
            #expect(response.status == .noContent)
            #expect(try await collector.store.totals().events == 1)
        }
    }
}
