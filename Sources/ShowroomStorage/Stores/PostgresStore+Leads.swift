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

    /// Checks for an earlier lead and inserts in one transaction, under an advisory lock per number and model and
    /// within the commit timeout: instances sharing the database cannot both store the same lead.
    package func record(_ lead: Lead, dedupeWindow window: TimeInterval) async throws -> LeadOutcome {
        let client = self.client, logger = self.logger
        return try await withDeadline(timeout) { try await Self.insert(lead, dedupeWindow: window, client: client, logger: logger) }
    }

    private static func insert(_ lead: Lead, dedupeWindow window: TimeInterval, client: PostgresClient, logger: Logger) async throws -> LeadOutcome {
        try await client.withTransaction(logger: logger) { connection in
            if !lead.isSpam, let phone = lead.phone {
                // Serialize the check-then-insert per number and model across every instance sharing the store.
                let key = "lead|\(phone)|\(lead.model)"
                try await connection.query("SELECT pg_advisory_xact_lock(hashtext(\(key)))", logger: logger)
                // Either side of this lead's time: instances' clocks differ, and a later one may have committed first.
                let earliest = lead.createdAt.addingTimeInterval(-window).epochMilliseconds
                let latest = lead.createdAt.addingTimeInterval(window).epochMilliseconds
                let rows = try await connection.query("""
                    SELECT \(unescaped: leadColumns) FROM leads
                    WHERE phone = \(phone) AND model = \(lead.model) AND NOT spam
                      AND created_at > \(earliest) AND created_at < \(latest)
                    ORDER BY created_at LIMIT 1
                    """, logger: logger)
                for try await row in rows { return LeadOutcome.duplicate(of: try Self.lead(row)) }
            }
            let inserted = try await connection.query("""
                INSERT INTO leads (site, page, name, phone, model, city, dealer, visitor, consent_version, created_at, spam)
                VALUES (\(lead.site), \(lead.page), \(lead.name), \(lead.phone), \(lead.model), \(lead.city), \(lead.dealer),
                        \(lead.visitor), \(lead.consentVersion), \(lead.createdAt.epochMilliseconds), \(lead.isSpam))
                RETURNING id
                """, logger: logger)
            var stored = lead
            for try await id in inserted.decode(Int64.self) { stored.id = id }
            if let id = stored.id, !lead.isSpam { try await Self.copyTouches(toLead: id, on: connection, logger: logger) }
            return lead.isSpam ? LeadOutcome.spam : LeadOutcome.stored(stored)
        }
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

    /// Deletes the number's rows in one statement and returns how many there were.
    package func forgetLeads(phone: String) async throws -> Int {
        let rows = try await client.query("WITH gone AS (DELETE FROM leads WHERE phone = \(phone) RETURNING 1) SELECT COUNT(*) FROM gone",
                                          logger: logger)
        for try await count in rows.decode(Int.self) { return count }
        return 0
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
