import Foundation
import PostgresNIO
import ShowroomTestSupport
import Testing
@testable import ShowroomStorage
#if canImport(Glibc)
import Glibc
#endif

/// Two `showroom collector` processes on one real PostgreSQL database, both taking events, downloads and bookings,
/// and one of them killed with SIGKILL halfway: whatever either answered with a success is in the store exactly once.
@Suite("An instance killed under load", .enabled(if: TestStores.runPostgres, "needs SHOWROOM_TEST_POSTGRES_URL (scripts/postgres.sh start)"))
struct InstanceKilledUnderLoadTests {
    /// The kinds of request driven at both instances, each with a key of its own that the store keeps.
    enum Kind: CaseIterable, Sendable {
        case event, download, booking

        /// The request's key: the visitor id of an event or a download, the number of a booking.
        func key(_ number: Int) -> String {
            switch self {
            case .event: "killed-event-\(String(format: "%08d", number))"
            case .download: "killed-fetch-\(String(format: "%08d", number))"
            case .booking: "139\(String(format: "%08d", number))"
            }
        }

        /// Sends the request with this key to the instance on `port`; true when it was answered with its success.
        func send(_ key: String, port: Int) async throws -> Bool {
            switch self {
            case .event:
                let body = Data(eventJSON(["visitor": "\"\(key)\""]).utf8)
                return try await Loopback.send("POST", port: port, path: "/events", headers: [
                    ("Origin", TestCollector.auroraOrigin), ("Content-Type", "text/plain;charset=UTF-8"),
                ], body: body, timeout: .seconds(20)).status == 204
            case .download:
                return try await Loopback.send("GET", port: port, path: "/dl/aurora-hero?site=aurora-ev&v=\(key)", headers: [
                    ("User-Agent", "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/131.0 Safari/537.36"),
                ], timeout: .seconds(20)).status == 302
            case .booking:
                let body = try JSONEncoder().encode(bookingFields(["phone": key]))
                return try await Loopback.send("POST", port: port, path: "/bookings", headers: [
                    ("Origin", TestCollector.auroraOrigin), ("Content-Type", "application/json"), ("Accept", "application/json"),
                ], body: body, timeout: .seconds(20)).status == 200
            }
        }
    }

    /// What the drivers were answered: the keys acknowledged, and by which instance before or after the kill.
    actor Ledger {
        private var sent = 0
        private(set) var acknowledged: [Kind: Set<String>] = [:]
        private(set) var acknowledgedBeforeTheKill: [Int: Int] = [:]
        private(set) var acknowledgedAfterTheKill: [Int: Int] = [:]
        private var killed = false

        func nextNumber() -> Int {
            sent += 1
            return sent
        }

        func killHappened() { killed = true }

        func acknowledge(_ key: String, of kind: Kind, by instance: Int) {
            acknowledged[kind, default: []].insert(key)
            if killed { acknowledgedAfterTheKill[instance, default: 0] += 1 } else { acknowledgedBeforeTheKill[instance, default: 0] += 1 }
        }
    }

    /// Sends one kind of request to the instance on `port` again and again until `end`: a request that fails (the
    /// instance is gone, the connection was cut) is not acknowledged, and the next one follows a moment later.
    static func drive(_ kind: Kind, port: Int, instance: Int, until end: ContinuousClock.Instant, ledger: Ledger) async {
        while ContinuousClock.now < end {
            let key = kind.key(await ledger.nextNumber())
            if (try? await kind.send(key, port: port)) == true {
                await ledger.acknowledge(key, of: kind, by: instance)
            } else {
                try? await Task.sleep(for: .milliseconds(10))
            }
        }
    }

    /// How many rows the store holds per key of one kind.
    static func storedKeys(_ kind: Kind, in store: PostgresStore) async throws -> [String: Int] {
        let query: PostgresQuery = switch kind {
        case .event: "SELECT visitor, COUNT(*) FROM events WHERE visitor IS NOT NULL GROUP BY visitor"
        case .download: "SELECT visitor, COUNT(*) FROM downloads WHERE visitor IS NOT NULL GROUP BY visitor"
        case .booking: "SELECT phone, COUNT(*) FROM leads WHERE phone IS NOT NULL GROUP BY phone"
        }
        var counts: [String: Int] = [:]
        for try await (key, count) in try await store.client.query(query, logger: TestStores.quietLogger).decode((String, Int).self) {
            counts[key] = count
        }
        return counts
    }

    @Test func everythingEitherInstanceAcknowledgedIsStoredOnceWhenOneIsKilledHalfway() async throws {
        try await TestWorkspace.with { workspace in
            try await TestStores.withPostgresDatabase { configuration in
                let url = try TestStores.postgresURL(database: try #require(configuration.database))
                let one = try await CollectorProcess.start(workspace: workspace, database: url, name: "one")
                let two: CollectorProcess
                do { two = try await CollectorProcess.start(workspace: workspace, database: url, name: "two") } catch {
                    await one.stop()
                    throw error
                }
                let ledger = Ledger()
                let end = ContinuousClock.now + .seconds(3)
                await withTaskGroup(of: Void.self) { group in
                    for (instance, port) in [(1, one.port), (2, two.port)] {
                        for kind in Kind.allCases {
                            for _ in 0..<2 { group.addTask { await Self.drive(kind, port: port, instance: instance, until: end, ledger: ledger) } }
                        }
                    }
                    group.addTask {
                        try? await Task.sleep(until: end - .milliseconds(1500))
                        await one.stop(with: SIGKILL)
                        await ledger.killHappened()
                    }
                }
                await two.stop()
                #expect(one.process.terminationReason == .uncaughtSignal && one.process.terminationStatus == SIGKILL)
                #expect(two.process.terminationStatus == 0, "instance two did not stop cleanly on SIGTERM")
                let before = await ledger.acknowledgedBeforeTheKill, after = await ledger.acknowledgedAfterTheKill
                #expect(before[1, default: 0] > 0 && before[2, default: 0] > 0, "both instances answered before the kill: \(before)")
                #expect(after[2, default: 0] > 0, "instance two went on answering after instance one was killed")

                let reader = PostgresStore(configuration: configuration, policy: TestStores.patientPolicy, logger: TestStores.quietLogger)
                let acknowledged = await ledger.acknowledged
                try await reader.withRunningStore { reader in
                    for kind in Kind.allCases {
                        let stored = try await Self.storedKeys(kind, in: reader)
                        let keys = acknowledged[kind, default: []]
                        #expect(!keys.isEmpty, "some \(kind)s were acknowledged")
                        let missing = keys.filter { stored[$0] == nil }
                        #expect(missing.isEmpty, "\(missing.count) of \(keys.count) acknowledged \(kind)s are not stored: \(missing.sorted().prefix(5))")
                        let twice = stored.filter { $0.value > 1 }
                        #expect(twice.isEmpty, "\(twice.count) \(kind)s are stored more than once: \(twice.keys.sorted().prefix(5))")
                    }
                }
            }
        }
    }
}
