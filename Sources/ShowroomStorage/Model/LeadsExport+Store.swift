import Foundation
import Logging

extension LeadsExport {
    /// What an export produced: the text, how many leads it holds, and which store they were read from.
    public struct Written: Sendable {
        /// The CSV or JSON.
        public var text: String
        /// How many leads the text holds.
        public var count: Int
        /// The store, as `StoreLocation.name(relativeTo:)` says it: `.showroom/collector.sqlite`, `postgres://…`.
        public var store: String
    }

    /// The leads created at or after `since` in the collector's store at `database` (`sqlite:PATH`, a plain path
    /// relative to `workspace`, or `postgres://…`), rendered in `format`: what `showroom leads export` prints.
    public static func export(database: String, workspace: URL, since: Date, format: Format,
                              presentation: Presentation) async throws -> Written {
        var logger = Logger(label: "showroom.leads")
        logger.logLevel = .error
        let location = StoreLocation(parsing: database, relativeTo: workspace)
        let leads = try await location.withStore(mustExist: true, logger: logger) { store in try await store.leads(since: since) }
        return Written(text: render(leads, as: format, presentation: presentation), count: leads.count,
                       store: location.name(relativeTo: workspace))
    }
}

/// A person's right to erasure: `showroom leads forget --phone N` deletes every lead with their number, and the
/// journey stored under the visitor ids of those leads.
public enum LeadsErasure {
    /// Deletes every lead with `phone` (normalised: 11 digits) from the store at `database`, and the events, downloads
    /// and touches of the visitor ids those leads carry, and returns what it removed. Events and downloads hold no
    /// number, but a lead ties its visitor id to the person.
    public static func forget(phone: String, database: String, workspace: URL) async throws -> Erasure {
        var logger = Logger(label: "showroom.leads")
        logger.logLevel = .error
        return try await StoreLocation(parsing: database, relativeTo: workspace)
            .withStore(mustExist: true, logger: logger) { store in try await store.forget(phone: phone) }
    }
}
