import Foundation
import Logging
import ShowroomCollector

/// Opens the collector's store named by `--database` for one report, and closes it afterwards.
public enum ReportStore {
    /// The collector's default store, relative to the workspace.
    public static let defaultDatabase = "sqlite:.showroom/collector.sqlite"

    /// Runs `body` with the migrated store at `database` (`sqlite:PATH`, a plain path relative to `workspace`,
    /// or `postgres://…`), keeping PostgreSQL's connection pool running meanwhile.
    public static func with<Result: Sendable>(
        database: String, workspace: URL, _ body: @Sendable (any ReportingStore) async throws -> Result
    ) async throws -> Result {
        var logger = Logger(label: "showroom.reports")
        logger.logLevel = .error
        let location = StoreLocation(parsing: database, relativeTo: workspace)
        let store = try location.openForReports(logger: logger)
        let result: Result
        if let postgres = store as? PostgresStore {
            result = try await postgres.withRunningStore { store in
                try await store.migrate()
                return try await body(store)
            }
        } else {
            try await store.migrate()
            result = try await body(store)
        }
        try await store.close()
        return result
    }
}
