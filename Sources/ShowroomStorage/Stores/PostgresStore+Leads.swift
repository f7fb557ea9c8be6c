import Foundation
import Logging
import PostgresNIO

extension PostgresStore {
    /// Migration `2-leads`: the booking form's leads, with spam kept as rows without personal data.
    static let leadsTableStatements = [
        """
        CREATE TABLE leads (
            id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            site TEXT NOT NULL,
            page TEXT NOT NULL,
            name TEXT,
            phone TEXT,
            model TEXT NOT NULL,
            city TEXT,
            dealer TEXT NOT NULL,
            visitor TEXT,
            consent_version TEXT NOT NULL,
            created_at BIGINT NOT NULL,
            spam BOOLEAN NOT NULL DEFAULT FALSE
        )
        """,
        "CREATE INDEX leads_phone_model_time ON leads (phone, model, created_at)",
        "CREATE INDEX leads_time ON leads (created_at)",
    ]

    /// Stores the lead in the next group commit of leads, unless the same number booked the same model within
    /// `window`: instances sharing the database cannot both store the same lead (see `insert(_:on:logger:)`).
    package func record(_ lead: Lead, dedupeWindow window: TimeInterval) async throws -> LeadOutcome {
        try await leads.submit([WindowedLead(lead: lead, window: window)])[0]
    }

    /// A batch of leads in one transaction: takes the advisory lock of every number and model in it (in one order, so
    /// two instances' batches cannot deadlock), then checks and inserts each lead in turn, so the batch's earlier
    /// leads count for the check of its later ones.
    static func insert(_ batch: [WindowedLead], on connection: PostgresConnection, logger: Logger) async throws -> [LeadOutcome] {
        let keys = batch.compactMap { item in item.lead.isSpam ? nil : item.lead.phone.map { "lead|\($0)|\(item.lead.model)" } }
        if !keys.isEmpty {
            // Serialize the check-then-insert per number and model across every instance sharing the store.
            try await connection.query("""
                SELECT pg_advisory_xact_lock(key) FROM (
                    SELECT DISTINCT hashtext(k) AS key FROM unnest(\(keys)::text[]) AS k ORDER BY key) AS keys
                """, logger: logger)
        }
        var outcomes: [LeadOutcome] = []
        outcomes.reserveCapacity(batch.count)
        for item in batch { outcomes.append(try await insert(item.lead, dedupeWindow: item.window, on: connection, logger: logger)) }
        return outcomes
    }

    /// Checks for an earlier lead and inserts, inside the batch's transaction and under its locks: one statement, so
    /// one round trip per lead. The look-up sees the batch's earlier leads (earlier statements of the transaction);
    /// a stored lead takes its visitor's first and latest touch as they stand.
    private static func insert(_ lead: Lead, dedupeWindow window: TimeInterval, on connection: PostgresConnection,
                               logger: Logger) async throws -> LeadOutcome {
        // Either side of this lead's time: instances' clocks differ, and a later one may have committed first.
        let checked = !lead.isSpam && lead.phone != nil
        let earliest = lead.createdAt.addingTimeInterval(-window).epochMilliseconds
        let latest = lead.createdAt.addingTimeInterval(window).epochMilliseconds
        let rows = try await connection.query("""
            WITH earlier AS (
                SELECT \(unescaped: leadColumns) FROM leads
                WHERE \(checked) AND phone = \(lead.phone) AND model = \(lead.model) AND NOT spam
                  AND created_at > \(earliest) AND created_at < \(latest)
                ORDER BY created_at LIMIT 1
            ), stored AS (
                INSERT INTO leads (site, page, name, phone, model, city, dealer, visitor, consent_version, created_at, spam,
                                   first_touch, latest_touch)
                SELECT \(lead.site), \(lead.page), \(lead.name), \(lead.phone), \(lead.model), \(lead.city), \(lead.dealer),
                       \(lead.visitor), \(lead.consentVersion), \(lead.createdAt.epochMilliseconds), \(lead.isSpam),
                       t.first_touch, t.latest_touch
                FROM (SELECT 1) AS one LEFT JOIN visitor_touches AS t ON NOT \(lead.isSpam) AND t.visitor = \(lead.visitor)
                WHERE NOT EXISTS (SELECT 1 FROM earlier)
                RETURNING \(unescaped: leadColumns)
            )
            SELECT *, TRUE AS repeat FROM earlier UNION ALL SELECT *, FALSE FROM stored
            """, logger: logger)
        for try await row in rows {
            let found = try Self.lead(row)
            if try row.makeRandomAccess()["repeat"].decode(Bool.self) { return LeadOutcome.duplicate(of: found) }
            var stored = lead
            stored.id = found.id
            return lead.isSpam ? LeadOutcome.spam : LeadOutcome.stored(stored)
        }
        throw StoreError("PostgreSQL neither stored the lead nor found the one it repeats")
    }


