import Foundation
import GRDB
import Testing
@testable import ShowroomStorage

/// The group commit's bounds on a real SQLite file whose write lock another connection holds, as a long report or a
/// stuck disk would: the queue fills, refuses what does not fit, and commits what it took once the lock is gone.
@Suite("Group commit: a bounded write queue")
struct WriteQueueTests {
    /// Holds SQLite's write lock from a connection of its own, in a transaction on a thread of its own, until `release`.
    final class WriteLock: @unchecked Sendable {
        private let taken = DispatchSemaphore(value: 0)
        private let released = DispatchSemaphore(value: 0)
        private let finished = DispatchSemaphore(value: 0)

        init(path: String) throws {
            let queue = try DatabaseQueue(path: path)
            Thread { [taken, released, finished] in
                try? queue.inTransaction(.immediate) { _ in
                    taken.signal()
                    released.wait()
                    return .commit
                }
                finished.signal()
            }.start()
            taken.wait()
        }

        func release() throws {
            released.signal()
            finished.wait()
        }
    }

    static func withStore(_ policy: CommitPolicy, _ body: (SQLiteStore) async throws -> Void) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("showroom-queue-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try SQLiteStore(path: folder.appendingPathComponent("collector.sqlite").path, policy: policy)
        try await store.migrate()
        try await body(store)
        try await store.close()
    }

    @Test func aFullQueueRefusesTheNextWriteAndCommitsWhatItTookOnceTheDatabaseIsFree() async throws {
        // The commit waits for the lock up to SQLite's busy timeout (5 s), far longer than filling the queue takes.
        try await Self.withStore(CommitPolicy(window: .zero, maxBatch: 2, maxQueued: 4, commitTimeout: .seconds(60))) { store in
            let lock = try WriteLock(path: store.path)
            let taken = (0..<4).map { caller in
                Task { try await store.record([StoreContract.event(.pageview, visitor: "visitor-\(1_000_000_000 + caller)-dddd")]) }
            }
            while await store.writeQueueStatus().queued < 4 { try await Task.sleep(for: .milliseconds(10)) }
            await #expect(throws: StoreUnavailable.self) { try await store.record([StoreContract.event(.pageview)]) }
            #expect(await store.writeQueueStatus().isFull)
            try lock.release()
            for write in taken { try await write.value }
            #expect(try await store.totals().events == 4)
            #expect(await store.writeQueueStatus().refused == 1)
            #expect(!(await store.writeQueueStatus().isFull))
        }
    }

    @Test func aWriteThatCannotCommitWithinTheTimeoutIsToldSoAndNotAcknowledged() async throws {
        try await Self.withStore(CommitPolicy(window: .zero, commitTimeout: .milliseconds(300))) { store in
            let lock = try WriteLock(path: store.path)
            await #expect(throws: StoreUnavailable.self) { try await store.record([StoreContract.event(.pageview)]) }
            try lock.release()
            while await store.writeQueueStatus().queued > 0 { try await Task.sleep(for: .milliseconds(10)) }
        }
    }
}
