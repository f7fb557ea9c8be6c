import Foundation
import Logging

/// Where `--database` says the store is: a SQLite file (the default) or a PostgreSQL server.
public enum StoreLocation: Sendable, Hashable, CustomStringConvertible {
    case sqlite(path: String)
    case postgres(url: String)

    /// Reads `sqlite:PATH`, `postgres://…` (or `postgresql://…`), or a plain path to a SQLite file.
    /// A relative SQLite path is relative to `base`.
    public init(parsing text: String, relativeTo base: URL) {
        if text.hasPrefix("postgres://") || text.hasPrefix("postgresql://") {
            self = .postgres(url: text)
            return
        }
        let path = text.hasPrefix("sqlite:") ? String(text.dropFirst("sqlite:".count)) : text
        self = .sqlite(path: path.hasPrefix("/") ? path : base.appendingPathComponent(path).path)
    }

    /// Opens the store (without migrating it). A PostgreSQL store needs its pool running (`withStore` does that).
    public func open(policy: CommitPolicy = .standard, durability: SQLiteStore.Durability = .full, logger: Logger) throws -> any ReportingStore {
        switch self {
        case .sqlite(let path): try SQLiteStore(path: path, policy: policy, durability: durability)
        case .postgres(let url): try PostgresStore(url: url, policy: policy, logger: logger)
        }
    }

    /// The one way to use a store: opens it, runs PostgreSQL's connection pool meanwhile, migrates it, runs `body`,
    /// and closes it, whether `body` returns or throws. `mustExist` refuses a SQLite file that is not there yet
    /// (a command that only reads), instead of creating an empty one.
    public func withStore<Result: Sendable>(
        policy: CommitPolicy = .standard, durability: SQLiteStore.Durability = .full, mustExist: Bool = false,
        logger: Logger, _ body: (any ReportingStore) async throws -> Result
    ) async throws -> Result {
        if mustExist, case .sqlite(let path) = self, !FileManager.default.fileExists(atPath: path) {
            throw StoreError("there is no collector store at \(path); give the collector's --database")
        }
        let store = try open(policy: policy, durability: durability, logger: logger)
        let result: Swift.Result<Result, any Error>
        do {
            if let postgres = store as? PostgresStore {
                result = .success(try await postgres.withRunningStore { try await Self.migrated($0, body) })
            } else {
                result = .success(try await Self.migrated(store, body))
            }
        } catch {
            result = .failure(error)
        }
        try await store.close()
        return try result.get()
    }

    private static func migrated<Result: Sendable>(
        _ store: any ReportingStore, _ body: (any ReportingStore) async throws -> Result
    ) async throws -> Result {
        try await store.migrate()
        return try await body(store)
    }

    /// Says where for a person reading a command's output: a SQLite file inside `workspace` by its path from there
    /// (`.showroom/collector.sqlite`), any other by its full path, PostgreSQL without the password.
    public func name(relativeTo workspace: URL) -> String {
        guard case .sqlite(let path) = self else { return description }
        let base = workspace.standardizedFileURL.path
        let file = URL(fileURLWithPath: path).standardizedFileURL.path
        let prefix = base.hasSuffix("/") ? base : base + "/"
        return file.hasPrefix(prefix) ? String(file.dropFirst(prefix.count)) : file
    }

    /// Says where without the password: safe to log.
    public var description: String {
        switch self {
        case .sqlite(let path):
            return "sqlite:\(path)"
        case .postgres(let url):
            guard var components = URLComponents(string: url) else { return "postgres://…" }
            if components.password != nil { components.password = "***" }
            return components.string ?? "postgres://…"
        }
    }
}
