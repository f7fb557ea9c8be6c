import Foundation
import Logging
import ShowroomStorage

/// Opens the collector's store named by `--database` for one report, and closes it afterwards.
public enum ReportStore {
    /// The collector's default store, relative to the workspace.
    public static let defaultDatabase = "sqlite:.showroom/collector.sqlite"

    /// Runs `body` with the migrated store at `database` (`sqlite:PATH`, a plain path relative to `workspace`,
    /// or `postgres://…`), keeping PostgreSQL's connection pool running meanwhile.
    package static func with<Result: Sendable>(
        database: String, workspace: URL, _ body: @Sendable (any ReportingStore) async throws -> Result
    ) async throws -> Result {
        var logger = Logger(label: "showroom.reports")
        logger.logLevel = .error
        return try await StoreLocation(parsing: database, relativeTo: workspace).withStore(logger: logger) { try await body($0) }
    }
}
