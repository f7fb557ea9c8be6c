import Foundation
import ShowroomTestSupport
import Testing
@testable import ShowroomStorage

/// `showroom leads forget` as the person handling an erasure request runs it: the built command over a real SQLite
/// store in a small workspace.
@Suite("showroom leads forget command")
struct LeadsForgetCommandTests {
    @Test func itDeletesTheLeadsAndTheVisitsBehindThemAndSaysHowMany() async throws {
        try await TestWorkspace.with { workspace in
            let store = try SQLiteStore(path: workspace.databasePath)
            try await store.migrate()
            let now = Date()
            try await store.record([
                TrackedEvent(site: "aurora-ev", page: "/", type: .pageview, visitor: StoreContract.visitorA, occurredAt: now, receivedAt: now),
                TrackedEvent(site: "aurora-ev", page: "/specs/", type: .pageview, visitor: StoreContract.visitorA, occurredAt: now, receivedAt: now),
            ])
            _ = try await store.record(StoreContract.download(at: now), dedupeWindow: 10)
            _ = try await store.record(LeadStoreContract.lead(at: now), dedupeWindow: 60)
            try await store.close()

            let run = try ShowroomCommand.run(["leads", "forget", "--phone", "138 1234 5678", "--workspace", workspace.root.path])
            #expect(run.status == 0, "\(run.errors)")
            #expect(run.output == """
                Deleted 1 lead of 138****5678; under their 1 visitor id: 2 events, 1 download and 0 touch records deleted, \
                0 booking funnel entries made anonymous.

                """)
        }
    }
}
