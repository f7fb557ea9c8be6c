import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import ShowroomCollector
@testable import ShowroomStorage

/// Two collector instances, each with its own connection pool and write queues, listening on loopback and sharing one
/// real PostgreSQL database: the rules that must hold across instances are kept by the database, not by either process.
@Suite("Two instances, one PostgreSQL store", .enabled(if: TestStores.runPostgres, "needs SHOWROOM_TEST_POSTGRES_URL (scripts/postgres.sh start)"))
struct TwoInstancesTests {
    /// Runs `body` with two live instances over one fresh database, and a third store to read it with.
    static func withTwoInstances(
        _ body: @Sendable (any TestClientProtocol, any TestClientProtocol, PostgresStore) async throws -> Void
    ) async throws {
        try await TestWorkspace.with { workspace in
            try await TestStores.withPostgresDatabase { configuration in
                let reader = PostgresStore(configuration: configuration, policy: TestStores.patientPolicy, logger: TestStores.quietLogger)
                try await reader.withRunningStore { reader in
                    try await reader.migrate()
                    try await PostgresStore(configuration: configuration, policy: TestStores.patientPolicy, logger: TestStores.quietLogger).withRunningStore { first in
                        try await PostgresStore(configuration: configuration, policy: TestStores.patientPolicy, logger: TestStores.quietLogger).withRunningStore { second in
                            try await TestCollector.serve(first, workspace: workspace) { one in
                                try await TestCollector.serve(second, workspace: workspace) { two in
                                    try await body(one, two, reader)
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    @Test func aVisitorFetchingAnAssetThroughBothInstancesAtOnceIsCountedOnce() async throws {
        try await Self.withTwoInstances { one, two, reader in
            let statuses = try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                for attempt in 0..<12 {
                    let client = attempt.isMultiple(of: 2) ? one : two
                    group.addTask { try await client.get("/dl/aurora-hero?site=aurora-ev&v=\(TestCollector.visitor)").status }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(statuses.allSatisfy { $0 == .found })
            #expect(try await reader.totals().downloads == 1)
        }
    }

    @Test func theSameNumberBookingTheSameModelThroughBothInstancesAtOnceIsOneLead() async throws {
        try await Self.withTwoInstances { one, two, reader in
            let answers = try await withThrowingTaskGroup(of: BookingAnswer.self) { group in
                for attempt in 0..<8 {
                    let client = attempt.isMultiple(of: 2) ? one : two
                    group.addTask { try await client.postBookingJSON().bookingAnswer() }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(answers.allSatisfy { $0.ok })
            #expect(answers.filter { $0.repeated == false }.count == 1)
            #expect(Set(answers.compactMap { $0.dealer?.id }).count == 1, "every answer names the first lead's dealer")
            #expect(try await reader.leadTotals().leads == 1)
        }
    }

    @Test func aNumberThatBookedThroughOneInstanceIsARepeatOnTheOther() async throws {
        try await Self.withTwoInstances { one, two, reader in
            let first = try await one.postBookingJSON().bookingAnswer()
            let again = try await two.postBookingJSON(bookingFields(["city": "Wuhan"])).bookingAnswer()
            #expect(first.repeated == false)
            #expect(again.repeated == true)
            #expect(again.dealer?.id == first.dealer?.id)
            let leads = try await reader.leadTotals().leads
            #expect(leads == 1)
        }
    }

    @Test func eventsSentToBothInstancesAtOnceAreEachStoredOnce() async throws {
        try await Self.withTwoInstances { one, two, reader in
            try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                for attempt in 0..<60 {
                    let client = attempt.isMultiple(of: 2) ? one : two
                    let visitor = "visitor-\(1_000_000_000 + attempt)-eeee"
                    group.addTask { try await client.postEvents(eventJSON(["visitor": "\"\(visitor)\""])).status }
                }
                for try await status in group { #expect(status == .noContent) }
            }
            #expect(try await reader.totals().events == 60)
        }
    }
}