    /// Reads the leads that are not spam from `since` on, oldest first (by id within one millisecond).
    package func leads(since: Date) async throws -> [Lead] {
        let rows = try await client.query("""
            SELECT \(unescaped: Self.leadColumns) FROM leads
            WHERE NOT spam AND created_at >= \(since.epochMilliseconds)
            ORDER BY created_at, id
            """, logger: logger)
        var leads: [Lead] = []
        for try await row in rows { leads.append(try Self.lead(row)) }
        return leads
    }

    /// Counts the lead rows, spam apart, in one query.
    package func leadTotals() async throws -> LeadTotals {
        let rows = try await client.query(
            "SELECT (SELECT COUNT(*) FROM leads WHERE NOT spam), (SELECT COUNT(*) FROM leads WHERE spam)", logger: logger)
        for try await (leads, spam) in rows.decode((Int, Int).self) {
            return LeadTotals(leads: leads, spam: spam)
        }
        throw StoreError("PostgreSQL returned no row for the lead totals")
    }

    /// Deletes the number's leads and their visitor ids' rows in one transaction.
    package func forget(phone: String) async throws -> Erasure {
        let logger = self.logger
        return try await client.withTransaction(logger: logger) { connection in
            var visitors: [String] = []
            let found = try await connection.query(
                "SELECT DISTINCT visitor FROM leads WHERE phone = \(phone) AND visitor IS NOT NULL", logger: logger)
            for try await visitor in found.decode(String.self) { visitors.append(visitor) }
            var erasure = Erasure(visitors: visitors.count)
            erasure.leads = try await Self.changedRows(
                "DELETE FROM leads WHERE phone = \(phone) RETURNING 1", on: connection, logger: logger)
            for visitor in visitors {
                erasure.events += try await Self.changedRows(
                    "DELETE FROM events WHERE visitor = \(visitor) RETURNING 1", on: connection, logger: logger)
                erasure.downloads += try await Self.changedRows(
                    "DELETE FROM downloads WHERE visitor = \(visitor) RETURNING 1", on: connection, logger: logger)
                erasure.touches += try await Self.changedRows(
                    "DELETE FROM visitor_touches WHERE visitor = \(visitor) RETURNING 1", on: connection, logger: logger)
                erasure.funnelEntries += try await Self.changedRows(
                    "UPDATE funnel_visitors SET visitor = \(Erasure.anonymousVisitor()) WHERE visitor = \(visitor) RETURNING 1",
                    on: connection, logger: logger)
            }
            return erasure
        }
    }

    /// How many rows a `DELETE` or `UPDATE … RETURNING 1` changed.
    private static func changedRows(_ statement: PostgresQuery, on connection: PostgresConnection, logger: Logger) async throws -> Int {
        var count = 0
        for try await _ in try await connection.query(statement, logger: logger) { count += 1 }
        return count
    }

    private static let leadColumns =
        "id, site, page, name, phone, model, city, dealer, visitor, consent_version, created_at, spam"

    private static func lead(_ row: PostgresRow) throws -> Lead {
        let columns = row.makeRandomAccess()
        return Lead(
            id: try columns["id"].decode(Int64.self), site: try columns["site"].decode(String.self),
            page: try columns["page"].decode(String.self), name: try columns["name"].decode(String?.self),
            phone: try columns["phone"].decode(String?.self), model: try columns["model"].decode(String.self),
            city: try columns["city"].decode(String?.self), dealer: try columns["dealer"].decode(String.self),
            visitor: try columns["visitor"].decode(String?.self),
            consentVersion: try columns["consent_version"].decode(String.self),
            createdAt: Date(epochMilliseconds: try columns["created_at"].decode(Int64.self)),
            isSpam: try columns["spam"].decode(Bool.self))
    }
}
