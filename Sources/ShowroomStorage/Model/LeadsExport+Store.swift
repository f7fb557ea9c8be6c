import Foundation
import Logging

extension LeadsExport {
    /// The leads created at or after `since` in the collector's store at `database` (`sqlite:PATH`, a plain path
    /// relative to `workspace`, or `postgres://…`), rendered in `format`: what `showroom leads export` prints.
    public static func export(database: String, workspace: URL, since: Date, format: Format) async throws -> String {
        var logger = Logger(label: "showroom.leads")
        logger.logLevel = .error
        let leads = try await StoreLocation(parsing: database, relativeTo: workspace)
            .withStore(mustExist: true, logger: logger) { store in try await store.leads(since: since) }
        return render(leads, as: format)
    }
}
