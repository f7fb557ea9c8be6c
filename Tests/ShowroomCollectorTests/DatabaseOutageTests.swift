import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import ShowroomCollector
@testable import ShowroomStorage

/// A live collector over a PostgreSQL server of the test's own, which the test stops mid-way and starts again: nothing
/// is acknowledged while the database is gone, `/healthz` says why, and the service recovers by itself.
@Suite("PostgreSQL goes away and comes back", .enabled(if: TestStores.runPostgres, "needs PostgreSQL (scripts/postgres.sh start)"))
struct DatabaseOutageTests {
    @Test func whileTheDatabaseIsGoneWritesAre503WithRetryAfterAndTheServiceRecoversWhenItReturns() async throws {
        try await PrivatePostgres.with { server in
            try await TestWorkspace.with { workspace in
                let policy = CommitPolicy(commitTimeout: .seconds(2))
                try await StoreLocation.postgres(url: server.url).withStore(policy: policy, logger: TestStores.quietLogger) { store in
                    try await TestCollector.serve(store, workspace: workspace) { client in
                        #expect(try await client.postEvents(eventJSON()).status == .noContent)

                        try await server.pause()
                        let booking = try await client.postBookingJSON()
                        #expect(booking.status == .serviceUnavailable)
                        #expect(booking.headers[.retryAfter] == StoreRefusal.retryAfter)
                        #expect(try await client.postEvents(eventJSON()).status == .serviceUnavailable)
                        let health = try await client.get("/healthz")
                        #expect(health.status == .serviceUnavailable)
                        #expect(health.text.contains("PostgreSQL at 127.0.0.1"), "healthz says: \(health.text)")

                        try await server.resume()
                        // Patient: the pool reconnects on its own schedule, and the machine may be busy.
                        var recovered = false
                        for _ in 0..<600 where !recovered {
                            recovered = try await client.get("/healthz").status == .ok
                            if !recovered { try await Task.sleep(for: .milliseconds(100)) }
                        }
                        #expect(recovered, "the service did not recover within a minute of the database's return")
                        #expect(try await client.postEvents(eventJSON()).status == .noContent)
                        let again = try await client.postBookingJSON(bookingFields(["phone": "13900001111"]))
                        #expect(again.status == .ok)
                    }
                    // A write answered 503 may still have committed once the server returned, but none that was
                    // acknowledged is missing.
                    #expect(try await store.totals().events >= 2)
                    #expect(try await store.leadTotals().leads >= 1)
                }
            }
        }
    }
}
