import Foundation
import Logging
import PostgresNIO
import Testing
@testable import ShowroomCollector
@testable import ShowroomStorage

/// The real stores the tests run against: a SQLite file in a temporary folder, and a fresh database on the
/// PostgreSQL server named by `SHOWROOM_TEST_POSTGRES_URL` (`scripts/postgres.sh start` provides one).
enum TestStores {
    static let postgresURL = ProcessInfo.processInfo.environment["SHOWROOM_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }
    static let inCI = ProcessInfo.processInfo.environment["CI"].map { !$0.isEmpty && $0 != "false" && $0 != "0" } ?? false
    /// PostgreSQL tests run when a server is given, and run (to fail) in CI when none is: CI must not pass them silently.
    static let runPostgres = postgresURL != nil || inCI

    /// The pool warns when a test leases a connection a moment before its `run()` task got going; that is harmless here.
    static let quietLogger: Logger = {
        var logger = Logger(label: "showroom.collector.test")
        logger.logLevel = .error
        return logger
    }()

    /// The group commit of tests that are not about its limits: a loaded parallel run must not time a commit out.
    static let patientPolicy = CommitPolicy(commitTimeout: .seconds(120))

    /// A migrated SQLite store in a real file, removed afterwards.
    static func withSQLite<Result>(_ body: (SQLiteStore) async throws -> Result) async throws -> Result {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("showroom-store-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try SQLiteStore(path: folder.appendingPathComponent("collector.sqlite").path, policy: patientPolicy)
        try await store.migrate()
        let result = try await body(store)
        try await store.close()
        return result
    }

    /// A migrated PostgreSQL store in a database of its own, dropped afterwards, so tests can run in parallel.
    static func withPostgres<Result: Sendable>(_ body: (PostgresStore) async throws -> Result) async throws -> Result {
        try await withPostgresDatabase { configuration in
            try await PostgresStore(configuration: configuration, policy: patientPolicy, logger: quietLogger).withRunningStore { store in
                try await store.migrate()
                return try await body(store)
            }
        }
    }

    /// The address of `database` on the test server, for a `showroom` process of the test's own.
    static func postgresURL(database: String) throws -> String {
        let url = try #require(postgresURL, "SHOWROOM_TEST_POSTGRES_URL is not set; run `eval \"$(scripts/postgres.sh start)\"` first")
        var components = try #require(URLComponents(string: url), "SHOWROOM_TEST_POSTGRES_URL is not an address: \(url)")
        components.path = "/" + database
        return try #require(components.string)
    }

    /// A fresh database on the test server, dropped afterwards: `body` gets the configuration that reaches it, to open
    /// as many stores on it as it likes (several collector instances share one database).
    static func withPostgresDatabase<Result: Sendable>(_ body: (PostgresClient.Configuration) async throws -> Result) async throws -> Result {
        let url = try #require(postgresURL, "SHOWROOM_TEST_POSTGRES_URL is not set; run `eval \"$(scripts/postgres.sh start)\"` first")
        let admin = PostgresStore(configuration: try PostgresStore.configuration(from: url), logger: quietLogger)
        let database = "showroom_test_\(UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16))"
        return try await admin.withRunningStore { admin in
            // Database names cannot be bound as parameters; this one is made of hex digits only.
            try await admin.client.query(PostgresQuery(unsafeSQL: "CREATE DATABASE \(database)"))
            var configuration = try PostgresStore.configuration(from: url)
            configuration.database = database
            do {
                let result = try await body(configuration)
                try await admin.client.query(PostgresQuery(unsafeSQL: "DROP DATABASE \(database) WITH (FORCE)"))
                return result
            } catch {
                _ = try? await admin.client.query(PostgresQuery(unsafeSQL: "DROP DATABASE \(database) WITH (FORCE)"))
                throw error
            }
        }
    }
}
