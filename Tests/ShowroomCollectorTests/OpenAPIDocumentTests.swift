import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import ShowroomCollector
@testable import ShowroomStorage

/// `GET /openapi.json`: the collection API's OpenAPI 3.1 description, served by the collector itself. The contract
/// run against it (schemathesis) is `scripts/api-contract.sh`, outside the suite.
/// The served body, out of the test client's closure.
private final class Served: @unchecked Sendable {
    var body = Data()
}

@Suite("GET /openapi.json")
struct OpenAPIDocumentTests {
    func document() async throws -> [String: Any] {
        let served = Served()
        try await TestCollector.with { _, client in
            let response = try await client.execute(uri: "/openapi.json", method: .get)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "application/json; charset=utf-8")
            served.body = Data(buffer: response.body)
        }
        return try #require(try JSONSerialization.jsonObject(with: served.body) as? [String: Any])
    }

    @Test func theDescriptionIsOpenAPI31JSON() async throws {
        let document = try await document()
        #expect(document["openapi"] as? String == "3.1.0")
        #expect(((document["info"] as? [String: Any])?["version"] as? String)?.split(separator: ".").count == 3)
    }

    @Test func everyEndpointOfTheServiceIsDescribed() async throws {
        let paths = try #require(try await document()["paths"] as? [String: Any])
        #expect(Set(paths.keys) == ["/events", "/bookings", "/bookings/thanks", "/dl/{asset}", "/healthz", "/metrics", "/leads/export", "/openapi.json"])
    }

    @Test func theEventSchemaListsEveryTypeAndSourceTheServiceAccepts() async throws {
        let components = try #require(try await document()["components"] as? [String: Any])
        let event = try #require(((components["schemas"] as? [String: Any])?["Event"] as? [String: Any])?["properties"] as? [String: Any])
        #expect((event["type"] as? [String: Any])?["enum"] as? [String] == EventType.allCases.map(\.rawValue))
        #expect((event["source"] as? [String: Any])?["enum"] as? [String] == ["web", "app", "miniprogram"])
    }
}
