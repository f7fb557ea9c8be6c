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

    /// Opens the store (without migrating it).
    public func open(logger: Logger) throws -> any Store {
        switch self {
        case .sqlite(let path): try SQLiteStore(path: path)
        case .postgres(let url): try PostgresStore(url: url, logger: logger)
        }
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
