import Foundation
import Logging

extension LeadsExport {
    /// The leads created at or after `since` in the collector's store at `database` (`sqlite:PATH`, a plain path
    /// relative to `workspace`, or `postgres://…`), rendered in `format`: what `showroom leads export` prints.
    public static func export(database: String, workspace: URL, since: Date, format: Format) async throws -> String {
        var logger = Logger(label: "showroom.leads")
        logger.logLevel = .error
        let location = StoreLocation(parsing: database, relativeTo: workspace)
        if case .sqlite(let path) = location, !FileManager.default.fileExists(atPath: path) {
            throw CollectorError("there is no collector store at \(path); give the collector's --database")
        }
        let store = try location.open(logger: logger)
        let leads: [Lead]
        if let postgres = store as? PostgresStore {
            leads = try await postgres.withRunningStore { store in
                try await store.migrate()
                return try await store.leads(since: since)
            }
        } else {
            try await store.migrate()
            leads = try await store.leads(since: since)
        }
        try await store.close()
        return render(leads, as: format)
    }
}
